using Microsoft.EntityFrameworkCore;
using PatentTransfer.Domain.Listings;
using PatentTransfer.Domain.Patents;
using PatentTransfer.Testing;
using PatentTransfer.Web.Features.MyPatents;
using PatentTransfer.Web.Infrastructure;

namespace PatentTransfer.Web.Tests.Patents;

/// <summary>The holder's workspace: own patents only, edits that never overwrite someone else's, listings from draft to withdrawn.</summary>
public class MyPatentsServiceTests(PortalAppFactory app)
{
    private const string NotFound = "未找到该专利。";
    private const string Conflict = "该记录已被他人修改或审核，您的修改未保存。页面已显示最新内容，请核对后重新操作。";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Patent> PatentOfAsync(string account, PatentDetails? details = null)
    {
        var holder = await app.FindUserAsync(account);
        var patent = TestPatents.Create(holder.OrganisationId!.Value, details);
        await using var db = app.CreateDbContext();
        db.Patents.Add(patent);
        await db.SaveChangesAsync(Ct);
        return patent;
    }

    private async Task<Patent> ReloadAsync(Guid id)
    {
        await using var db = app.CreateDbContext();
        return await db.Patents.AsNoTracking().SingleAsync(p => p.Id == id, Ct);
    }

    private async Task<Listing?> ListingOfAsync(Guid patentId)
    {
        await using var db = app.CreateDbContext();
        return await db.Listings.AsNoTracking().SingleOrDefaultAsync(l => l.PatentId == patentId, Ct);
    }

    private static PatentEdit EditOf(Patent p, string? title = null, string? mainIpc = null) => new(
        title ?? p.Title, p.Abstract, p.Claims, mainIpc ?? p.MainIpc, string.Join("；", p.FurtherIpc), p.Locarno, string.Join("；", p.CoOwners),
        string.Join("；", p.Inventors), string.Join("；", p.Keywords), p.IndustryCode, p.Version);

    [Fact]
    public async Task AHolderListsOnlyItsOwnPatents()
    {
        var own = await PatentOfAsync(Accounts.Holder);
        var other = await PatentOfAsync(Accounts.Institute);
        await using var holder = await ActingUser.SignInAsync(app, Accounts.Holder);
        var service = holder.Get<MyPatentsService>();

        Assert.Equal([own.Id], (await service.ListAsync(holder.Principal, new(Search: own.ApplicationNumber), Ct)).Items.Select(r => r.Id));
        Assert.Empty((await service.ListAsync(holder.Principal, new(Search: other.ApplicationNumber), Ct)).Items);
    }

    [Fact]
    public async Task AnotherHolderCanNeitherOpenNorChangeAPatentNorItsDraft()
    {
        var patent = await PatentOfAsync(Accounts.Holder);
        await using (var owner = await ActingUser.SignInAsync(app, Accounts.Holder))
        {
            var (saved, _) = await owner.Get<ListingService>().SaveDraftAsync(owner.Principal, patent.Id, TestPatents.OrdinaryLicence(), null, Ct);
            Assert.True(saved.Succeeded, saved.Message);
        }

        var draft = await ListingOfAsync(patent.Id);
        await using var intruder = await ActingUser.SignInAsync(app, Accounts.Institute);
        var patents = intruder.Get<MyPatentsService>();
        var listings = intruder.Get<ListingService>();

        Assert.Null(await patents.GetForEditAsync(intruder.Principal, patent.Id, Ct));
        var (edit, _) = await patents.UpdateAsync(intruder.Principal, patent.Id, EditOf(patent, title: "被他人篡改的名称"), Ct);
        var (terms, _) = await listings.SaveDraftAsync(intruder.Principal, patent.Id, TestPatents.OrdinaryLicence(1m), draft!.Version, Ct);
        var submit = Assert.Single(await listings.SubmitAsync(intruder.Principal, [(patent.Id, draft.Version)], Ct));

        Assert.Equal((CommandStatus.NotFound, NotFound), (edit.Status, edit.Message));
        Assert.Equal(CommandStatus.NotFound, terms.Status);
        Assert.Equal(CommandStatus.NotFound, submit.Result.Status);
        Assert.Equal(patent.Title, (await ReloadAsync(patent.Id)).Title);
        var after = await ListingOfAsync(patent.Id);
        Assert.Equal((ListingStatus.Draft, 80_000m, draft.Version), (after!.Status, after.LumpSum, after.Version));
    }

