using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PatentTransfer.Domain.Auditing;
using PatentTransfer.Web.Features.Audit;
using PatentTransfer.Web.Infrastructure;

namespace PatentTransfer.Web.Tests;

public class AuditSearchTests(PortalAppFactory app)
{
    private static readonly DateTimeOffset Noon = new(2024, 3, 15, 4, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FiltersByActionCategoryActorRecordTypeAndRecordId()
    {
        var actor = "审计检索" + NewToken();
        var userId = Guid.NewGuid().ToString();
        var organisationId = Guid.NewGuid().ToString();
        var failed = await AddAsync(Entry(Noon, AuditCategory.Security, AuditActions.LoginFailed, actor + "甲", "User", userId));
        var succeeded = await AddAsync(Entry(Noon, AuditCategory.Security, AuditActions.LoginSucceeded, actor + "甲", "User", userId));
        var verified = await AddAsync(Entry(Noon, AuditCategory.Business, AuditActions.OrganisationVerified, actor + "乙", "Organisation", organisationId));

        Assert.Equal([verified, succeeded, failed], await SearchIdsAsync(new AuditQuery(Actor: actor)));
        Assert.Equal([failed], await SearchIdsAsync(new AuditQuery(Actor: actor, Action: AuditActions.LoginFailed)));
        Assert.Equal([verified], await SearchIdsAsync(new AuditQuery(Actor: actor, Category: AuditCategory.Business)));
        Assert.Equal([succeeded, failed], await SearchIdsAsync(new AuditQuery(Actor: actor, Category: AuditCategory.Security)));
        Assert.Equal([succeeded, failed], await SearchIdsAsync(new AuditQuery(Actor: actor, RecordType: "User")));
        Assert.Equal([verified], await SearchIdsAsync(new AuditQuery(RecordId: organisationId)));
        Assert.Equal([succeeded, failed], await SearchIdsAsync(new AuditQuery(RecordId: userId)));
        Assert.Equal([verified], await SearchIdsAsync(new AuditQuery(Actor: actor + "乙")));
        Assert.Empty(await SearchIdsAsync(new AuditQuery(Actor: actor, Action: AuditActions.OrganisationRejected)));
    }

    [Fact]
    public async Task ActionFilterMatchesThatActionOnly()
    {
        // The page offers the actions of AuditActions.All; choosing 重置密码 must not list 申请重置密码 as well.
        var actor = "审计事件" + NewToken();
        var requested = await AddAsync(Entry(Noon, AuditCategory.Security, AuditActions.PasswordResetRequested, actor));
        var reset = await AddAsync(Entry(Noon, AuditCategory.Security, AuditActions.PasswordReset, actor));

        Assert.Equal([reset], await SearchIdsAsync(new AuditQuery(Actor: actor, Action: AuditActions.PasswordReset)));
        Assert.Equal([requested], await SearchIdsAsync(new AuditQuery(Actor: actor, Action: AuditActions.PasswordResetRequested)));
    }

    [Fact]
    public async Task ActorSearchIgnoresCaseAndTakesLikeWildcardsLiterally()
    {
        var token = NewToken();
        var underscore = await AddAsync(Entry(Noon, AuditCategory.Security, AuditActions.LoginFailed, $"Reviewer {token}_x"));
        await AddAsync(Entry(Noon, AuditCategory.Security, AuditActions.LoginFailed, $"Reviewer {token}ax"));
        var percent = await AddAsync(Entry(Noon, AuditCategory.Security, AuditActions.LoginFailed, $"Reviewer {token}%y"));
        await AddAsync(Entry(Noon, AuditCategory.Security, AuditActions.LoginFailed, $"Reviewer {token}bby"));
        var backslash = await AddAsync(Entry(Noon, AuditCategory.Security, AuditActions.LoginFailed, $"Reviewer {token}\\z"));

        Assert.Equal([underscore], await SearchIdsAsync(new AuditQuery(Actor: token + "_")));
        Assert.Equal([percent], await SearchIdsAsync(new AuditQuery(Actor: token + "%")));
        Assert.Equal([backslash], await SearchIdsAsync(new AuditQuery(Actor: token + "\\")));
        Assert.Equal(5, (await SearchIdsAsync(new AuditQuery(Actor: "reviewer " + token.ToUpperInvariant()))).Count);
    }

    [Fact]
    public async Task DateRangeIsInShanghaiCalendarDays()
    {
        var actor = "审计日期" + NewToken();

        // 2021-05-10 in Shanghai (UTC+8) runs from 2021-05-09 16:00 to 2021-05-10 16:00 UTC.
        var dayBefore = await AddAsync(Entry(new DateTimeOffset(2021, 5, 9, 15, 59, 59, TimeSpan.Zero), AuditCategory.Security, AuditActions.LoginFailed, actor));
        var firstMoment = await AddAsync(Entry(new DateTimeOffset(2021, 5, 9, 16, 0, 0, TimeSpan.Zero), AuditCategory.Security, AuditActions.LoginFailed, actor));
        var lastMoment = await AddAsync(Entry(new DateTimeOffset(2021, 5, 10, 15, 59, 59, TimeSpan.Zero), AuditCategory.Security, AuditActions.LoginFailed, actor));
        var dayAfter = await AddAsync(Entry(new DateTimeOffset(2021, 5, 10, 16, 0, 0, TimeSpan.Zero), AuditCategory.Security, AuditActions.LoginFailed, actor));
        var day = new DateOnly(2021, 5, 10);

        Assert.Equal([lastMoment, firstMoment], await SearchIdsAsync(new AuditQuery(From: day, To: day, Actor: actor)));
        Assert.Equal([dayAfter, lastMoment, firstMoment], await SearchIdsAsync(new AuditQuery(From: day, Actor: actor)));
        Assert.Equal([lastMoment, firstMoment, dayBefore], await SearchIdsAsync(new AuditQuery(To: day, Actor: actor)));
        Assert.Equal([dayBefore], await SearchIdsAsync(new AuditQuery(To: day.AddDays(-1), Actor: actor)));
        Assert.Equal([dayAfter], await SearchIdsAsync(new AuditQuery(From: day.AddDays(1), Actor: actor)));
    }

    [Fact]
    public async Task NewestComeFirstAndPagesSplitTheResult()
    {
        var actor = "审计分页" + NewToken();
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await AddAsync(Entry(Noon.AddMinutes(i), AuditCategory.Security, AuditActions.LoginSucceeded, actor)));
        }

