using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatentTransfer.Domain.Demands;
using PatentTransfer.Domain.Identity;
using PatentTransfer.Infrastructure.Identity;
using PatentTransfer.Web.Features.MyDemands;
using PatentTransfer.Web.Tests.Components;
using static PatentTransfer.Web.Tests.Demands.DemandTestData;
using TestContext = Xunit.TestContext;

namespace PatentTransfer.Web.Tests.Demands;

/// <summary>The SME's demand page in a circuit: writing the form, seeing what is wrong, acting on the version shown.</summary>
public class MyDemandPageTests(PortalAppFactory app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private ComponentTestContext ContextOf(PortalUser sme) =>
        new(app, sme.DisplayName, sme.Id, [Roles.SmeUser], sme.OrganisationId);

    private static IRenderedComponent<MyDemandPage> Open(ComponentTestContext context, Guid? id)
    {
        var page = context.Render<MyDemandPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=demand-heading]")));
        return page;
    }

    private async Task<Guid> DraftAsync(PortalUser sme, string title)
    {
        await using var user = await ActingUser.SignInAsync(app, sme.Email!);
        var saved = await user.Get<MyDemandsService>().SaveDraftAsync(user.Principal, null, Input(TodayOn(TimeProvider.System), title), null, Token);
        Assert.True(saved.Result.Succeeded, saved.Result.Message);
        return saved.Id!.Value;
    }

    [Fact]
    public async Task AnSmeWritesANewDemandAndIsTakenToIt()
    {
        var sme = await RegisterSmeAsync(app);
        await using var context = ContextOf(sme);
        var page = Open(context, null);
        var title = "组件测试需求" + NewToken();

        page.Find("input[data-testid=demand-title]").Change(title);
        page.Find("textarea[data-testid=demand-description]").Change("现有热处理工艺使衬板硬度不均，寿命短，希望找到稳定的热处理工艺和配套材料。");
        page.Find("[data-testid=target-add]").Click();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("input[data-testid=target-indicator]")));
        page.Find("input[data-testid=target-indicator]").Change("布氏硬度");
        page.Find("input[data-testid=target-value]").Change("450");
        page.Find("input[data-testid=target-unit]").Change("HBW");
        page.Find("[data-testid=mode-Licence]").Click();
        page.Find("input[data-testid=demand-budget-negotiable]").Change(true);
        page.Find("[data-testid=demand-save]").Click();

        var navigation = context.Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.Matches("/my/demands/[0-9a-f-]{36}$", navigation.Uri));
        await using var db = app.CreateDbContext();
        var stored = await db.Demands.AsNoTracking().SingleAsync(d => d.Title == title, Token);
        Assert.Equal(navigation.ToAbsoluteUri($"/my/demands/{stored.Id}").ToString(), navigation.Uri);
        Assert.Equal((DemandStatus.Draft, sme.OrganisationId!.Value), (stored.Status, stored.SmeOrganisationId));
        Assert.Equal([new DemandTarget("布氏硬度", TargetComparator.AtLeast, 450m, null, "HBW")], stored.Targets);
        Assert.Equal([DemandMode.Licence], stored.Modes);
        Assert.True(stored.BudgetNegotiable);
        Assert.Equal(sme.DisplayName, stored.ContactName);
    }

    [Fact]
    public async Task ProblemsAreShownUnderTheirFieldsAndNothingIsSaved()
    {
        var sme = await RegisterSmeAsync(app);
        await using var context = ContextOf(sme);
        var page = Open(context, null);

        page.Find("input[data-testid=demand-title]").Change("<script>alert(1)</script>");
        page.Find("textarea[data-testid=demand-description]").Change(new string('述', 20_000));
        page.Find("[data-testid=target-add]").Click();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("input[data-testid=target-indicator]")));
        page.Find("[data-testid=demand-save]").Click();

        page.WaitForAssertion(() => Assert.Contains(PortalTexts.Zh("Form_FixErrors"), page.Find("[data-testid=demand-error]").TextContent, StringComparison.Ordinal));
        Assert.Contains(Rule("Demand_Markup"), page.Markup, StringComparison.Ordinal);
        Assert.Contains(Rule("Demand_DescriptionTooLong"), page.Markup, StringComparison.Ordinal);
        Assert.Contains(Rule("Demand_TargetEmpty"), page.Markup, StringComparison.Ordinal);
        Assert.Contains(Rule("Demand_ModeRequired"), page.Markup, StringComparison.Ordinal);
        Assert.Contains(Rule("Demand_BudgetRequired"), page.Markup, StringComparison.Ordinal);
        Assert.Equal("<script>alert(1)</script>", page.Find("input[data-testid=demand-title]").GetAttribute("value"));
        await using var db = app.CreateDbContext();
        Assert.False(await db.Demands.AnyAsync(d => d.SmeOrganisationId == sme.OrganisationId, Token));
    }

    [Fact]
    public async Task SavingOverAColleaguesChangeIsRefusedAndTheFormKeepsWhatWasTyped()
    {
        var sme = await RegisterSmeAsync(app);
        var id = await DraftAsync(sme, "原始标题" + NewToken());
        await using var context = ContextOf(sme);
        var page = Open(context, id);
        await ChangeAsync(app, id, d => d.Edit(d.CurrentDetails with { Title = "同事先保存的标题" }, TodayOn(TimeProvider.System), DateTimeOffset.UtcNow));

        page.Find("input[data-testid=demand-title]").Change("我的新标题");
        page.Find("[data-testid=demand-save]").Click();

        page.WaitForAssertion(() => Assert.Equal(PortalTexts.Zh("Demand_ConflictKept"), page.Find("[data-testid=demand-error]").TextContent.Trim()));
        Assert.Equal("我的新标题", page.Find("input[data-testid=demand-title]").GetAttribute("value"));
        Assert.Equal("同事先保存的标题", (await ReloadAsync(app, id)).Title);

        // Having been told, saving again writes the user's version over the one now shown. Found and clicked on the
        // renderer's thread: the page may still be re-rendering after the conflict, which replaces the button's handler.
        await page.InvokeAsync(() => page.Find("[data-testid=demand-save]").Click());
        page.WaitForAssertion(() => Assert.Equal("我的新标题", page.Find("[data-testid=demand-heading]").TextContent.Trim()));
        Assert.Equal("我的新标题", (await ReloadAsync(app, id)).Title);
    }

    [Fact]
    public async Task SubmittingFromTheFormSendsTheDemandForReview()
    {
        var sme = await RegisterSmeAsync(app);
        var id = await DraftAsync(sme, "待提交需求" + NewToken());
        await using var context = ContextOf(sme);
        var page = Open(context, id);

        page.Find("[data-testid=demand-submit]").Click();

        page.WaitForAssertion(() => Assert.Equal(PortalTexts.Zh("DemandStatus_Submitted"), page.Find("[data-testid=demand-status]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=demand-save]"));
        Assert.Equal(DemandStatus.Submitted, (await ReloadAsync(app, id)).Status);
    }

    [Fact]
    public async Task AnSmeAwaitingVerificationIsToldWhyItsDraftWasNotSubmitted()
    {
        var sme = await RegisterSmeAsync(app, verified: false);
        var id = await DraftAsync(sme, "未认证企业需求" + NewToken());
        await using var context = ContextOf(sme);
        var page = Open(context, id);

        page.Find("[data-testid=demand-submit]").Click();

        page.WaitForAssertion(() => Assert.Equal(Rule("Demand_SmeNotVerified"), page.Find("[data-testid=demand-error]").TextContent.Trim()));
        Assert.Equal(DemandStatus.Draft, (await ReloadAsync(app, id)).Status);
    }

    [Fact]
    public async Task APublishedDemandIsClosedWithAReasonFromItsPage()
    {
        var sme = await RegisterSmeAsync(app);
        var id = await DraftAsync(sme, "待关闭需求" + NewToken());
        var reviewer = await app.FindUserAsync(Accounts.Provincial);
        var today = TodayOn(TimeProvider.System);
        await ChangeAsync(app, id, d =>
        {
            d.Submit(true, today, DateTimeOffset.UtcNow);
            d.Approve(reviewer.Id, today, DateTimeOffset.UtcNow);
        });
        await using var context = ContextOf(sme);
        var page = Open(context, id);
        Assert.NotNull(page.Find("[data-testid=renew-panel]"));

        page.Find("input[data-testid=close-reason-SolvedHere]").Click();
        page.Find("[data-testid=close]").Click();

        page.WaitForAssertion(() => Assert.Equal(PortalTexts.Zh("DemandStatus_Closed"), page.Find("[data-testid=demand-status]").TextContent.Trim()));
        Assert.Contains(PortalTexts.Zh("DemandCloseReason_SolvedHere"), page.Find("[data-testid=demand-close-reason]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=renew-panel]"));
        var stored = await ReloadAsync(app, id);
        Assert.Equal((DemandStatus.Closed, DemandCloseReason.SolvedHere), (stored.Status, stored.CloseReason));
    }

    [Fact]
    public async Task TheFollowUpLogTakesAnEntryAndShowsIt()
    {
        var sme = await RegisterSmeAsync(app);
        var id = await DraftAsync(sme, "跟进页面需求" + NewToken());
        await using var context = ContextOf(sme);
        var page = Open(context, id);

        page.WaitForAssertion(() => Assert.NotNull(page.Find("textarea[data-testid=follow-up-text]")));
        page.Find("textarea[data-testid=follow-up-text]").Change("与河北示范理工大学电话沟通，约定下周走访。");
        page.Find("[data-testid=follow-up-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("约定下周走访", page.Find("[data-testid=follow-up-entry]").TextContent, StringComparison.Ordinal));
        Assert.Contains(sme.DisplayName, page.Find("[data-testid=follow-up-entry]").TextContent, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.DemandFollowUps.CountAsync(f => f.DemandId == id, Token));
    }

    [Fact]
    public async Task ADemoDemandFromAnotherPlatformNamesItsSourceAndAnSmesOwnDoesNot()
    {
        var sme = await RegisterSmeAsync(app);
        var reviewer = await app.FindUserAsync(Accounts.Provincial);
        var today = TodayOn(TimeProvider.System);
        var details = Input(today).ToDetails();
        // As posted on the other platform: a short problem and no quantified target.
        var carried = await PublishedAsync(details with { Title = "演示来源需求" + NewToken(), Targets = [], Description = "密封条尺寸不稳定偏差大" },
            isDemo: true, source: "某技术转移平台 2019");
        var own = await PublishedAsync(details with { Title = "自己发布的需求" + NewToken() }, isDemo: false, source: null);
        await using var context = ContextOf(sme);

        var page = Open(context, carried);
        page.WaitForAssertion(() => Assert.Contains("某技术转移平台 2019", page.Find("[data-testid=demand-demo-notice]").TextContent, StringComparison.Ordinal));
        Assert.StartsWith("演示数据", page.Find("[data-testid=demand-demo-notice]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=demand-targets]"));

        var ownPage = Open(context, own);
        ownPage.WaitForAssertion(() => Assert.NotNull(ownPage.Find("[data-testid=demand-details]")));
        Assert.Empty(ownPage.FindAll("[data-testid=demand-demo-notice]"));
        Assert.Empty(ownPage.FindAll("[data-testid=demand-source-notice]"));

        async Task<Guid> PublishedAsync(DemandDetails demandDetails, bool isDemo, string? source)
        {
            var now = DateTimeOffset.UtcNow;
            var demand = new Demand(sme.OrganisationId!.Value, sme.Id, demandDetails, today, now, isDemo, source);
            demand.Submit(smeMayPublish: true, today, now);
            demand.Approve(reviewer.Id, today, now);
            await using var db = app.CreateDbContext();
            db.Demands.Add(demand);
            await db.SaveChangesAsync(Token);
            return demand.Id;
        }
    }
}