    [Fact]
    public async Task OfTwoEditsOfTheSameVersionTheSecondIsToldAndWritesNothing()
    {
        var patent = await PatentOfAsync(Accounts.Holder);
        await using var first = await ActingUser.SignInAsync(app, Accounts.Holder);
        await using var second = await ActingUser.SignInAsync(app, Accounts.Holder);

        var (a, _) = await first.Get<MyPatentsService>().UpdateAsync(first.Principal, patent.Id, EditOf(patent, title: "一种改进的锂电池正极材料"), Ct);
        var (b, _) = await second.Get<MyPatentsService>().UpdateAsync(second.Principal, patent.Id, EditOf(patent, title: "另一人同时修改的名称"), Ct);

        Assert.True(a.Succeeded, a.Message);
        Assert.Equal((CommandStatus.Conflict, Conflict), (b.Status, b.Message));
        Assert.Equal("一种改进的锂电池正极材料", (await ReloadAsync(patent.Id)).Title);
    }

    public static TheoryData<string, string?, string, string> BadEdits => new()
    {
        { "MainIpc", "H01M", "MainIpc", "“H01M”不是有效的 IPC 分类号（如 H01M10/0525）。" },
        { "MainIpc", "H01M99/99", "MainIpc", "IPC 分类表中没有 H01M99/99，请核对。" },
        { "Title", "<script>alert(1)</script>一种材料", "Title", "不能包含 HTML 标签或脚本。" },
        { "Abstract", "  ", "Abstract", "请填写摘要。" },
        { "IndustryCode", "no-such-industry", "IndustryCode", "请选择列表中的产业。" },
    };

    [Theory]
    [MemberData(nameof(BadEdits))]
    public async Task ABadEditNamesTheFieldAndChangesNothing(string field, string? value, string errorField, string message)
    {
        var patent = await PatentOfAsync(Accounts.Holder);
        var edit = field switch
        {
            "MainIpc" => EditOf(patent, mainIpc: value),
            "Title" => EditOf(patent, title: value),
            "IndustryCode" => EditOf(patent) with { IndustryCode = value },
            _ => EditOf(patent) with { Abstract = value! },
        };
        await using var holder = await ActingUser.SignInAsync(app, Accounts.Holder);

        var (result, errors) = await holder.Get<MyPatentsService>().UpdateAsync(holder.Principal, patent.Id, edit, Ct);

        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Equal(message, errors[errorField]);
        var stored = await ReloadAsync(patent.Id);
        Assert.Equal((patent.Title, patent.MainIpc, patent.Abstract, patent.Version), (stored.Title, stored.MainIpc, stored.Abstract, stored.Version));
    }

    [Fact]
    public async Task TermsThatBreakTheRulesAreReportedPerFieldAndNoListingIsCreated()
    {
        var patent = await PatentOfAsync(Accounts.Holder);
        var terms = TestPatents.OrdinaryLicence() with { Modes = [OfferMode.ExclusiveLicence], LumpSum = null, OpenLicence = true, PayLater = true, TrialMonths = 48 };
        await using var holder = await ActingUser.SignInAsync(app, Accounts.Holder);

        var (result, errors) = await holder.Get<ListingService>().SaveDraftAsync(holder.Principal, patent.Id, terms, null, Ct);

        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Equal("请填写金额（大于 0、不超过 100 亿元，最多两位小数）。", errors["LumpSum"]);
        Assert.Equal("先用后付的试用期须为 1 至 36 个月。", errors["TrialMonths"]);
        Assert.Equal("开放许可必须以普通许可方式提供（专利法第五十条）。", errors["OpenLicence"]);
        Assert.Null(await ListingOfAsync(patent.Id));
    }

    [Fact]
    public async Task ADraftIsSubmittedWithdrawnAndResubmittedAndEveryStepIsAudited()
    {
        var patent = await PatentOfAsync(Accounts.Holder);
        await using var holder = await ActingUser.SignInAsync(app, Accounts.Holder);
        var service = holder.Get<ListingService>();

        var (saved, _) = await service.SaveDraftAsync(holder.Principal, patent.Id, TestPatents.OrdinaryLicence(), null, Ct);
        Assert.True(saved.Succeeded, saved.Message);
        var draft = await ListingOfAsync(patent.Id);
        Assert.True(Assert.Single(await service.SubmitAsync(holder.Principal, [(patent.Id, draft!.Version)], Ct)).Result.Succeeded);
        var submitted = await ListingOfAsync(patent.Id);
        Assert.Equal(ListingStatus.Submitted, submitted!.Status);

        // A second click on the stale page does not submit twice; it is told the state moved on.
        Assert.Equal(CommandStatus.Conflict, Assert.Single(await service.SubmitAsync(holder.Principal, [(patent.Id, draft.Version)], Ct)).Result.Status);

        Assert.True(Assert.Single(await service.WithdrawAsync(holder.Principal, [(patent.Id, submitted.Version)], Ct)).Result.Succeeded);
        Assert.Equal(ListingStatus.Withdrawn, (await ListingOfAsync(patent.Id))!.Status);

        await using var db = app.CreateDbContext();
        var id = submitted.Id.ToString();
        var actions = await db.AuditEntries.Where(a => a.RecordType == nameof(Listing) && a.RecordId == id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct);
        Assert.Equal(["listing.created", "listing.submitted", "listing.withdrawn"], actions);
    }

