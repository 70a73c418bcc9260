using Bunit;
using PatentTransfer.Domain.Demands;
using PatentTransfer.Domain.Identity;
using PatentTransfer.Web.Features.Demands;
using PatentTransfer.Web.Features.MyDemands;
using PatentTransfer.Web.Tests.Components;
using static PatentTransfer.Web.Tests.Demands.DemandTestData;
using TestContext = Xunit.TestContext;

namespace PatentTransfer.Web.Tests.Demands;

/// <summary>The demand review page in a circuit, deciding on demands of a fresh 石家庄 SME (city 1301).</summary>
public class DemandReviewDetailPageTests(PortalAppFactory app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<ComponentTestContext> StaffAsync(string email, string role, string? city)
    {
        var user = await app.FindUserAsync(email);
        return new ComponentTestContext(app, user.DisplayName, user.Id, [role], user.OrganisationId, city);
    }

    private async Task<(Guid Id, string Title)> SubmittedAsync()
    {
        var sme = await RegisterSmeAsync(app, Shijiazhuang);
        var title = "审核页面需求" + NewToken();
        await using var user = await ActingUser.SignInAsync(app, sme.Email!);
        var service = user.Get<MyDemandsService>();
        var saved = await service.SaveDraftAsync(user.Principal, null, Input(TodayOn(TimeProvider.System), title), null, Token);
        Assert.True((await service.SubmitAsync(user.Principal, saved.Id!.Value, (await ReloadAsync(app, saved.Id.Value)).Version, Token)).Succeeded);
        return (saved.Id.Value, title);
    }

    private static IRenderedComponent<DemandReviewDetailPage> Open(ComponentTestContext context, Guid id)
    {
        var page = context.Render<DemandReviewDetailPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=review-demand-title]")));
        return page;
    }

    [Fact]
    public async Task ShowsTheDemandItsTargetsAndTheSme()
    {
        var (id, title) = await SubmittedAsync();
        await using var context = await StaffAsync(Accounts.ShijiazhuangStaff, Roles.CityStaff, "1301");

        var page = Open(context, id);

        Assert.Equal(title, page.Find("[data-testid=review-demand-title]").TextContent.Trim());
        Assert.Contains("冲击韧性 ≥ 67 J/cm²", page.Find("[data-testid=demand-targets]").TextContent, StringComparison.Ordinal);
        Assert.Contains("50–120 万元", page.Find("[data-testid=demand-budget]").TextContent, StringComparison.Ordinal);
        Assert.Contains("需求测试科技有限公司", page.Find("[data-testid=review-sme]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Find("[data-testid=approve]"));
    }

    [Fact]
    public async Task ApprovingPublishesTheDemand()
    {
        var (id, _) = await SubmittedAsync();
        await using var context = await StaffAsync(Accounts.ShijiazhuangStaff, Roles.CityStaff, "1301");
        var page = Open(context, id);

        page.Find("[data-testid=approve]").Click();

        page.WaitForAssertion(() => Assert.Equal(PortalTexts.Zh("DemandStatus_Published"), page.Find("[data-testid=demand-status]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=approve]"));
        Assert.Equal(DemandStatus.Published, (await ReloadAsync(app, id)).Status);
    }

    [Fact]
    public async Task ReturningWithAReasonReturnsTheDemand()
    {
        var (id, _) = await SubmittedAsync();
        await using var context = await StaffAsync(Accounts.Provincial, Roles.ProvincialStaff, null);
        var page = Open(context, id);

        page.Find("textarea[data-testid=return-reason]").Change("请补充硬度指标的范围");
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal(PortalTexts.Zh("DemandStatus_Returned"), page.Find("[data-testid=demand-status]").TextContent.Trim()));
        Assert.Contains("请补充硬度指标的范围", page.Find("[data-testid=review-return-reason]").TextContent, StringComparison.Ordinal);
        var stored = await ReloadAsync(app, id);
        Assert.Equal((DemandStatus.Returned, "请补充硬度指标的范围"), (stored.Status, stored.ReturnReason));
    }

    [Fact]
    public async Task AReviewerOnAStalePageIsToldSomeoneElseDecided()
    {
        var (id, _) = await SubmittedAsync();
        await using var context = await StaffAsync(Accounts.ShijiazhuangStaff, Roles.CityStaff, "1301");
        var page = Open(context, id);
        var provincial = await app.FindUserAsync(Accounts.Provincial);
        await ChangeAsync(app, id, d => d.Approve(provincial.Id, TodayOn(TimeProvider.System), DateTimeOffset.UtcNow));

        page.Find("textarea[data-testid=return-reason]").Change("价格偏高");
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal(PortalTexts.Zh("Concurrency_Conflict"), page.Find("[data-testid=review-error]").TextContent.Trim()));
        Assert.Equal(PortalTexts.Zh("DemandStatus_Published"), page.Find("[data-testid=demand-status]").TextContent.Trim());
        Assert.Equal(DemandStatus.Published, (await ReloadAsync(app, id)).Status);
    }

    [Fact]
    public async Task StaffOfAnotherCitySeeNothingOfIt()
    {
        var (id, title) = await SubmittedAsync();
        await using var context = await StaffAsync(Accounts.BaodingStaff, Roles.CityStaff, "1306");

        var page = context.Render<DemandReviewDetailPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.Contains(PortalTexts.Zh("DemandReview_NotFound"), page.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain(title, page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=approve]"));
    }
}
