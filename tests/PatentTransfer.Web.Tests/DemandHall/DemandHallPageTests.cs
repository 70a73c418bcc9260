using System.Net;
using AngleSharp.Html.Dom;
using PatentTransfer.Domain.Demands;
using PatentTransfer.Domain.Organisations;
using static PatentTransfer.Web.Tests.DemandHall.DemandHallTestData;
using static PatentTransfer.Web.Tests.Demands.DemandTestData;

namespace PatentTransfer.Web.Tests.DemandHall;

/// <summary>The hall and the demand page over HTTP, as a visitor's browser gets them (the server-rendered first paint).</summary>
public class DemandHallPageTests(PortalAppFactory app)
{
    private async Task<Browser> BrowserAsync(string visitor)
    {
        var browser = new Browser(app.CreateBrowserClient());
        if (visitor != AnonymousVisitor)
        {
            await browser.LogInAsync(visitor, Accounts.Password, Ct);
        }

        return browser;
    }

    private async Task<IHtmlDocument> PageAsync(string visitor, string url) => await (await BrowserAsync(visitor)).GetPageAsync(url, Ct);

    /// <summary>Neither the SME's name nor any part of the demand's contact appears anywhere in the page's HTML.</summary>
    private static void AssertDisclosesNothingOf(PublishedDemand demand, IHtmlDocument page)
    {
        var html = page.DocumentElement.OuterHtml;
        Assert.DoesNotContain(demand.SmeName, html, StringComparison.Ordinal);
        Assert.DoesNotContain(demand.Contact.Name, html, StringComparison.Ordinal);
        Assert.DoesNotContain(demand.Contact.Phone, html, StringComparison.Ordinal);
        Assert.DoesNotContain(demand.Contact.Email!, html, StringComparison.Ordinal);
    }

    /// <summary>
    /// A public demand of a fresh SME in 保定, and an anonymised and a platform-only one of another, once the index lists
    /// them: the list may name the first SME, never the second.
    /// </summary>
    private async Task<(string Token, PublishedDemand Public, PublishedDemand Anonymised, PublishedDemand PlatformOnly)> DemandsAsync()
    {
        var token = SearchToken();
        var discreet = await RegisterSmeAsync(app, Baoding);
        var platformOnly = await PublishAsync(app, discreet, token, DemandConfidentiality.PlatformOnly);
        var anonymised = await PublishAsync(app, discreet, token, DemandConfidentiality.Anonymised);
        var open = await PublishAsync(app, await RegisterSmeAsync(app, Baoding), token);
        await EventuallyAsync(app, await PrincipalAsync(app, Accounts.Provincial), new(token), open.Id, anonymised.Id, platformOnly.Id);
        return (token, open, anonymised, platformOnly);
    }

