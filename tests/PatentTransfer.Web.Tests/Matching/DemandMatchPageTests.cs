using System.Net;
using PatentTransfer.Domain.Demands;
using PatentTransfer.Web.Tests.DemandHall;
using static PatentTransfer.Web.Tests.Demands.DemandTestData;
using static PatentTransfer.Web.Tests.Matching.DemandMatchTestData;

namespace PatentTransfer.Web.Tests.Matching;

/// <summary>The "匹配需求" tab of the holder's patent page over HTTP (the server-rendered first paint), by visitor.</summary>
public class DemandMatchPageTests(PortalAppFactory app)
{
    private async Task<Browser> LogInAsync(string email)
    {
        var browser = new Browser(app.CreateBrowserClient());
        await browser.LogInAsync(email, Accounts.Password, Ct);
        return browser;
    }

    private static void AssertRedirectedTo(HttpResponseMessage response, string path)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(path, new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task TheHolderFindsMatchedDemandsWithTheirChipsOnItsPatentPageAndNobodyElseDoes()
    {
        var token = DemandHallTestData.SearchToken();
        var sme = await RegisterSmeAsync(app);
        var open = await DemandHallTestData.PublishAsync(app, sme, token);
        var platformOnly = await DemandHallTestData.PublishAsync(app, sme, token, DemandConfidentiality.PlatformOnly);
        var holder = await RegisterHolderAsync(app);
        var patent = await ListedPatentOfAsync(app, holder, token);
        await MatchedWithAsync(app, holder.Email!, patent, open.Id, platformOnly.Id);

        var page = await (await LogInAsync(holder.Email!)).GetPageAsync($"/my/patents/{patent}", Ct);

        Assert.NotNull(page.QuerySelector("[data-testid=demand-matches-panel]"));
        var row = page.QuerySelector($"[data-testid=demand-match][data-demand-id='{open.Id}']");
        Assert.NotNull(row);
        Assert.Equal($"/demands/{open.Id}", row.QuerySelector("[data-testid=demand-match-title]")?.GetAttribute("href"));
        Assert.Contains(row.QuerySelectorAll("[data-testid=demand-match-factor]"), c => c.TextContent.Trim().StartsWith("文本相关 ", StringComparison.Ordinal));
        Assert.Contains(row.QuerySelectorAll("[data-testid=demand-match-factor]"), c => c.GetAttribute("data-factor") == "IpcSubclass");
        Assert.NotEmpty(row.QuerySelectorAll("[data-testid=demand-match-word]"));
        Assert.NotNull(row.QuerySelector("[data-testid=demand-match-why]"));
        Assert.Equal($"/demands/{open.Id}?patent={patent}#propose", row.QuerySelector("[data-testid=demand-match-propose]")?.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector($"[data-testid=demand-match][data-demand-id='{platformOnly.Id}']"));
        Assert.DoesNotContain(platformOnly.Contact.Phone, page.DocumentElement.OuterHtml, StringComparison.Ordinal);

        // Another holder reads the patent as not found; an SME and anonymous visitors do not reach the page.
        var other = await (await LogInAsync(Accounts.Holder)).GetPageAsync($"/my/patents/{patent}", Ct);
        Assert.Null(other.QuerySelector("[data-testid=demand-matches-panel]"));
        Assert.DoesNotContain(token, other.DocumentElement.OuterHtml, StringComparison.Ordinal);
        AssertRedirectedTo(await (await LogInAsync(sme.Email!)).Client.GetAsync($"/my/patents/{patent}", Ct), "/Account/AccessDenied");
        AssertRedirectedTo(await new Browser(app.CreateBrowserClient()).Client.GetAsync($"/my/patents/{patent}", Ct), "/Account/Login");
    }
}