        ids.Reverse();
        await using var scope = app.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<AuditQueryService>();
        var pages = new List<Page<AuditRow>>();
        for (var page = 0; page < 4; page++)
        {
            pages.Add(await service.SearchAsync(new AuditQuery(Actor: actor, Page: page, PageSize: 2), Ct));
        }

        Assert.All(pages, p => Assert.Equal(5, p.TotalCount));
        Assert.Equal(ids[..2], pages[0].Items.Select(r => r.Id));
        Assert.Equal(ids[2..4], pages[1].Items.Select(r => r.Id));
        Assert.Equal(ids[4..], pages[2].Items.Select(r => r.Id));
        Assert.Empty(pages[3].Items);
        var all = pages.SelectMany(p => p.Items).ToList();
        Assert.Equal(all.OrderByDescending(r => r.OccurredAt).Select(r => r.Id), all.Select(r => r.Id));
        Assert.Equal(Noon.AddMinutes(4), all[0].OccurredAt);
        Assert.Equal(actor, all[0].ActorName);
    }

    [Theory]
    [InlineData(Accounts.Provincial)]
    [InlineData(Accounts.Administrator)]
    public async Task ProvincialStaffAndAdministratorsOpenTheAuditPage(string email)
    {
        var browser = new Browser(app.CreateBrowserClient());
        await browser.LogInAsync(email, Accounts.Password, Ct);

        var page = await browser.GetPageAsync("/audit", Ct);

        Assert.Equal("审计日志", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("[data-testid=audit-grid]"));
    }

    [Theory]
    [InlineData(Accounts.ShijiazhuangStaff)]
    [InlineData(Accounts.Sme)]
    public async Task OthersAreSentToAccessDenied(string email)
    {
        var browser = new Browser(app.CreateBrowserClient());
        await browser.LogInAsync(email, Accounts.Password, Ct);

        var response = await browser.Client.GetAsync("/audit", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/AccessDenied", new Uri(new Uri("http://localhost/"), response.Headers.Location!).AbsolutePath);
        var denied = await browser.GetPageAsync(response.Headers.Location!.OriginalString, Ct);
        Assert.Equal("您的账号没有访问此页面的权限。", denied.QuerySelector("[data-testid=access-denied]")?.TextContent.Trim());
    }

    [Fact]
    public async Task AnonymousVisitorsAreSentToLogIn()
    {
        var response = await app.CreateBrowserClient().GetAsync("/audit", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", new Uri(new Uri("http://localhost/"), response.Headers.Location!).AbsolutePath);
    }

    private static string NewToken() => Guid.NewGuid().ToString("N")[..12];

    private static AuditEntry Entry(DateTimeOffset at, AuditCategory category, string action, string actorName, string? recordType = null, string? recordId = null) =>
        new(at, category, action, null, actorName, recordType, recordId, "检索测试");

    /// <summary>Appends one row (rows get ascending ids in the order they are added) and returns its id.</summary>
    private async Task<long> AddAsync(AuditEntry entry)
    {
        await using var db = app.CreateDbContext();
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(Ct);
        return entry.Id;
    }

    private async Task<List<long>> SearchIdsAsync(AuditQuery query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<AuditQueryService>().SearchAsync(query, Ct);
        Assert.Equal(page.Items.Count, page.TotalCount);
        return page.Items.Select(r => r.Id).ToList();
    }
}