    [Theory]
    [InlineData(AnonymousVisitor)]
    [InlineData(Accounts.Sme)]
    [InlineData(Accounts.Holder)]
    [InlineData(Accounts.Provincial)]
    public async Task TheHallListsAnAnonymisedDemandByCityAndSizeAndNeverItsSmeOrAnyContact(string visitor)
    {
        var (token, open, anonymised, platformOnly) = await DemandsAsync();

        var page = await PageAsync(visitor, "/demands?q=" + token);

        var hits = page.QuerySelectorAll("[data-testid=hall-hit]");
        var hit = hits.Single(h => h.QuerySelector("[data-testid=hall-hit-title]")!.GetAttribute("href") == $"/demands/{anonymised.Id}");
        Assert.Equal("保定市 · 小型企业", hit.QuerySelector("[data-testid=hall-hit-sme]")!.TextContent.Trim());
        Assert.Contains("<mark>" + token + "</mark>", hit.InnerHtml, StringComparison.Ordinal);
        Assert.Equal("50–120 万元", hit.QuerySelector("[data-testid=hall-hit-budget]")!.TextContent.Trim());
        AssertDisclosesNothingOf(anonymised, page);
        var openHit = hits.Single(h => h.QuerySelector("[data-testid=hall-hit-title]")!.GetAttribute("href") == $"/demands/{open.Id}");
        Assert.StartsWith(open.SmeName, openHit.QuerySelector("[data-testid=hall-hit-sme]")!.TextContent.Trim(), StringComparison.Ordinal);
        // The list names public SMEs but gives no contact to anyone: that is for the demand's own page.
        Assert.DoesNotContain(open.Contact.Phone, page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        var seesPlatformOnly = visitor is Accounts.Holder or Accounts.Provincial;
        AssertDisclosesNothingOf(platformOnly, page);
        Assert.Equal(seesPlatformOnly ? 3 : 2, hits.Length);
        Assert.Equal(seesPlatformOnly, page.DocumentElement.OuterHtml.Contains(platformOnly.Id.ToString(), StringComparison.Ordinal));
        Assert.Contains(seesPlatformOnly ? "共找到 3 项需求" : "共找到 2 项需求", page.QuerySelector("[data-testid=hall-total]")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AnonymousVisitor)]
    [InlineData(Accounts.Sme)]
    [InlineData(Accounts.Holder)]
    [InlineData(Accounts.Provincial)]
    public async Task AnAnonymisedDemandsPageShowsItsContentButNeitherItsSmeNorItsContact(string visitor)
    {
        var (_, _, anonymised, _) = await DemandsAsync();

        var page = await PageAsync(visitor, $"/demands/{anonymised.Id}");

        Assert.Equal(anonymised.Title, page.QuerySelector("[data-testid=demand-title]")?.TextContent.Trim());
        Assert.Contains("冲击韧性 ≥ 67 J/cm²", page.QuerySelector("[data-testid=demand-targets]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("保定市 · 小型企业", page.QuerySelector("[data-testid=demand-sme]")!.TextContent.Trim());
        Assert.Equal(PortalTexts.Zh("DemandHall_ContactThroughPlatform"), page.QuerySelector("[data-testid=demand-contact-note]")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("[data-testid=demand-contact]"));
        AssertDisclosesNothingOf(anonymised, page);
    }

    [Fact]
    public async Task ThePlatformOnlyDemandIsNotFoundForAnonymousVisitorsAndSmesButShownToVerifiedHolders()
    {
        var (_, _, _, platformOnly) = await DemandsAsync();

        foreach (var visitor in new[] { AnonymousVisitor, Accounts.Sme, Accounts.Agency })
        {
            var hidden = await PageAsync(visitor, $"/demands/{platformOnly.Id}");
            Assert.Null(hidden.QuerySelector("[data-testid=demand-title]"));
            Assert.DoesNotContain(platformOnly.Title, hidden.DocumentElement.OuterHtml, StringComparison.Ordinal);
            Assert.Contains(PortalTexts.Zh("DemandHall_NotFound"), hidden.Body!.TextContent, StringComparison.Ordinal);
        }

        var holder = await PageAsync(Accounts.Holder, $"/demands/{platformOnly.Id}");
        Assert.Equal(platformOnly.Title, holder.QuerySelector("[data-testid=demand-title]")?.TextContent.Trim());
        Assert.Equal(PortalTexts.Zh("DemandConfidentiality_PlatformOnly"), holder.QuerySelector("[data-testid=demand-confidentiality]")?.TextContent.Trim());
        AssertDisclosesNothingOf(platformOnly, holder);
    }

    [Fact]
    public async Task APublicDemandNamesItsSmeToEveryoneAndGivesTheContactOnlyToVerifiedOrganisations()
    {
        var (_, open, _, _) = await DemandsAsync();

        var anonymous = await PageAsync(AnonymousVisitor, $"/demands/{open.Id}");
        var pending = await PageAsync(Accounts.PendingSme, $"/demands/{open.Id}");
        var verified = await PageAsync(Accounts.Sme, $"/demands/{open.Id}");

        Assert.Equal($"{open.SmeName} · 保定市", anonymous.QuerySelector("[data-testid=demand-sme]")!.TextContent.Trim());
        Assert.Equal(PortalTexts.Zh("DemandHall_ContactSignIn"), anonymous.QuerySelector("[data-testid=demand-contact-note]")!.TextContent.Trim());
        Assert.DoesNotContain(open.Contact.Phone, anonymous.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Equal(PortalTexts.Zh("DemandHall_ContactVerifiedOnly"), pending.QuerySelector("[data-testid=demand-contact-note]")!.TextContent.Trim());
        Assert.DoesNotContain(open.Contact.Phone, pending.DocumentElement.OuterHtml, StringComparison.Ordinal);
        var contact = verified.QuerySelector("[data-testid=demand-contact]")!.TextContent;
        Assert.Contains(open.Contact.Name, contact, StringComparison.Ordinal);
        Assert.Contains(open.Contact.Phone, contact, StringComparison.Ordinal);
        Assert.Contains(open.Contact.Email!, contact, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheProposalsPlaceIsRenderedOnlyForVerifiedHolders()
    {
        var (_, open, _, _) = await DemandsAsync();
        var unverifiedHolder = await RegisterAsync(app, OrganisationType.University, null, verified: false);

        Assert.NotNull((await PageAsync(Accounts.Holder, $"/demands/{open.Id}")).QuerySelector("[data-testid=demand-proposals]"));
        foreach (var visitor in new[] { AnonymousVisitor, Accounts.Sme, Accounts.Agency, Accounts.Provincial, unverifiedHolder.Email! })
        {
            var page = await PageAsync(visitor, $"/demands/{open.Id}");
            Assert.NotNull(page.QuerySelector("[data-testid=demand-title]"));
            Assert.Null(page.QuerySelector("[data-testid=demand-proposals]"));
        }
    }

    [Fact]
    public async Task TheOwnerSeesItsAnonymisedDemandAsOthersDoWithALinkToItsWorkspace()
    {
        var token = SearchToken();
        var sme = await RegisterSmeAsync(app, Baoding);
        var anonymised = await PublishAsync(app, sme, token, DemandConfidentiality.Anonymised);

        var page = await PageAsync(sme.Email!, $"/demands/{anonymised.Id}");

        Assert.Equal($"/my/demands/{anonymised.Id}", page.QuerySelector("[data-testid=action-manage]")?.GetAttribute("href"));
        Assert.Equal("保定市 · 小型企业", page.QuerySelector("[data-testid=demand-sme]")!.TextContent.Trim());
        AssertDisclosesNothingOf(anonymised, page);
    }

    [Fact]
    public async Task DemoDemandsAreMarkedAndNameTheirSource()
    {
        var sme = await RegisterSmeAsync(app);
        var demo = await PublishAsync(app, sme, SearchToken(), isDemo: true, source: "CCF BDCI 2019");
        var real = await PublishAsync(app, sme, SearchToken());

        var page = await PageAsync(AnonymousVisitor, $"/demands/{demo.Id}");
        var plain = await PageAsync(AnonymousVisitor, $"/demands/{real.Id}");

        Assert.Equal("演示数据", page.QuerySelector("[data-testid=demo-marker]")?.TextContent.Trim());
        Assert.Equal("来源：CCF BDCI 2019", page.QuerySelector("[data-testid=demand-source]")?.TextContent.Trim());
        Assert.Contains("C22C", page.QuerySelector("[data-testid=demand-ipc]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("合金", page.QuerySelector("[data-testid=demand-ipc]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(plain.QuerySelector("[data-testid=demo-marker]"));
        Assert.Null(plain.QuerySelector("[data-testid=demand-source]"));
    }

    [Fact]
    public async Task AClosedDemandsPageReadsAsNotFound()
    {
        var sme = await RegisterSmeAsync(app);
        var demand = await PublishAsync(app, sme, SearchToken());
        await ChangeAsync(app, demand.Id, d => d.Close(DemandCloseReason.GaveUp, null, DateTimeOffset.UtcNow));

        var page = await PageAsync(Accounts.Provincial, $"/demands/{demand.Id}");

        Assert.Null(page.QuerySelector("[data-testid=demand-title]"));
        Assert.Contains(PortalTexts.Zh("DemandHall_NotFound"), page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAddressCarriesFiltersSortAndPage()
    {
        var token = SearchToken();
        var baoding = await RegisterSmeAsync(app, Baoding);
        var shijiazhuang = await RegisterSmeAsync(app, Shijiazhuang);
        var ids = new List<Guid>();
        for (var i = 0; i < 21; i++)
        {
            ids.Add((await PublishAsync(app, baoding, token, change: input => input.BudgetMaxWan = 100m + i)).Id);
        }

        var elsewhere = await PublishAsync(app, shijiazhuang, token, change: input => input.BudgetMaxWan = 500m);
        await EventuallyAsync(app, await PrincipalAsync(app, AnonymousVisitor), new(token, PageSize: 50), [.. ids, elsewhere.Id]);

        var first = await PageAsync(AnonymousVisitor, $"/demands?q={token}&city=1306&sort=BudgetHighest");
        var second = await PageAsync(AnonymousVisitor, $"/demands?q={token}&city=1306&sort=BudgetHighest&page=2");

        string[] Titles(IHtmlDocument page) => [.. page.QuerySelectorAll("[data-testid=hall-hit-title]").Select(a => a.GetAttribute("href")!)];
        Assert.Equal(20, Titles(first).Length);
        Assert.Equal($"/demands/{ids[20]}", Titles(first)[0]);
        Assert.Equal([$"/demands/{ids[0]}"], Titles(second));
        Assert.DoesNotContain($"/demands/{elsewhere.Id}", first.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Contains("共找到 21 项需求", first.QuerySelector("[data-testid=hall-total]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(first.QuerySelector("[data-testid=hall-pager]"));
        Assert.Equal("21", second.QuerySelector("[data-testid=hall-results]")?.GetAttribute("start"));
    }

    [Theory]
    [InlineData("/demands?type=Bogus&mode=1&pay=Buy,Licence&min=abc&max=-5&neg=maybe&page=-3&sort=cheapest")]
    [InlineData("/demands?page=99999&city=%3Cscript%3E&industry=%22")]
    [InlineData("/demands?q=%22%5B%3A*%3F&min=100&max=1")]
    public async Task HandEditedAddressesShowAPageNotAnError(string url)
    {
        var response = await app.CreateBrowserClient().GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"hall-total\"", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryVisitorFindsTheHallInTheMenuAndTheSmeLinksToItFromAPublishedDemand()
    {
        var sme = await RegisterSmeAsync(app);
        var listed = await PublishAsync(app, sme, SearchToken(), DemandConfidentiality.Anonymised);
        var platformOnly = await PublishAsync(app, sme, SearchToken(), DemandConfidentiality.PlatformOnly);
        var browser = await BrowserAsync(sme.Email!);

        var home = await PageAsync(AnonymousVisitor, "/");
        var own = await browser.GetPageAsync($"/my/demands/{listed.Id}", Ct);
        var offHall = await browser.GetPageAsync($"/my/demands/{platformOnly.Id}", Ct);

        Assert.Contains(home.QuerySelectorAll("nav a, a"), a => a.GetAttribute("href") == "/demands" && a.TextContent.Contains("需求大厅", StringComparison.Ordinal));
        Assert.Equal($"/demands/{listed.Id}", own.QuerySelector("[data-testid=demand-hall-link]")?.GetAttribute("href"));
        Assert.Null(offHall.QuerySelector("[data-testid=demand-hall-link]"));
    }
}
