using System.Text.Json;
using PatentTransfer.Domain.Auditing;
using PatentTransfer.Domain.Demands;
using PatentTransfer.Infrastructure.Identity;
using PatentTransfer.Testing;
using PatentTransfer.Web.Features.Demands;
using PatentTransfer.Web.Features.MyDemands;
using PatentTransfer.Web.Infrastructure;
using static PatentTransfer.Web.Tests.Demands.DemandTestData;

namespace PatentTransfer.Web.Tests.Demands;

/// <summary>Staff review of demands: scoped to the SME's city (provincial staff see all), drafts never shown, decisions never lost.</summary>
public class DemandReviewServiceTests(PortalAppFactory app)
{
    private const string NotFound = "未找到该需求，或其企业不在您负责的城市范围内。";
    private const string Conflict = "该记录已被他人修改或审核，您的修改未保存。页面已显示最新内容，请核对后重新操作。";
    private const string Reason = "量化指标不完整，请补充硬度范围后重新提交";

    private readonly ManualClock _clock = ManualClock.StartingNow();

    private DateOnly Today => TodayOn(_clock);

    /// <summary>A demand titled with <paramref name="token"/> of a fresh SME in <paramref name="region"/>, saved and (unless a draft is wanted) submitted.</summary>
    private async Task<Guid> DemandAsync(string token, string region = Shijiazhuang, bool submit = true, DemandInput? input = null)
    {
        var sme = await RegisterSmeAsync(app, region);
        return await DemandOfAsync(sme, token, submit, input);
    }

    private async Task<Guid> DemandOfAsync(PortalUser sme, string token, bool submit = true, DemandInput? input = null)
    {
        await using var user = await ActingUser.SignInAsync(app, sme.Email!);
        var service = user.Create<MyDemandsService>(_clock);
        input ??= Input(Today);
        input.Title = "审核测试需求" + token;
        var saved = await service.SaveDraftAsync(user.Principal, null, input, null, Ct);
        Assert.True(saved.Result.Succeeded, saved.Result.Message);
        if (submit)
        {
            Assert.True((await service.SubmitAsync(user.Principal, saved.Id!.Value, (await ReloadAsync(app, saved.Id.Value)).Version, Ct)).Succeeded);
        }

        return saved.Id!.Value;
    }

    private async Task<(ActingUser Staff, DemandReviewService Service)> StaffAsync(string email)
    {
        var staff = await VisitAsync(app, email);
        return (staff, staff.Create<DemandReviewService>(_clock));
    }

    private async Task<List<Guid>> ListIdsAsync(string email, DemandReviewQuery query)
    {
        var (staff, service) = await StaffAsync(email);
        await using var _ = staff;
        var page = await service.ListAsync(staff.StaffScope, query, Ct);
        Assert.True(page.Items.Count <= page.TotalCount);
        return page.Items.Select(r => r.Id).ToList();
    }

    [Fact]
    public async Task CityStaffListOnlyDemandsOfSmesInTheirCityWhileProvincialStaffListAll()
    {
        var token = NewToken();
        var shijiazhuang = await DemandAsync(token, Shijiazhuang);
        var baoding = await DemandAsync(token, Baoding);

        Assert.Equal([shijiazhuang], await ListIdsAsync(Accounts.ShijiazhuangStaff, new(Search: token)));
        Assert.Equal([baoding], await ListIdsAsync(Accounts.BaodingStaff, new(Search: token)));
        Assert.Equal(new[] { shijiazhuang, baoding }.Order(), (await ListIdsAsync(Accounts.Provincial, new(Search: token))).Order());
        Assert.Equal(new[] { shijiazhuang, baoding }.Order(), (await ListIdsAsync(Accounts.Administrator, new(Search: token))).Order());
        Assert.Equal([baoding], await ListIdsAsync(Accounts.Provincial, new(Search: token, CityCode: "1306")));
        Assert.Equal([shijiazhuang], await ListIdsAsync(Accounts.ShijiazhuangStaff, new(Search: token, CityCode: "1306")));
    }

    [Theory]
    [InlineData(Accounts.Sme)]
    [InlineData(Accounts.Holder)]
    [InlineData(Accounts.Agency)]
    [InlineData(AnonymousVisitor)]
    public async Task NonStaffListOpenAndDecideNothing(string visitor)
    {
        var id = await DemandAsync(NewToken());
        var before = await ReloadAsync(app, id);
        var (user, service) = await StaffAsync(visitor);
        await using var _ = user;

        var page = await service.ListAsync(user.StaffScope, new(Status: null), Ct);
        var detail = await service.GetAsync(user.StaffScope, id, Ct);
        var approved = await service.ApproveAsync(user.StaffScope, id, before.Version, Ct);
        var returned = await service.ReturnAsync(user.StaffScope, id, before.Version, Reason, Ct);

        Assert.Equal(0, page.TotalCount);
        Assert.Null(detail);
        Assert.Equal((CommandStatus.NotFound, NotFound), (approved.Status, approved.Message));
        Assert.Equal((CommandStatus.NotFound, NotFound), (returned.Status, returned.Message));
        Assert.Equal((before.Status, before.Version), ((await ReloadAsync(app, id)).Status, (await ReloadAsync(app, id)).Version));
    }

