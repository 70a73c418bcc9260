using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PatentTransfer.Domain.Listings;
using PatentTransfer.Domain.Patents;
using PatentTransfer.Matching.Search;
using PatentTransfer.Testing;
using PatentTransfer.Web.Features.Search;

namespace PatentTransfer.Web.Tests.Search;

/// <summary>The catalogue search through the running app: its index follows the database, its page the address.</summary>
public class PatentSearchTests(PortalAppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateOnly Today = new(2026, 11, 25);

    private async Task<Patent> AddAsync(string account, PatentDetails details, ListingTerms? published = null)
    {
        var holder = await app.FindUserAsync(account);
        var patent = TestPatents.Create(holder.OrganisationId!.Value, details, Today);
        await using var db = app.CreateDbContext();
        db.Patents.Add(patent);
        if (published is not null)
        {
            var listing = new Listing(patent, published, Today, DateTimeOffset.UtcNow);
            listing.Submit(patent, holderMayPublish: true, Today, DateTimeOffset.UtcNow);
            listing.Approve(patent, (await app.FindUserAsync(Accounts.Provincial)).Id, Today, DateTimeOffset.UtcNow);
            db.Listings.Add(listing);
        }

        await db.SaveChangesAsync(Ct);
        return patent;
    }

    private async Task<PatentSearchResults> SearchAsync(PatentSearchQuery query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PatentSearchService>().SearchAsync(query, Ct);
    }

    /// <summary>Waits (up to 10 s) until the search returns exactly the expected patents; returns how long that took.</summary>
    private async Task<TimeSpan> EventuallyAsync(PatentSearchQuery query, params Guid[] expected)
    {
        var clock = Stopwatch.StartNew();
        IEnumerable<Guid> found = [];
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            found = (await SearchAsync(query)).Rows.Select(r => r.Id).ToList();
            if (found.Order().SequenceEqual(expected.Order()))
            {
                return clock.Elapsed;
            }

            await Task.Delay(100, Ct);
        }

        Assert.Equal(expected.Order(), found.Order());
        return clock.Elapsed;
    }

    /// <summary>A word no other patent contains: Latin letters stay one token in every Chinese analyzer.</summary>
    private static string Token() => "zq" + string.Concat(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + (c % 26))));

    [Fact]
    public async Task AnonymousVisitorsFindAPatentByChineseWordsThatOnlyItsClaimsContain()
    {
        var token = Token();
        var patent = await AddAsync(Accounts.Holder, TestPatents.Details(
            title: "一种散热装置", @abstract: "本实用新型公开了一种散热装置，结构简单。", claims: $"1.一种散热装置，其特征在于：包括 {token} 型复合鳍片和蜂窝状导热基板。"));

        var took = await EventuallyAsync(new PatentSearchQuery(Text: token + " 复合鳍片"), patent.Id);

        Assert.True(took < TimeSpan.FromSeconds(5), $"the index took {took} to follow the database");
        var page = await new Browser(app.CreateBrowserClient()).GetPageAsync("/patents?q=" + Uri.EscapeDataString(token + " 复合鳍片"), Ct);
        var hit = Assert.Single(page.QuerySelectorAll("[data-testid=search-hit]"));
        Assert.Equal("一种散热装置", hit.QuerySelector("[data-testid=search-hit-title]")!.TextContent);
        Assert.Equal($"/patents/{patent.Id}", hit.QuerySelector("[data-testid=search-hit-title]")!.GetAttribute("href"));
        Assert.Contains("<mark>", hit.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiltersCombineAndTheAddressCarriesThem()
    {
        var token = Token();
        PatentDetails Details(string title, DateOnly? granted = null) => TestPatents.Details(title: token + title, grantDate: granted);
        var cheapOpen = await AddAsync(Accounts.Holder, Details("低价开放许可"),
            TestPatents.OrdinaryLicence(50_000m) with { OpenLicence = true, FreeForSmes = true });
        var dear = await AddAsync(Accounts.Holder, Details("高价普通许可"), TestPatents.OrdinaryLicence(300_000m));
        var recent = await AddAsync(Accounts.Institute, Details("新近授权", new DateOnly(2025, 10, 1)), TestPatents.OrdinaryLicence(60_000m));
        var unlisted = await AddAsync(Accounts.Holder, Details("未发布"));
        await EventuallyAsync(new PatentSearchQuery(Text: token), cheapOpen.Id, dear.Id, recent.Id, unlisted.Id);

        Assert.Equal(3, (await SearchAsync(new(Text: token, ListedOnly: true))).Total);
        await EventuallyAsync(new(Text: token, PriceMax: 100_000m), cheapOpen.Id, recent.Id);
        await EventuallyAsync(new(Text: token, PriceMax: 100_000m, SleepingOnly: true), cheapOpen.Id);
        await EventuallyAsync(new(Text: token, OpenLicenceOnly: true, FreeOnly: true), cheapOpen.Id);
        await EventuallyAsync(new(Text: token, CityCode: "1301"), recent.Id);
        await EventuallyAsync(new(Text: token, PriceMin: 100_000m, HolderType: "University"), dear.Id);
        await EventuallyAsync(new(Text: token, OfferedMode: "Transfer"));

        var sorted = await SearchAsync(new(Text: token, Sort: PatentSort.PriceLowest));
        Assert.Equal([cheapOpen.Id, recent.Id, dear.Id, unlisted.Id], sorted.Rows.Select(r => r.Id));

        var page = await new Browser(app.CreateBrowserClient()).GetPageAsync($"/patents?q={Uri.EscapeDataString(token)}&sleeping=1&max=100000", Ct);
        var hit = Assert.Single(page.QuerySelectorAll("[data-testid=search-hit]"));
        Assert.Contains("低价开放许可", hit.TextContent, StringComparison.Ordinal);
        Assert.Contains("50,000.00", hit.QuerySelector("[data-testid=hit-price]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APublishedListingWithdrawnLeavesTheOfferedFiltersWithinSeconds()
    {
        var token = Token();
        var patent = await AddAsync(Accounts.Holder, TestPatents.Details(title: token + "撤回测试"), TestPatents.OrdinaryLicence());
        await EventuallyAsync(new(Text: token, ListedOnly: true), patent.Id);

        await using (var db = app.CreateDbContext())
        {
            var listing = db.Listings.Single(l => l.PatentId == patent.Id);
            listing.Withdraw(DateTimeOffset.UtcNow);
            await db.SaveChangesAsync(Ct);
        }

        var took = await EventuallyAsync(new(Text: token, ListedOnly: true));
        Assert.True(took < TimeSpan.FromSeconds(5), $"the index took {took} to follow the withdrawal");
    }

    [Theory]
    [InlineData("/patents?sleeping=yes&min=abc&max=-5&page=-3&sort=cheapest")]
    [InlineData("/patents?page=99999&ipc=%3Cscript%3E")]
    [InlineData("/patents?q=%22%5B%3A*%3F")]
    public async Task HandEditedAddressesShowAPageNotAnError(string url)
    {
        var response = await app.CreateBrowserClient().GetAsync(url, Ct);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"search-total\"", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
