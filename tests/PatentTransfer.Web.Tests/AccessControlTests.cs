using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatentTransfer.Domain.Common;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Infrastructure.Identity;
using PatentTransfer.Web.Features.Organisations;
using PatentTransfer.Web.Infrastructure;

namespace PatentTransfer.Web.Tests;

/// <summary>What a visitor gets when opening a page.</summary>
public enum PageAccess
{
    /// <summary>200 and the page.</summary>
    Shown,

    /// <summary>302 to the log-in page, coming back to the page afterwards.</summary>
    LogInFirst,

    /// <summary>302 to the access-denied page.</summary>
    Denied,
}

public class AccessControlTests(PortalAppFactory app)
{
    public const string Anonymous = "anonymous";

    /// <summary>Seeded pending organisation located in 石家庄 (county 130111, city 1301), as stored (input normalised).</summary>
    public static readonly string ShijiazhuangPendingName = Text.NormaliseInput("石家庄示范生物医药有限公司（演示）");

    /// <summary>Seeded pending organisation located in 保定 (county 130607, city 1306), as stored.</summary>
    public static readonly string BaodingPendingName = Text.NormaliseInput("保定示范新能源科技有限公司（演示）");

    private const string PendingShijiazhuangDetail = "/review/organisations/{pending-sjz}";

    /// <summary>A listing review page: who may open it at all (which listings a reviewer sees is tested in Listings/).</summary>
    private const string ListingReviewDetail = "/review/listings/0196b6a0-0000-7000-8000-000000000001";

    /// <summary>The columns of <see cref="Rules"/>: one visitor per role, plus anonymous and a user of a pending organisation.</summary>
    private static readonly string[] Visitors =
    [
        Anonymous,
        Accounts.Sme,
        Accounts.Holder,
        Accounts.Agency,
        Accounts.Bank,
        Accounts.ShijiazhuangStaff,
        Accounts.Provincial,
        Accounts.Administrator,
        Accounts.PendingSme,
    ];

    private const PageAccess S = PageAccess.Shown;
    private const PageAccess L = PageAccess.LogInFirst;
    private const PageAccess D = PageAccess.Denied;

    /// <summary>The access matrix: rows are pages, columns follow <see cref="Visitors"/>.</summary>
    private static readonly (string Page, PageAccess[] Expected)[] Rules =
    [
        //                                     anon sme holder agency bank city prov admin pending
        ("/",                                  [S,   S,  S,     S,     S,   S,   S,   S,    S]),
        ("/organisation",                      [L,   S,  S,     S,     S,   S,   S,   S,    S]),
        ("/review/organisations",              [L,   D,  D,     D,     D,   S,   S,   S,    D]),
        (PendingShijiazhuangDetail,            [L,   D,  D,     D,     D,   S,   S,   S,    D]),
        ("/review/listings",                   [L,   D,  D,     D,     D,   S,   S,   S,    D]),
        (ListingReviewDetail,                  [L,   D,  D,     D,     D,   S,   S,   S,    D]),
        ("/my/patents",                        [L,   D,  S,     D,     D,   D,   D,   D,    D]),
        ("/my/patents/import",                 [L,   D,  S,     D,     D,   D,   D,   D,    D]),
        ("/my/patents/template.xlsx",          [L,   D,  S,     D,     D,   D,   D,   D,    D]),
        ("/my/patents/template.csv",           [L,   D,  S,     D,     D,   D,   D,   D,    D]),
        ($"/my/patents/{Guid.Empty}",          [L,   D,  S,     D,     D,   D,   D,   D,    D]),
        ("/my/demands",                        [L,   S,  D,     D,     D,   D,   D,   D,    S]),
        ("/my/demands/new",                    [L,   S,  D,     D,     D,   D,   D,   D,    S]),
        ($"/my/demands/{Guid.Empty}",          [L,   S,  D,     D,     D,   D,   D,   D,    S]),
        ("/review/demands",                    [L,   D,  D,     D,     D,   S,   S,   S,    D]),
        ("/my/proposals",                      [L,   D,  S,     D,     D,   D,   D,   D,    D]),
        ("/my/recommendation-feedback",        [L,   D,  S,     D,     D,   D,   D,   D,    D]),
        ("/deal-requests",                     [L,   S,  S,     D,     D,   D,   D,   D,    S]),
        ($"/review/demands/{Guid.Empty}",      [L,   D,  D,     D,     D,   S,   S,   S,    D]),
        ("/patents",                           [S,   S,  S,     S,     S,   S,   S,   S,    S]),
        ($"/patents/{Guid.Empty}",             [S,   S,  S,     S,     S,   S,   S,   S,    S]),
        ("/ipc",                               [S,   S,  S,     S,     S,   S,   S,   S,    S]),
        ("/matching/criteria",                 [S,   S,  S,     S,     S,   S,   S,   S,    S]),
        ("/demands",                           [S,   S,  S,     S,     S,   S,   S,   S,    S]),
        ($"/demands/{Guid.Empty}",             [S,   S,  S,     S,     S,   S,   S,   S,    S]),
        ("/audit",                             [L,   D,  D,     D,     D,   D,   S,   S,    D]),
        ("/admin/users",                       [L,   D,  D,     D,     D,   D,   S,   S,    D]),
        ("/Account/Manage",                    [L,   S,  S,     S,     S,   S,   S,   S,    S]),
        ("/Account/Manage/ChangePassword",     [L,   S,  S,     S,     S,   S,   S,   S,    S]),
        ("/Account/Login",                     [S,   S,  S,     S,     S,   S,   S,   S,    S]),
        ("/Account/Register",                  [S,   S,  S,     S,     S,   S,   S,   S,    S]),
    ];

