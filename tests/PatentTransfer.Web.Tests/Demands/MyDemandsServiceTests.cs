using Microsoft.EntityFrameworkCore;
using PatentTransfer.Domain.Auditing;
using PatentTransfer.Domain.Demands;
using PatentTransfer.Infrastructure.Identity;
using PatentTransfer.Testing;
using PatentTransfer.Web.Features.Demands;
using PatentTransfer.Web.Features.MyDemands;
using PatentTransfer.Web.Infrastructure;
using static PatentTransfer.Web.Tests.Demands.DemandTestData;

namespace PatentTransfer.Web.Tests.Demands;

/// <summary>The SME's workspace: its own demands only, every rule reported per field, edits that never overwrite someone else's.</summary>
public class MyDemandsServiceTests(PortalAppFactory app)
{
    private const string NotFound = "未找到该需求，或您无权查看。";
    private const string Conflict = "该记录已被他人修改或审核，您的修改未保存。页面已显示最新内容，请核对后重新操作。";

    private readonly ManualClock _clock = ManualClock.StartingNow();

    private DateOnly Today => TodayOn(_clock);

    private async Task<(ActingUser User, MyDemandsService Service)> SignInAsync(string email)
    {
        var user = await ActingUser.SignInAsync(app, email);
        return (user, user.Create<MyDemandsService>(_clock));
    }

    private async Task<Guid> DraftAsync(PortalUser sme, DemandInput? input = null)
    {
        var (user, service) = await SignInAsync(sme.Email!);
        await using (user)
        {
            var saved = await service.SaveDraftAsync(user.Principal, null, input ?? Input(Today), null, Ct);
            Assert.True(saved.Result.Succeeded, saved.Result.Message + string.Join("; ", saved.Errors.Errors.Select(e => $"{e.Key}: {e.Value}")));
            return saved.Id!.Value;
        }
    }

    private async Task<Guid> PublishedAsync(PortalUser sme, DemandInput? input = null)
    {
        var id = await DraftAsync(sme, input);
        var reviewer = await app.FindUserAsync(Accounts.Provincial);
        await ChangeAsync(app, id, d =>
        {
            d.Submit(true, Today, _clock.GetUtcNow());
            d.Approve(reviewer.Id, Today, _clock.GetUtcNow());
        });
        return id;
    }

    [Fact]
    public async Task AnSmeStartsFromAPrefilledFormAndSavesADraftOfItsOwnOrganisation()
    {
        var sme = await RegisterSmeAsync(app);
        var (user, service) = await SignInAsync(sme.Email!);
        await using var _ = user;

        var start = await service.NewInputAsync(user.Principal, Ct);
        Assert.NotNull(start);
        Assert.Equal((sme.DisplayName, "13812345678", sme.Email), (start.ContactName, start.ContactPhone, start.ContactEmail));
        Assert.Equal(("new-materials", Today.AddMonths(MyDemandsService.DefaultValidityMonths)), (start.IndustryCode, start.ValidUntil));

        var saved = await service.SaveDraftAsync(user.Principal, null, Input(Today), null, Ct);

        Assert.True(saved.Result.Succeeded, saved.Result.Message);
        var stored = await ReloadAsync(app, saved.Id!.Value);
        Assert.Equal((sme.OrganisationId!.Value, sme.Id, DemandStatus.Draft), (stored.SmeOrganisationId, stored.CreatedByUserId, stored.Status));
        Assert.Equal(["耐磨", "衬板"], stored.Keywords);
        Assert.Equal(_clock.GetUtcNow(), stored.CreatedAt);
        var view = await service.GetAsync(user.Principal, stored.Id, Ct);
        Assert.Equal((DemandStatus.Draft, stored.Version), (view!.Status, view.Version));
        Assert.Equal([AuditActions.DemandCreated], (await TrailAsync(app, stored.Id)).Select(a => a.Action));
    }