    [Fact]
    public async Task DraftsNeverReachReviewersAndTheQueueDefaultsToSubmitted()
    {
        var token = NewToken();
        var draft = await DemandAsync(token, submit: false);
        var submitted = await DemandAsync(token);

        Assert.Equal([submitted], await ListIdsAsync(Accounts.ShijiazhuangStaff, new(Search: token)));
        Assert.Equal([submitted], await ListIdsAsync(Accounts.Provincial, new(Status: null, Search: token)));
        Assert.Empty(await ListIdsAsync(Accounts.Provincial, new(Status: DemandStatus.Draft, Search: token)));
        var (staff, service) = await StaffAsync(Accounts.Provincial);
        await using var _ = staff;
        Assert.Null(await service.GetAsync(staff.StaffScope, draft, Ct));
        Assert.Equal(CommandStatus.NotFound, (await service.ApproveAsync(staff.StaffScope, draft, (await ReloadAsync(app, draft)).Version, Ct)).Status);
    }

    [Fact]
    public async Task DetailsShowTheDemandTheSmeAndItsCityOnlyToStaffOfThatCity()
    {
        var id = await DemandAsync(NewToken(), Baoding);

        var (shijiazhuang, sjzService) = await StaffAsync(Accounts.ShijiazhuangStaff);
        await using (shijiazhuang)
        {
            Assert.Null(await sjzService.GetAsync(shijiazhuang.StaffScope, id, Ct));
        }

        var (baoding, service) = await StaffAsync(Accounts.BaodingStaff);
        await using var _ = baoding;
        var detail = await service.GetAsync(baoding.StaffScope, id, Ct);

        Assert.NotNull(detail);
        Assert.Equal((DemandStatus.Submitted, "1306", "130602"), (detail.Demand.Status, detail.Sme.CityCode, detail.Sme.RegionCode));
        Assert.Equal(18, detail.Sme.CreditCode.Length);
        Assert.Equal("冲击韧性", detail.Demand.Details.Targets[0].Indicator);
        Assert.Null(await service.GetAsync(baoding.StaffScope, Guid.NewGuid(), Ct));
    }

    [Theory]
    [InlineData(Shijiazhuang, Accounts.ShijiazhuangStaff)]
    [InlineData(Baoding, Accounts.BaodingStaff)]
    [InlineData(Baoding, Accounts.Provincial)]
    [InlineData(Shijiazhuang, Accounts.Administrator)]
    public async Task StaffOfTheSmesCityOrTheProvinceApproveAndTheDemandIsPublished(string region, string staffEmail)
    {
        var id = await DemandAsync(NewToken(), region);
        var (staff, service) = await StaffAsync(staffEmail);
        await using var _ = staff;
        var version = (await service.GetAsync(staff.StaffScope, id, Ct))!.Demand.Version;

        var result = await service.ApproveAsync(staff.StaffScope, id, version, Ct);

        Assert.True(result.Succeeded, result.Message);
        var stored = await ReloadAsync(app, id);
        Assert.Equal((DemandStatus.Published, staff.User.Id, _clock.GetUtcNow()), (stored.Status, stored.ReviewedByUserId, stored.PublishedAt));
        var entry = (await TrailAsync(app, id)).Last();
        Assert.Equal((AuditActions.DemandPublished, staff.User.Id, stored.SmeOrganisationId), (entry.Action, entry.ActorUserId, entry.OrganisationId));
        using var summary = JsonDocument.Parse(entry.Summary!);
        Assert.Equal("Published", summary.RootElement.GetProperty("Status").GetProperty("after").GetString());
    }

    [Theory]
    [InlineData(Shijiazhuang, Accounts.BaodingStaff)]
    [InlineData(Baoding, Accounts.ShijiazhuangStaff)]
    public async Task StaffOfAnotherCityGetNotFoundAndNothingChanges(string region, string staffEmail)
    {
        var id = await DemandAsync(NewToken(), region);
        var before = await ReloadAsync(app, id);
        var (staff, service) = await StaffAsync(staffEmail);
        await using var _ = staff;

        var approved = await service.ApproveAsync(staff.StaffScope, id, before.Version, Ct);
        var returned = await service.ReturnAsync(staff.StaffScope, id, before.Version, Reason, Ct);

        Assert.Equal((CommandStatus.NotFound, NotFound), (approved.Status, approved.Message));
        Assert.Equal((CommandStatus.NotFound, NotFound), (returned.Status, returned.Message));
        var stored = await ReloadAsync(app, id);
        Assert.Equal((DemandStatus.Submitted, before.Version, (Guid?)null), (stored.Status, stored.Version, stored.ReviewedByUserId));
    }