    public static TheoryData<string, string, PageAccess> Matrix()
    {
        var data = new TheoryData<string, string, PageAccess>();
        foreach (var (page, expected) in Rules)
        {
            for (var i = 0; i < Visitors.Length; i++)
            {
                data.Add(page, Visitors[i], expected[i]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task PageAnswersEachVisitorAsTheRulesSay(string page, string visitor, PageAccess expected)
    {
        var ct = TestContext.Current.CancellationToken;
        var url = await ResolveAsync(page);
        var browser = await VisitAsAsync(visitor, ct);

        var response = await browser.Client.GetAsync(url, ct);

        switch (expected)
        {
            case PageAccess.Shown:
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var shown = await Browser.ParseAsync(response, ct);
                Assert.DoesNotContain(PortalTexts.Zh("Forbidden_Body"), shown.Body!.TextContent, StringComparison.Ordinal);
                break;
            case PageAccess.LogInFirst:
                AssertRedirect(response, "/Account/Login", url);
                break;
            case PageAccess.Denied:
                AssertRedirect(response, "/Account/AccessDenied", url);
                break;
        }
    }

    [Theory]
    [InlineData(Accounts.Sme)]
    [InlineData(Accounts.Administrator)]
    public async Task AccountPageRendersOnEveryRequest(string account)
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = await VisitAsAsync(account, ct);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            statuses.Add((await browser.Client.GetAsync("/Account/Manage", ct)).StatusCode);
        }

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        var page = await browser.GetPageAsync("/Account/Manage", ct);
        Assert.Equal(account, page.QuerySelector("#email")?.GetAttribute("value"));
    }

    [Fact]
    public async Task CityStaffOfAnotherCityCannotSeeTheOrganisationDetail()
    {
        var ct = TestContext.Current.CancellationToken;
        var url = await ResolveAsync(PendingShijiazhuangDetail);
        var baoding = await VisitAsAsync(Accounts.BaodingStaff, ct);

        var page = await baoding.GetPageAsync(url, ct);

        var html = page.DocumentElement.OuterHtml;
        Assert.DoesNotContain(ShijiazhuangPendingName, html, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-testid=review-organisation-name]"));
        Assert.Null(page.QuerySelector("[data-testid=review-credit-code]"));
        Assert.Contains(PortalTexts.Zh("Organisation_NotFound"), page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CityStaffOfTheOrganisationsCitySeeTheOrganisationDetail()
    {
        var ct = TestContext.Current.CancellationToken;
        var url = await ResolveAsync(PendingShijiazhuangDetail);
        var shijiazhuang = await VisitAsAsync(Accounts.ShijiazhuangStaff, ct);

        var page = await shijiazhuang.GetPageAsync(url, ct);

        Assert.Equal(ShijiazhuangPendingName, page.QuerySelector("[data-testid=review-organisation-name]")?.TextContent.Trim());
        Assert.DoesNotContain(PortalTexts.Zh("Organisation_NotFound"), page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownOrganisationReadsAsNotFound()
    {
        var ct = TestContext.Current.CancellationToken;
        var provincial = await VisitAsAsync(Accounts.Provincial, ct);

        var page = await provincial.GetPageAsync($"/review/organisations/{Guid.NewGuid()}", ct);

        Assert.Null(page.QuerySelector("[data-testid=review-organisation-name]"));
        Assert.Contains(PortalTexts.Zh("Organisation_NotFound"), page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CityStaffListOnlyOrganisationsOfTheirCity()
    {
        var ct = TestContext.Current.CancellationToken;
        var scope = StaffScope.From(await PrincipalOfAsync(Accounts.BaodingStaff));
        Assert.Equal("1306", scope.CityCode);

        await using var services = app.Services.CreateAsyncScope();
        var rows = (await services.ServiceProvider.GetRequiredService<OrganisationReviewService>()
            .ListAsync(scope, new OrganisationReviewQuery(Status: null, PageSize: 100), ct)).Items;

        Assert.Contains(rows, r => r.Name == BaodingPendingName);
        Assert.DoesNotContain(rows, r => r.Name == ShijiazhuangPendingName);
        // 雄安 counties (容城 130629) belong to 雄安新区 and 定州 is a city-level unit: neither is 保定's to review.
        Assert.DoesNotContain(rows, r => r.RegionCode == "130629" || r.RegionCode == "130682");
        await using var db = app.CreateDbContext();
        var regionCodes = rows.Select(r => r.RegionCode).Distinct().ToList();
        var cities = await db.Regions.Where(r => regionCodes.Contains(r.Code)).Select(r => r.CityCode).Distinct().ToListAsync(ct);
        Assert.Equal(["1306"], cities);
    }

    [Fact]
    public async Task CityStaffReviewPageStatesTheirCity()
    {
        var ct = TestContext.Current.CancellationToken;
        var baoding = await VisitAsAsync(Accounts.BaodingStaff, ct);

        var page = await baoding.GetPageAsync("/review/organisations", ct);

        // The grid loads its rows once interactive; the prerendered page states whose organisations it lists.
        Assert.Equal(PortalTexts.ZhFormat("Review_ScopeCity", "保定市"), page.QuerySelector("[data-testid=review-scope]")?.TextContent.Trim());
        Assert.DoesNotContain(ShijiazhuangPendingName, page.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProvincialStaffListOrganisationsOfEveryCity()
    {
        var ct = TestContext.Current.CancellationToken;
        var scope = StaffScope.From(await PrincipalOfAsync(Accounts.Provincial));

        await using var services = app.Services.CreateAsyncScope();
        var rows = (await services.ServiceProvider.GetRequiredService<OrganisationReviewService>()
            .ListAsync(scope, new OrganisationReviewQuery(Status: OrganisationStatus.Pending, PageSize: 100), ct)).Items;

        Assert.True(scope.AllCities);
        Assert.Contains(rows, r => r.Name == BaodingPendingName);
        Assert.Contains(rows, r => r.Name == ShijiazhuangPendingName);
    }

    private static void AssertRedirect(HttpResponseMessage response, string expectedPath, string requestedUrl)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(new Uri("http://localhost"), response.Headers.Location!);
        Assert.Equal(expectedPath, location.AbsolutePath);
        Assert.Equal(requestedUrl, QueryHelpers.ParseQuery(location.Query)["ReturnUrl"].ToString());
    }

    private async Task<Browser> VisitAsAsync(string visitor, CancellationToken cancellationToken)
    {
        var browser = new Browser(app.CreateBrowserClient());
        if (visitor != Anonymous)
        {
            await browser.LogInAsync(visitor, Accounts.Password, cancellationToken);
        }

        return browser;
    }

    private async Task<ClaimsPrincipal> PrincipalOfAsync(string email)
    {
        var user = await app.FindUserAsync(email);
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user);
    }

    private async Task<string> ResolveAsync(string page)
    {
        if (page != PendingShijiazhuangDetail)
        {
            return page;
        }

        await using var db = app.CreateDbContext();
        var id = await db.Organisations.Where(o => o.Name == ShijiazhuangPendingName).Select(o => o.Id).SingleAsync(TestContext.Current.CancellationToken);
        return $"/review/organisations/{id}";
    }
}