    public static TheoryData<string> OutsidersOfTheSme => new()
    {
        "other-sme", Accounts.Holder, Accounts.ShijiazhuangStaff, Accounts.Provincial, AnonymousVisitor,
    };

    [Theory]
    [MemberData(nameof(OutsidersOfTheSme))]
    public async Task NobodyButTheSmesOwnUsersOpensOrChangesItsDemandsHere(string visitor)
    {
        var sme = await RegisterSmeAsync(app);
        var draft = await DraftAsync(sme);
        var published = await PublishedAsync(sme);
        var draftBefore = await ReloadAsync(app, draft);
        var publishedBefore = await ReloadAsync(app, published);
        var email = visitor == "other-sme" ? (await RegisterSmeAsync(app)).Email! : visitor;
        await using var user = await VisitAsync(app, email);
        var principal = user.Principal;
        var service = user.Create<MyDemandsService>(_clock);

        Assert.Null(await service.GetAsync(principal, draft, Ct));
        Assert.DoesNotContain((await service.ListAsync(principal, new(), Ct)).Page.Items, r => r.Id == draft || r.Id == published);
        var results = new[]
        {
            (await service.SaveDraftAsync(principal, draft, Input(Today, "被他人篡改的标题"), draftBefore.Version, Ct)).Result,
            await service.SubmitAsync(principal, draft, draftBefore.Version, Ct),
            await service.WithdrawAsync(principal, draft, draftBefore.Version, DemandCloseReason.GaveUp, null, Ct),
            await service.RenewAsync(principal, published, publishedBefore.Version, Today.AddMonths(9), null, Ct),
            await service.CloseAsync(principal, published, publishedBefore.Version, DemandCloseReason.GaveUp, null, Ct),
        };

        Assert.All(results, r => Assert.Equal((CommandStatus.NotFound, NotFound), (r.Status, r.Message)));
        var draftAfter = await ReloadAsync(app, draft);
        var publishedAfter = await ReloadAsync(app, published);
        Assert.Equal((draftBefore.Version, draftBefore.Title), (draftAfter.Version, draftAfter.Title));
        Assert.Equal((publishedBefore.Version, DemandStatus.Published), (publishedAfter.Version, publishedAfter.Status));
    }

    [Theory]
    [InlineData(Accounts.Holder)]
    [InlineData(Accounts.ShijiazhuangStaff)]
    [InlineData(AnonymousVisitor)]
    public async Task OnlySmeUsersPostDemands(string visitor)
    {
        await using var user = await VisitAsync(app, visitor);
        var principal = user.Principal;
        var service = user.Create<MyDemandsService>(_clock);
        var title = "越权发布" + NewToken();

        var saved = await service.SaveDraftAsync(principal, null, Input(Today, title), null, Ct);

        Assert.Equal((CommandStatus.Forbidden, "只有中小微企业的用户可以发布技术需求。"), (saved.Result.Status, saved.Result.Message));
        Assert.Null(await service.NewInputAsync(principal, Ct));
        await using var db = app.CreateDbContext();
        Assert.False(await db.Demands.AnyAsync(d => d.Title == title, Ct));
    }

    [Fact]
    public async Task ADemandBelongsToTheOrganisationOfTheUserWhoPostsIt()
    {
        var demo = await app.FindUserAsync(Accounts.Sme);
        var (user, service) = await SignInAsync(Accounts.Sme);
        await using var _ = user;
        var saved = await service.SaveDraftAsync(user.Principal, null, Input(Today, "演示企业需求" + NewToken()), null, Ct);
        Assert.True(saved.Result.Succeeded, saved.Result.Message);

        Assert.Equal(demo.OrganisationId, (await ReloadAsync(app, saved.Id!.Value)).SmeOrganisationId);
        Assert.NotNull(await service.GetAsync(user.Principal, saved.Id.Value, Ct));
    }