    [Fact]
    public async Task AReturnedDemandCarriesTheReasonTheSmeSeesAndIsResubmittedAfterCorrection()
    {
        var sme = await RegisterSmeAsync(app);
        var id = await DemandOfAsync(sme, NewToken());
        var (staff, service) = await StaffAsync(Accounts.ShijiazhuangStaff);
        await using var _ = staff;

        Assert.True((await service.ReturnAsync(staff.StaffScope, id, (await ReloadAsync(app, id)).Version, "  " + Reason + "  ", Ct)).Succeeded);

        await using var owner = await ActingUser.SignInAsync(app, sme.Email!);
        var mine = owner.Create<MyDemandsService>(_clock);
        var seen = await mine.GetAsync(owner.Principal, id, Ct);
        Assert.Equal((DemandStatus.Returned, Reason), (seen!.Status, seen.ReturnReason));

        var corrected = DemandInput.From(seen.Details);
        corrected.Targets.Add(new DemandTargetInput { Indicator = "硬度", Comparator = TargetComparator.Between, Value = 45m, UpperValue = 55m, Unit = "HRC" });
        var saved = await mine.SaveDraftAsync(owner.Principal, id, corrected, seen.Version, Ct);
        Assert.True(saved.Result.Succeeded, saved.Result.Message);
        Assert.Equal((DemandStatus.Returned, Reason), ((await mine.GetAsync(owner.Principal, id, Ct))!.Status, (await ReloadAsync(app, id)).ReturnReason));
        Assert.True((await mine.SubmitAsync(owner.Principal, id, (await ReloadAsync(app, id)).Version, Ct)).Succeeded);

        var resubmitted = await ReloadAsync(app, id);
        Assert.Equal((DemandStatus.Submitted, (string?)null, 2), (resubmitted.Status, resubmitted.ReturnReason, resubmitted.Targets.Length));
    }

    [Theory]
    [InlineData("", "请填写退回原因，企业将看到该原因。")]
    [InlineData("请补充<script>alert(1)</script>", "退回原因不能超过 500 个字符，且不能包含 HTML 标签或脚本。")]
    public async Task ReturningNeedsAPlainReason(string reason, string message)
    {
        var id = await DemandAsync(NewToken());
        var before = await ReloadAsync(app, id);
        var (staff, service) = await StaffAsync(Accounts.ShijiazhuangStaff);
        await using var _ = staff;

        var result = await service.ReturnAsync(staff.StaffScope, id, before.Version, reason, Ct);

        Assert.Equal((CommandStatus.Invalid, message), (result.Status, result.Message));
        Assert.Equal((DemandStatus.Submitted, before.Version), ((await ReloadAsync(app, id)).Status, (await ReloadAsync(app, id)).Version));
    }

    [Fact]
    public async Task OfTwoReviewersTheSecondIsToldSomeoneDecidedFirst()
    {
        var id = await DemandAsync(NewToken());
        var (first, firstService) = await StaffAsync(Accounts.ShijiazhuangStaff);
        var (second, secondService) = await StaffAsync(Accounts.Provincial);
        await using var _ = first;
        await using var __ = second;
        var seen = (await ReloadAsync(app, id)).Version;

        var approved = await firstService.ApproveAsync(first.StaffScope, id, seen, Ct);
        var returned = await secondService.ReturnAsync(second.StaffScope, id, seen, Reason, Ct);

        Assert.True(approved.Succeeded, approved.Message);
        Assert.Equal((CommandStatus.Conflict, Conflict), (returned.Status, returned.Message));
        var stored = await ReloadAsync(app, id);
        Assert.Equal((DemandStatus.Published, first.User.Id, (string?)null), (stored.Status, stored.ReviewedByUserId, stored.ReturnReason));
    }

    [Fact]
    public async Task ADecisionOnADemandTheSmeWithdrewMeanwhileIsAConflict()
    {
        var id = await DemandAsync(NewToken());
        var seen = (await ReloadAsync(app, id)).Version;
        await ChangeAsync(app, id, d => d.Withdraw(DemandCloseReason.GaveUp, null, DateTimeOffset.UtcNow));
        var (staff, service) = await StaffAsync(Accounts.ShijiazhuangStaff);
        await using var _ = staff;

        var result = await service.ApproveAsync(staff.StaffScope, id, seen, Ct);

        Assert.Equal(CommandStatus.Conflict, result.Status);
        Assert.Equal(DemandStatus.Closed, (await ReloadAsync(app, id)).Status);
    }

    [Fact]
    public async Task ADemandWhoseValidityRanOutDuringReviewIsNotPublished()
    {
        var input = Input(Today);
        (input.ValidUntil, input.ExpectedCompletion) = (Today.AddDays(5), null);
        var id = await DemandAsync(NewToken(), input: input);
        var (staff, service) = await StaffAsync(Accounts.ShijiazhuangStaff);
        await using var _ = staff;
        _clock.AdvanceDays(5);

        var result = await service.ApproveAsync(staff.StaffScope, id, (await ReloadAsync(app, id)).Version, Ct);

        Assert.Equal((CommandStatus.Invalid, "有效期截止日期必须晚于今天。"), (result.Status, result.Message));
        Assert.Equal(DemandStatus.Submitted, (await ReloadAsync(app, id)).Status);
    }
}