    [Fact]
    public async Task BulkSubmitDoesEachItemOnItsOwn()
    {
        var mine = await PatentOfAsync(Accounts.Holder);
        var notListed = await PatentOfAsync(Accounts.Holder);
        var foreign = await PatentOfAsync(Accounts.Institute);
        await using var holder = await ActingUser.SignInAsync(app, Accounts.Holder);
        var service = holder.Get<ListingService>();
        await service.SaveDraftAsync(holder.Principal, mine.Id, TestPatents.OrdinaryLicence(), null, Ct);
        var draft = await ListingOfAsync(mine.Id);

        var outcomes = await service.SubmitAsync(holder.Principal, [(foreign.Id, 1u), (mine.Id, draft!.Version), (notListed.Id, 1u)], Ct);

        Assert.Equal([CommandStatus.NotFound, CommandStatus.Succeeded, CommandStatus.Invalid], outcomes.Select(o => o.Result.Status));
        Assert.Equal(ListingStatus.Submitted, (await ListingOfAsync(mine.Id))!.Status);
    }

    [Fact]
    public async Task AnOrganisationNotYetVerifiedCanDraftButNotSubmit()
    {
        var user = await TestUsers.RegisterConfirmedSmeAsync(app, Accounts.Password, "未认证权利人", Ct);
        var patent = TestPatents.Create(user.OrganisationId!.Value);
        await using (var db = app.CreateDbContext())
        {
            db.Patents.Add(patent);
            await db.SaveChangesAsync(Ct);
        }

        await using var holder = await ActingUser.SignInAsync(app, user.Email!);
        var service = holder.Get<ListingService>();
        var (saved, _) = await service.SaveDraftAsync(holder.Principal, patent.Id, TestPatents.OrdinaryLicence(), null, Ct);
        Assert.True(saved.Succeeded, saved.Message);
        var draft = await ListingOfAsync(patent.Id);

        var outcome = Assert.Single(await service.SubmitAsync(holder.Principal, [(patent.Id, draft!.Version)], Ct));

        Assert.Equal((CommandStatus.Forbidden, "贵单位尚未通过认证，暂不能提交发布。"), (outcome.Result.Status, outcome.Result.Message));
        Assert.Equal(ListingStatus.Draft, (await ListingOfAsync(patent.Id))!.Status);
    }

    [Fact]
    public async Task FiltersNarrowTheListByListingStateAndSleeping()
    {
        var token = "筛选" + Guid.NewGuid().ToString("N")[..6];
        var sleeping = await PatentOfAsync(Accounts.Holder, TestPatents.Details(title: token + "沉睡", grantDate: new DateOnly(2022, 1, 10)));
        var awake = await PatentOfAsync(Accounts.Holder, TestPatents.Details(title: token + "新授权", grantDate: new DateOnly(2025, 9, 1)));
        await using var holder = await ActingUser.SignInAsync(app, Accounts.Holder);
        await holder.Get<ListingService>().SaveDraftAsync(holder.Principal, awake.Id, TestPatents.OrdinaryLicence(), null, Ct);
        var service = holder.Get<MyPatentsService>();

        async Task<IEnumerable<Guid>> Ids(MyPatentsQuery q) => (await service.ListAsync(holder.Principal, q, Ct)).Items.Select(r => r.Id);

        Assert.Equal([sleeping.Id], await Ids(new(Search: token, SleepingOnly: true)));
        Assert.Equal([awake.Id], await Ids(new(Search: token, Listing: ListingFilter.Draft)));
        Assert.Equal([sleeping.Id], await Ids(new(Search: token, Listing: ListingFilter.NotListed)));
        Assert.Empty(await Ids(new(Search: token, Listing: ListingFilter.Draft, SleepingOnly: true)));
    }
}