    public static TheoryData<string, Func<DemandInput, DateOnly, DemandInput>, string, string> BadForms => new()
    {
        { "expected completion in the past", (i, today) => Set(i, x => x.ExpectedCompletion = today.AddDays(-1)), "ExpectedCompletion", "期望完成日期不能早于今天。" },
        { "validity ending in the past", (i, today) => Set(i, x => x.ValidUntil = today.AddDays(-3)), "ValidUntil", "有效期截止日期必须晚于今天。" },
        { "validity ending today", (i, today) => Set(i, x => x.ValidUntil = today), "ValidUntil", "有效期截止日期必须晚于今天。" },
        { "validity beyond twelve months", (i, today) => Set(i, x => x.ValidUntil = today.AddMonths(12).AddDays(1)), "ValidUntil", "有效期最长 12 个月，截止日期不能晚于 12 个月之后。" },
        { "no validity", (i, _) => Set(i, x => x.ValidUntil = null), "ValidUntil", "请选择有效期截止日期。" },
        { "budget minimum above maximum", (i, _) => Set(i, x => (x.BudgetMinWan, x.BudgetMaxWan) = (200m, 100m)), "Budget", "预算下限不能高于上限。" },
        { "negative budget", (i, _) => Set(i, x => x.BudgetMinWan = -5m), "BudgetMin", "预算不能为负数。" },
        { "no budget", (i, _) => Set(i, x => (x.BudgetMinWan, x.BudgetMaxWan) = (null, null)), "Budget", "请填写预算下限或上限，或选择“预算面议”。" },
        { "empty target row", (i, _) => Set(i, x => x.Targets.Add(new DemandTargetInput())), "Targets[1]", "这一行指标是空的：请填写或删除。" },
        { "target without value", (i, _) => Set(i, x => x.Targets[0].Value = null), "Targets[0]", "请填写指标的数值。" },
        { "no targets for a technical problem", (i, _) => Set(i, x => x.Targets.Clear()), "Targets", "技术难题、技术引进和联合研发需求至少需要一项量化指标。" },
        { "20,000-character description", (i, _) => Set(i, x => x.Description = new string('述', 20_000)), "Description", "问题描述不能超过 10,000 个字，请精简或把背景材料放在“已有基础”中。" },
        { "script in the description", (i, _) => Set(i, x => x.Description = "衬板寿命短，需要新的材料方案。<script>alert('x')</script>"), "Description", "不能包含 HTML 标签或脚本。" },
        { "script in the title", (i, _) => Set(i, x => x.Title = "<script>alert(1)</script>衬板"), "Title", "不能包含 HTML 标签或脚本。" },
        { "markup in a target", (i, _) => Set(i, x => x.Targets[0].Indicator = "<img src=x onerror=alert(1)>"), "Targets[0]", "指标名称不能超过 50 个字，且不能包含 HTML 标签。" },
        { "no mode", (i, _) => Set(i, x => x.Modes = []), "Modes", "请至少选择一种合作方式。" },
        { "bad mobile number", (i, _) => Set(i, x => x.ContactPhone = "1381234"), "ContactPhone", "请输入有效的手机号（如 13812345678）或固定电话（如 0311-87654321）。" },
        { "bad e-mail", (i, _) => Set(i, x => x.ContactEmail = "zhang@example"), "ContactEmail", "电子邮箱格式不正确，例如 name@example.com。" },
        { "malformed IPC", (i, _) => Set(i, x => x.IpcHint = "耐磨材料"), "IpcHint", "IPC 分类号格式不正确，应如 C22C 或 C22C38/04。" },
        { "IPC not in the table", (i, _) => Set(i, x => x.IpcHint = "C22C99/99"), "IpcHint", "IPC 分类表中没有 C22C99/99，请从列表中选择。" },
        { "unknown industry", (i, _) => Set(i, x => x.IndustryCode = "space-mining"), "IndustryCode", "行业不在列表中，请重新选择。" },
    };

    [Theory]
    [MemberData(nameof(BadForms))]
    public async Task ABadFormNamesTheFieldWithAClearMessageAndWritesNothing(string _, Func<DemandInput, DateOnly, DemandInput> change, string field, string message)
    {
        var sme = await RegisterSmeAsync(app);
        var (user, service) = await SignInAsync(sme.Email!);
        await using var __ = user;

        var saved = await service.SaveDraftAsync(user.Principal, null, change(Input(Today), Today), null, Ct);

        Assert.Equal((CommandStatus.Invalid, "请先修改下面标出的问题，再提交。未保存任何内容。"), (saved.Result.Status, saved.Result.Message));
        Assert.Equal(message, saved.Errors[field]);
        Assert.Null(saved.Id);
        Assert.Equal(0, (await service.ListAsync(user.Principal, new(), Ct)).Total);
    }

    [Fact]
    public async Task ABadEditOfADraftChangesNothing()
    {
        var sme = await RegisterSmeAsync(app);
        var id = await DraftAsync(sme);
        var before = await ReloadAsync(app, id);
        var (user, service) = await SignInAsync(sme.Email!);
        await using var _ = user;

        var saved = await service.SaveDraftAsync(user.Principal, id, Set(Input(Today, "新的标题"), x => x.Description = new string('述', 20_000)), before.Version, Ct);

        Assert.Equal(CommandStatus.Invalid, saved.Result.Status);
        var after = await ReloadAsync(app, id);
        Assert.Equal((before.Title, before.Version), (after.Title, after.Version));
    }

    [Fact]
    public async Task OfTwoEditsOfTheSameVersionTheSecondIsToldAndWritesNothing()
    {
        var sme = await RegisterSmeAsync(app);
        var id = await DraftAsync(sme);
        var seen = (await ReloadAsync(app, id)).Version;
        var (first, firstService) = await SignInAsync(sme.Email!);
        var (second, secondService) = await SignInAsync(sme.Email!);
        await using var _ = first;
        await using var __ = second;

        var a = await firstService.SaveDraftAsync(first.Principal, id, Input(Today, "第一位同事的标题"), seen, Ct);
        var b = await secondService.SaveDraftAsync(second.Principal, id, Input(Today, "第二位同事的标题"), seen, Ct);
        var c = await secondService.SubmitAsync(second.Principal, id, seen, Ct);

        Assert.True(a.Result.Succeeded, a.Result.Message);
        Assert.Equal((CommandStatus.Conflict, Conflict), (b.Result.Status, b.Result.Message));
        Assert.Equal((CommandStatus.Conflict, Conflict), (c.Status, c.Message));
        var stored = await ReloadAsync(app, id);
        Assert.Equal(("第一位同事的标题", DemandStatus.Draft), (stored.Title, stored.Status));
        Assert.Equal([AuditActions.DemandCreated, AuditActions.DemandEdited], (await TrailAsync(app, id)).Select(a => a.Action));
    }

    [Fact]
    public async Task SavingAnExistingDemandWithoutTheVersionSeenIsAConflict()
    {
        var sme = await RegisterSmeAsync(app);
        var id = await DraftAsync(sme);
        var (user, service) = await SignInAsync(sme.Email!);
        await using var _ = user;

        var saved = await service.SaveDraftAsync(user.Principal, id, Input(Today, "无版本的保存"), null, Ct);

        Assert.Equal(CommandStatus.Conflict, saved.Result.Status);
        Assert.NotEqual("无版本的保存", (await ReloadAsync(app, id)).Title);
    }

    [Fact]
    public async Task AnSmeNotYetVerifiedDraftsButCannotSubmit()
    {
        var sme = await RegisterSmeAsync(app, verified: false);
        var id = await DraftAsync(sme);
        var (user, service) = await SignInAsync(sme.Email!);
        await using var _ = user;

        var result = await service.SubmitAsync(user.Principal, id, (await ReloadAsync(app, id)).Version, Ct);

        Assert.Equal((CommandStatus.Forbidden, "贵单位尚未通过认证，暂不能提交或续期需求。"), (result.Status, result.Message));
        Assert.Equal(DemandStatus.Draft, (await ReloadAsync(app, id)).Status);
        Assert.False((await service.ListAsync(user.Principal, new(), Ct)).OrganisationVerified);
    }

    [Fact]
    public async Task ASubmittedDemandIsNoLongerEditableAndAStaleSecondSubmitIsTold()
    {
        var sme = await RegisterSmeAsync(app);
        var id = await DraftAsync(sme);
        var draft = await ReloadAsync(app, id);
        var (user, service) = await SignInAsync(sme.Email!);
        await using var _ = user;

        Assert.True((await service.SubmitAsync(user.Principal, id, draft.Version, Ct)).Succeeded);
        var submitted = await ReloadAsync(app, id);
        var again = await service.SubmitAsync(user.Principal, id, draft.Version, Ct);
        var edit = await service.SaveDraftAsync(user.Principal, id, Input(Today, "提交后再改"), submitted.Version, Ct);

        Assert.Equal((DemandStatus.Submitted, _clock.GetUtcNow()), (submitted.Status, submitted.SubmittedAt));
        Assert.Equal(CommandStatus.Conflict, again.Status);
        Assert.Equal((CommandStatus.Invalid, "该需求已提交或发布，不能修改。"), (edit.Result.Status, edit.Result.Message));
        Assert.Equal([AuditActions.DemandCreated, AuditActions.DemandSubmitted], (await TrailAsync(app, id)).Select(a => a.Action));
    }

    [Fact]
    public async Task ADemandNeverPublishedIsWithdrawnWithAReason()
    {
        var sme = await RegisterSmeAsync(app);
        var id = await DraftAsync(sme);
        var version = (await ReloadAsync(app, id)).Version;
        var (user, service) = await SignInAsync(sme.Email!);
        await using var _ = user;

        var solvedHere = await service.WithdrawAsync(user.Principal, id, version, DemandCloseReason.SolvedHere, null, Ct);
        var closeInstead = await service.CloseAsync(user.Principal, id, version, DemandCloseReason.GaveUp, null, Ct);
        var withdrawn = await service.WithdrawAsync(user.Principal, id, version, DemandCloseReason.SolvedElsewhere, "已与供应商合作解决", Ct);

        Assert.Equal((CommandStatus.Invalid, Rule("Demand_WithdrawnNotSolvedHere")), (solvedHere.Status, solvedHere.Message));
        Assert.Equal((CommandStatus.Invalid, Rule("Demand_NotClosable")), (closeInstead.Status, closeInstead.Message));
        Assert.True(withdrawn.Succeeded, withdrawn.Message);
        var stored = await ReloadAsync(app, id);
        Assert.Equal((DemandStatus.Closed, DemandCloseReason.SolvedElsewhere, "已与供应商合作解决"), (stored.Status, stored.CloseReason, stored.CloseNote));
        Assert.Null(stored.PublishedAt);
        Assert.Equal(AuditActions.DemandWithdrawn, (await TrailAsync(app, id)).Last().Action);
    }

    [Fact]
    public async Task APublishedDemandIsClosedWithAReasonAndANoteForOther()
    {
        var sme = await RegisterSmeAsync(app);
        var id = await PublishedAsync(sme);
        var version = (await ReloadAsync(app, id)).Version;
        var (user, service) = await SignInAsync(sme.Email!);
        await using var _ = user;

        var noNote = await service.CloseAsync(user.Principal, id, version, DemandCloseReason.Other, "  ", Ct);
        var closed = await service.CloseAsync(user.Principal, id, version, DemandCloseReason.SolvedHere, null, Ct);

        Assert.Equal((CommandStatus.Invalid, "选择“其他”时请说明原因。"), (noNote.Status, noNote.Message));
        Assert.True(closed.Succeeded, closed.Message);
        var stored = await ReloadAsync(app, id);
        Assert.Equal((DemandStatus.Closed, DemandCloseReason.SolvedHere, _clock.GetUtcNow()), (stored.Status, stored.CloseReason, stored.ClosedAt));
        Assert.Equal(AuditActions.DemandClosed, (await TrailAsync(app, id)).Last().Action);
    }

    [Fact]
    public async Task APublishedDemandReadsAsExpiredTheDayAfterItsValidityBeforeAnySweep()
    {
        var sme = await RegisterSmeAsync(app);
        var id = await PublishedAsync(sme, Set(Input(Today), x => (x.ValidUntil, x.ExpectedCompletion) = (Today.AddDays(30), null)));
        var (user, service) = await SignInAsync(sme.Email!);
        await using var _ = user;

        _clock.AdvanceDays(30);
        Assert.Equal(DemandStatus.Published, (await service.GetAsync(user.Principal, id, Ct))!.Status);

        _clock.AdvanceDays(1);
        Assert.Equal(DemandStatus.Expired, (await service.GetAsync(user.Principal, id, Ct))!.Status);
        Assert.Equal(DemandStatus.Published, (await ReloadAsync(app, id)).Status);
        var list = await service.ListAsync(user.Principal, new(DemandStatus.Expired), Ct);
        Assert.Equal([id], list.Page.Items.Select(r => r.Id));
        Assert.Equal(DemandStatus.Expired, list.Page.Items[0].Status);
        Assert.Equal(1, list.Counts[DemandStatus.Expired]);
        Assert.False(list.Counts.ContainsKey(DemandStatus.Published));
        Assert.Empty((await service.ListAsync(user.Principal, new(DemandStatus.Published), Ct)).Page.Items);
    }

    [Fact]
    public async Task AnExpiredDemandIsRenewedAndPublishedAgainWithoutReview()
    {
        var sme = await RegisterSmeAsync(app);
        var id = await PublishedAsync(sme, Set(Input(Today), x => (x.ValidUntil, x.ExpectedCompletion) = (Today.AddDays(30), null)));
        var (user, service) = await SignInAsync(sme.Email!);
        await using var _ = user;
        _clock.AdvanceDays(40);
        await ChangeAsync(app, id, d => Assert.True(d.ExpireIfDue(Today, _clock.GetUtcNow())));
        var expired = await ReloadAsync(app, id);

        var tooFar = await service.RenewAsync(user.Principal, id, expired.Version, Today.AddMonths(12).AddDays(1), null, Ct);
        var none = await service.RenewAsync(user.Principal, id, expired.Version, null, null, Ct);
        var renewed = await service.RenewAsync(user.Principal, id, expired.Version, Today.AddMonths(3), Today.AddMonths(5), Ct);
        var stale = await service.RenewAsync(user.Principal, id, expired.Version, Today.AddMonths(4), null, Ct);

        Assert.Equal((CommandStatus.Invalid, "有效期最长 12 个月，截止日期不能晚于 12 个月之后。"), (tooFar.Status, tooFar.Message));
        Assert.Equal((CommandStatus.Invalid, "请选择有效期截止日期。"), (none.Status, none.Message));
        Assert.True(renewed.Succeeded, renewed.Message);
        Assert.Equal((CommandStatus.Conflict, Conflict), (stale.Status, stale.Message));
        var stored = await ReloadAsync(app, id);
        Assert.Equal((DemandStatus.Published, Today.AddMonths(3), Today.AddMonths(5)), (stored.Status, stored.ValidUntil, stored.ExpectedCompletion));
        Assert.Equal(_clock.GetUtcNow(), stored.RenewedAt);
        Assert.Null(stored.ExpiredAt);
        Assert.Equal(DemandStatus.Published, (await service.GetAsync(user.Principal, id, Ct))!.Status);
        Assert.Equal([AuditActions.DemandExpired, AuditActions.DemandRenewed], (await TrailAsync(app, id)).TakeLast(2).Select(a => a.Action));
    }

    [Fact]
    public async Task APublishedDemandPastItsValidityIsRenewedWithoutWaitingForTheSweep()
    {
        var sme = await RegisterSmeAsync(app);
        var id = await PublishedAsync(sme, Set(Input(Today), x => (x.ValidUntil, x.ExpectedCompletion) = (Today.AddDays(30), null)));
        var (user, service) = await SignInAsync(sme.Email!);
        await using var _ = user;
        _clock.AdvanceDays(35);

        var renewed = await service.RenewAsync(user.Principal, id, (await ReloadAsync(app, id)).Version, Today.AddMonths(2), null, Ct);

        Assert.True(renewed.Succeeded, renewed.Message);
        Assert.Equal(DemandStatus.Published, (await service.GetAsync(user.Principal, id, Ct))!.Status);
    }

    [Fact]
    public async Task ADraftCannotBeRenewedAndAnSmeNoLongerVerifiedCannotRenew()
    {
        var sme = await RegisterSmeAsync(app);
        var draft = await DraftAsync(sme);
        var (user, service) = await SignInAsync(sme.Email!);
        await using var _ = user;

        var renewDraft = await service.RenewAsync(user.Principal, draft, (await ReloadAsync(app, draft)).Version, Today.AddMonths(3), null, Ct);

        Assert.Equal((CommandStatus.Invalid, "只有已发布或已到期的需求可以续期。"), (renewDraft.Status, renewDraft.Message));

        var pending = await RegisterSmeAsync(app, verified: false);
        var pendingDraft = await DraftAsync(pending);
        var (pendingUser, pendingService) = await SignInAsync(pending.Email!);
        await using var __ = pendingUser;
        var refused = await pendingService.RenewAsync(pendingUser.Principal, pendingDraft, (await ReloadAsync(app, pendingDraft)).Version, Today.AddMonths(3), null, Ct);
        Assert.Equal(CommandStatus.Forbidden, refused.Status);
    }

    [Fact]
    public async Task TheWorkspaceCountsEveryStatusAndFiltersAndSearches()
    {
        var sme = await RegisterSmeAsync(app);
        var draft = await DraftAsync(sme, Input(Today, "草稿需求甲"));
        await DraftAsync(sme, Input(Today, "草稿需求乙"));
        var published = await PublishedAsync(sme, Input(Today, "已发布需求"));
        var (user, service) = await SignInAsync(sme.Email!);
        await using var _ = user;
        await service.SaveDraftAsync(user.Principal, draft, Input(Today, "草稿需求甲（修改）"), (await ReloadAsync(app, draft)).Version, Ct);

        var all = await service.ListAsync(user.Principal, new(), Ct);
        var drafts = await service.ListAsync(user.Principal, new(DemandStatus.Draft), Ct);
        var searched = await service.ListAsync(user.Principal, new(Search: "修改"), Ct);
        var wildcard = await service.ListAsync(user.Principal, new(Search: "草稿%"), Ct);

        Assert.Equal(3, all.Total);
        Assert.Equal(3, all.Page.TotalCount);
        Assert.Equal((2, 1), (all.Counts[DemandStatus.Draft], all.Counts[DemandStatus.Published]));
        Assert.True(all.OrganisationVerified);
        Assert.Equal(2, drafts.Page.TotalCount);
        Assert.All(drafts.Page.Items, r => Assert.Equal(DemandStatus.Draft, r.Status));
        Assert.Equal([draft], searched.Page.Items.Select(r => r.Id));
        Assert.Empty(wildcard.Page.Items);
        var row = all.Page.Items.Single(r => r.Id == published);
        Assert.Equal(("已发布需求", DemandType.TechnicalProblem, DemandConfidentiality.Public, 0), (row.Title, row.Type, row.Confidentiality, row.FollowUpCount));
    }

    private static DemandInput Set(DemandInput input, Action<DemandInput> change)
    {
        change(input);
        return input;
    }
}
