using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatentTransfer.Domain.Auditing;
using PatentTransfer.Domain.Listings;
using PatentTransfer.Domain.Patents;
using PatentTransfer.Infrastructure.Identity;
using PatentTransfer.Testing;
using PatentTransfer.Web.Features.Listings;
using PatentTransfer.Web.Infrastructure;
using static PatentTransfer.Web.Tests.Listings.ListingReviewTestData;

namespace PatentTransfer.Web.Tests.Listings;

public class ListingReviewServiceTests(PortalAppFactory app)
{
    private const string NotFound = "未找到该转化条件，或其权利人不在您负责的城市范围内。";
    private const string ConcurrencyConflict = "该记录已被他人修改或审核，您的修改未保存。页面已显示最新内容，请核对后重新操作。";
    private const string NotSubmitted = "该转化条件不在待审核状态，无需操作。";
    private const string ReasonRequired = "请填写退回原因，权利人将看到该原因。";
    private const string ReasonInvalid = "退回原因不能超过 500 个字符，且不能包含 HTML 标签或脚本。";
    private const string Reason = "许可费用与技术服务内容不明确，请补充说明后重新提交";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CityStaffListOnlyListingsOfHoldersInTheirCityWhileProvincialStaffAndAdministratorsListAll()
    {
        var token = NewToken();
        var baoding = await CreateAsync(app, Accounts.Holder, ListingStatus.Submitted, Titled(token), Ct);
        var shijiazhuang = await CreateAsync(app, Accounts.Institute, ListingStatus.Submitted, Titled(token), Ct);

        Assert.Equal([baoding.Id], await ListIdsAsync(Accounts.BaodingStaff, new(Search: token)));
        Assert.Equal([shijiazhuang.Id], await ListIdsAsync(Accounts.ShijiazhuangStaff, new(Search: token)));
        Assert.Equal(new[] { baoding.Id, shijiazhuang.Id }.Order(), (await ListIdsAsync(Accounts.Provincial, new(Search: token))).Order());
        Assert.Equal(new[] { baoding.Id, shijiazhuang.Id }.Order(), (await ListIdsAsync(Accounts.Administrator, new(Search: token))).Order());
    }

    [Fact]
    public async Task CityFilterNarrowsProvincialStaffButCannotWidenCityStaff()
    {
        var token = NewToken();
        var baoding = await CreateAsync(app, Accounts.Holder, ListingStatus.Submitted, Titled(token), Ct);
        var shijiazhuang = await CreateAsync(app, Accounts.Institute, ListingStatus.Submitted, Titled(token), Ct);

        Assert.Equal([baoding.Id], await ListIdsAsync(Accounts.Provincial, new(Search: token, CityCode: "1306")));
        Assert.Equal([shijiazhuang.Id], await ListIdsAsync(Accounts.Provincial, new(Search: token, CityCode: "1301")));
        Assert.Equal([shijiazhuang.Id], await ListIdsAsync(Accounts.ShijiazhuangStaff, new(Search: token, CityCode: "1306")));
    }

    [Theory]
    [InlineData(Accounts.Sme)]
    [InlineData(Accounts.Holder)]
    public async Task NonStaffListOpenAndDecideNothing(string email)
    {
        var listing = await CreateAsync(app, Accounts.Holder, ListingStatus.Submitted, Titled(NewToken()), Ct);
        var before = await ReloadAsync(app, listing.Id, Ct);
        await using var user = await ActingUser.SignInAsync(app, email);
        var service = user.Get<ListingReviewService>();

        var page = await service.ListAsync(user.StaffScope, new(Status: null), Ct);
        var detail = await service.GetAsync(user.StaffScope, listing.Id, Ct);
        var approved = await service.ApproveAsync(user.StaffScope, listing.Id, before.Version, Ct);
        var returned = await service.ReturnAsync(user.StaffScope, listing.Id, before.Version, Reason, Ct);

        Assert.Empty(page.Items);
        Assert.Equal(0, page.TotalCount);
        Assert.Null(detail);
        Assert.Equal(CommandStatus.NotFound, approved.Status);
        Assert.Equal(CommandStatus.NotFound, returned.Status);
        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task StatusFilterDefaultsToSubmittedAndDraftsNeverReachReviewers()
    {
        var token = NewToken();
        var draft = await CreateAsync(app, Accounts.Holder, ListingStatus.Draft, Titled(token), Ct);
        var submitted = await CreateAsync(app, Accounts.Holder, ListingStatus.Submitted, Titled(token), Ct);
        var published = await CreateAsync(app, Accounts.Holder, ListingStatus.Published, Titled(token), Ct);
        var returned = await CreateAsync(app, Accounts.Holder, ListingStatus.Returned, Titled(token), Ct);
        var withdrawn = await CreateAsync(app, Accounts.Holder, ListingStatus.Withdrawn, Titled(token), Ct);

        Assert.Equal([submitted.Id], await ListIdsAsync(Accounts.BaodingStaff, new(Search: token)));
        Assert.Equal([published.Id], await ListIdsAsync(Accounts.BaodingStaff, new(ListingStatus.Published, Search: token)));
        Assert.Equal([returned.Id], await ListIdsAsync(Accounts.BaodingStaff, new(ListingStatus.Returned, Search: token)));
        Assert.Equal([withdrawn.Id], await ListIdsAsync(Accounts.BaodingStaff, new(ListingStatus.Withdrawn, Search: token)));
        Assert.Empty(await ListIdsAsync(Accounts.BaodingStaff, new(ListingStatus.Draft, Search: token)));

        // Oldest submission first.
        Assert.Equal([submitted.Id, published.Id, returned.Id, withdrawn.Id], await ListIdsAsync(Accounts.Provincial, new(null, Search: token)));
        Assert.DoesNotContain(draft.Id, await ListIdsAsync(Accounts.Provincial, new(null, Search: token)));
    }

    [Fact]
    public async Task RowsShowPatentHolderCityPriceAndVersion()
    {
        var token = NewToken();
        var listing = await CreateAsync(app, Accounts.Holder, ListingStatus.Submitted, Titled(token), Ct);
        await using var db = app.CreateDbContext();
        var patent = await db.Patents.AsNoTracking().SingleAsync(p => p.Id == listing.PatentId, Ct);
        var holderName = await db.Organisations.Where(o => o.Id == listing.HolderOrganisationId).Select(o => o.Name).SingleAsync(Ct);
        var stored = await ReloadAsync(app, listing.Id, Ct);

        var row = Assert.Single(await ListAsync(Accounts.BaodingStaff, new(Search: token)));

        Assert.Equal(listing.Id, row.Id);
        Assert.Equal(patent.Id, row.PatentId);
        Assert.Equal(patent.ApplicationNumber, row.ApplicationNumber);
        Assert.Equal($"一种审核测试装置{token}", row.DisplayTitle);
        Assert.Equal(holderName, row.HolderName);
        Assert.Equal("1306", row.HolderCityCode);
        Assert.Equal(ListingStatus.Submitted, row.Status);
        Assert.Equal(stored.SubmittedAt, row.SubmittedAt);
        Assert.Contains("80,000.00", row.PriceSummary, StringComparison.Ordinal);
        Assert.Equal(stored.Version, row.Version);
    }

    [Fact]
    public async Task SearchFindsByApplicationNumberTitleOrHolderAndTakesWildcardsLiterally()
    {
        var token = NewToken();
        var number = TestPatents.NewNumber();
        var wanted = await CreateAsync(app, Accounts.Holder, ListingStatus.Submitted, TestPatents.Details(number, title: $"一种审核测试装置{token}"), Ct);
        var other = await CreateAsync(app, Accounts.Holder, ListingStatus.Submitted, Titled(token), Ct);

        Assert.Equal([wanted.Id], await ListIdsAsync(Accounts.BaodingStaff, new(Search: number.Value)));
        Assert.Equal([wanted.Id], await ListIdsAsync(Accounts.BaodingStaff, new(Search: "CN" + number.Value.Replace(".", "", StringComparison.Ordinal))));
        Assert.Equal([wanted.Id, other.Id], await ListIdsAsync(Accounts.BaodingStaff, new(Search: "测试装置" + token.ToUpperInvariant())));
        Assert.Empty(await ListIdsAsync(Accounts.BaodingStaff, new(Search: "测试_置" + token)));
        Assert.Empty(await ListIdsAsync(Accounts.BaodingStaff, new(Search: token + "%")));
        Assert.Empty(await ListIdsAsync(Accounts.ShijiazhuangStaff, new(Search: number.Value)));

        await using var db = app.CreateDbContext();
        var holderName = await db.Organisations.Where(o => o.Id == wanted.HolderOrganisationId).Select(o => o.Name).SingleAsync(Ct);
        var byHolder = await ListAsync(Accounts.BaodingStaff, new(Search: holderName, PageSize: 100));
        Assert.Contains(byHolder, r => r.Id == wanted.Id);
        Assert.All(byHolder, r => Assert.Equal(holderName, r.HolderName));
    }

    [Fact]
    public async Task AnUntitledPatentIsListedAndFoundByTheOpeningOfItsAbstract()
    {
        var token = NewToken();
        var listing = await CreateAsync(app, Accounts.Holder, ListingStatus.Submitted,
            TestPatents.Details(title: null, @abstract: $"本发明涉及一种秸秆还田机{token}，包括机架和刀辊。" + new string('述', 400)), Ct);

        var row = Assert.Single(await ListAsync(Accounts.BaodingStaff, new(Search: "秸秆还田机" + token)));

        Assert.Equal(listing.Id, row.Id);
        Assert.Equal($"〔摘要〕一种秸秆还田机{token}", row.DisplayTitle);
    }

    [Fact]
    public async Task DetailsAreHiddenOutsideTheReviewersCity()
    {
        var listing = await CreateAsync(app, Accounts.Holder, ListingStatus.Submitted, Titled(NewToken()), Ct);
        var draft = await CreateAsync(app, Accounts.Holder, ListingStatus.Draft, Titled(NewToken()), Ct);

        await using var shijiazhuang = await ActingUser.SignInAsync(app, Accounts.ShijiazhuangStaff);
        Assert.Null(await shijiazhuang.Get<ListingReviewService>().GetAsync(shijiazhuang.StaffScope, listing.Id, Ct));

        await using var baoding = await ActingUser.SignInAsync(app, Accounts.BaodingStaff);
        var service = baoding.Get<ListingReviewService>();
        var detail = Assert.IsType<ListingReviewDetail>(await service.GetAsync(baoding.StaffScope, listing.Id, Ct));
        Assert.Equal(listing.Id, detail.Listing.Id);
        Assert.Equal(ListingStatus.Submitted, detail.Listing.Status);
        Assert.Equal(80_000m, detail.Listing.Terms.LumpSum);
        Assert.Equal(listing.PatentId, detail.Patent.Id);
        Assert.Equal(LegalStatus.Valid, detail.Patent.Status);
        Assert.Equal(listing.HolderOrganisationId, detail.Holder.Id);
        Assert.Equal("1306", detail.HolderCityCode);
        Assert.NotNull(detail.SubmittedAt);
        Assert.Null(await service.GetAsync(baoding.StaffScope, Guid.NewGuid(), Ct));
        Assert.Null(await service.GetAsync(baoding.StaffScope, draft.Id, Ct));

        await using var provincial = await ActingUser.SignInAsync(app, Accounts.Provincial);
        Assert.NotNull(await provincial.Get<ListingReviewService>().GetAsync(provincial.StaffScope, listing.Id, Ct));
    }

    [Theory]
    [InlineData(Accounts.Holder, Accounts.BaodingStaff)]
    [InlineData(Accounts.Institute, Accounts.ShijiazhuangStaff)]
    [InlineData(Accounts.Holder, Accounts.Provincial)]
    [InlineData(Accounts.Institute, Accounts.Administrator)]
    public async Task StaffOfTheHoldersCityOrTheProvinceApproveAndTheListingIsPublished(string holderAccount, string staffEmail)
    {
        var listing = await CreateAsync(app, holderAccount, ListingStatus.Submitted, Titled(NewToken()), Ct);
        await using var staff = await ActingUser.SignInAsync(app, staffEmail);
        var service = staff.Get<ListingReviewService>();
        var version = (await service.GetAsync(staff.StaffScope, listing.Id, Ct))!.Listing.Version;

        var result = await service.ApproveAsync(staff.StaffScope, listing.Id, version, Ct);

        Assert.Equal(CommandStatus.Succeeded, result.Status);
        var stored = await ReloadAsync(app, listing.Id, Ct);
        Assert.Equal(ListingStatus.Published, stored.Status);
        Assert.Equal(staff.User.Id, stored.ReviewedByUserId);
        Assert.NotNull(stored.ReviewedAt);
        Assert.Equal(stored.ReviewedAt, stored.PublishedAt);
        var entry = Assert.Single(await TrailAsync(app, listing.Id, AuditActions.ListingPublished, Ct));
        Assert.Equal("listing.published", entry.Action);
        Assert.Equal(staff.User.Id, entry.ActorUserId);
        Assert.Equal(staff.User.DisplayName, entry.ActorName);
        Assert.Equal(AuditCategory.Business, entry.Category);
        Assert.Equal(listing.HolderOrganisationId, entry.OrganisationId);
        using var summary = JsonDocument.Parse(entry.Summary!);
        Assert.Equal("Submitted", summary.RootElement.GetProperty("Status").GetProperty("before").GetString());
        Assert.Equal("Published", summary.RootElement.GetProperty("Status").GetProperty("after").GetString());
    }

    [Fact]
    public async Task CityStaffReturnWithAReasonTheHolderSees()
    {
        var listing = await CreateAsync(app, Accounts.Holder, ListingStatus.Submitted, Titled(NewToken()), Ct);
        await using var staff = await ActingUser.SignInAsync(app, Accounts.BaodingStaff);
        var service = staff.Get<ListingReviewService>();

        var result = await service.ReturnAsync(staff.StaffScope, listing.Id, listing.Version, "  " + Reason + "  ", Ct);

        Assert.Equal(CommandStatus.Succeeded, result.Status);
        var stored = await ReloadAsync(app, listing.Id, Ct);
        Assert.Equal(ListingStatus.Returned, stored.Status);
        Assert.Equal(Reason, stored.ReturnReason);
        Assert.Equal(staff.User.Id, stored.ReviewedByUserId);
        Assert.Null(stored.PublishedAt);
        var entry = Assert.Single(await TrailAsync(app, listing.Id, AuditActions.ListingReturned, Ct));
        Assert.Equal(staff.User.Id, entry.ActorUserId);
        Assert.Empty(await TrailAsync(app, listing.Id, AuditActions.ListingPublished, Ct));
    }

    [Theory]
    [InlineData(Accounts.Holder, Accounts.ShijiazhuangStaff)]
    [InlineData(Accounts.Institute, Accounts.BaodingStaff)]
    public async Task StaffOfAnotherCityGetNotFoundAndNothingChanges(string holderAccount, string staffEmail)
    {
        var listing = await CreateAsync(app, holderAccount, ListingStatus.Submitted, Titled(NewToken()), Ct);
        var before = await ReloadAsync(app, listing.Id, Ct);
        await using var staff = await ActingUser.SignInAsync(app, staffEmail);
        var service = staff.Get<ListingReviewService>();

        var approved = await service.ApproveAsync(staff.StaffScope, listing.Id, before.Version, Ct);
        var returned = await service.ReturnAsync(staff.StaffScope, listing.Id, before.Version, Reason, Ct);

        Assert.Equal(CommandStatus.NotFound, approved.Status);
        Assert.Equal(NotFound, approved.Message);
        Assert.Equal(CommandStatus.NotFound, returned.Status);
        Assert.Equal(NotFound, returned.Message);
        await AssertUnchangedAsync(before);
        Assert.Empty(await TrailAsync(app, listing.Id, AuditActions.ListingPublished, Ct));
        Assert.Empty(await TrailAsync(app, listing.Id, AuditActions.ListingReturned, Ct));
    }

    [Fact]
    public async Task UnknownListingReadsAsNotFound()
    {
        await using var staff = await ActingUser.SignInAsync(app, Accounts.Provincial);

        var result = await staff.Get<ListingReviewService>().ApproveAsync(staff.StaffScope, Guid.NewGuid(), 1, Ct);

        Assert.Equal(CommandStatus.NotFound, result.Status);
        Assert.Equal(NotFound, result.Message);
    }

    [Theory]
    [InlineData("", ReasonRequired)]
    [InlineData(" \t ", ReasonRequired)]
    [InlineData("<b>价格不符</b>", ReasonInvalid)]
    [InlineData("请核对<script>alert(1)</script>", ReasonInvalid)]
    public async Task ReturningNeedsAPlainReason(string reason, string message)
    {
        var listing = await CreateAsync(app, Accounts.Holder, ListingStatus.Submitted, Titled(NewToken()), Ct);
        var before = await ReloadAsync(app, listing.Id, Ct);
        await using var staff = await ActingUser.SignInAsync(app, Accounts.BaodingStaff);

        var result = await staff.Get<ListingReviewService>().ReturnAsync(staff.StaffScope, listing.Id, before.Version, reason, Ct);

        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Equal(message, result.Message);
        await AssertUnchangedAsync(before);
        Assert.Empty(await TrailAsync(app, listing.Id, AuditActions.ListingReturned, Ct));
    }

    [Fact]
    public async Task ReturnReasonIsAtMostFiveHundredCharacters()
    {
        var listing = await CreateAsync(app, Accounts.Holder, ListingStatus.Submitted, Titled(NewToken()), Ct);
        var before = await ReloadAsync(app, listing.Id, Ct);
        await using var staff = await ActingUser.SignInAsync(app, Accounts.BaodingStaff);
        var service = staff.Get<ListingReviewService>();

        var tooLong = await service.ReturnAsync(staff.StaffScope, listing.Id, before.Version, new string('退', 501), Ct);

        Assert.Equal(CommandStatus.Invalid, tooLong.Status);
        Assert.Equal(ReasonInvalid, tooLong.Message);
        await AssertUnchangedAsync(before);

        var atLimit = await service.ReturnAsync(staff.StaffScope, listing.Id, before.Version, new string('退', 500), Ct);

        Assert.Equal(CommandStatus.Succeeded, atLimit.Status);
        Assert.Equal(500, (await ReloadAsync(app, listing.Id, Ct)).ReturnReason!.Length);
    }

    [Fact]
    public async Task SecondReviewerWithTheSameVersionGetsAConflict()
    {
        var listing = await CreateAsync(app, Accounts.Holder, ListingStatus.Submitted, Titled(NewToken()), Ct);
        await using var first = await ActingUser.SignInAsync(app, Accounts.BaodingStaff);
        await using var second = await ActingUser.SignInAsync(app, Accounts.Provincial);
        var firstVersion = (await first.Get<ListingReviewService>().GetAsync(first.StaffScope, listing.Id, Ct))!.Listing.Version;
        var secondVersion = (await second.Get<ListingReviewService>().GetAsync(second.StaffScope, listing.Id, Ct))!.Listing.Version;
        Assert.Equal(firstVersion, secondVersion);

        var approved = await first.Get<ListingReviewService>().ApproveAsync(first.StaffScope, listing.Id, firstVersion, Ct);
        var returned = await second.Get<ListingReviewService>().ReturnAsync(second.StaffScope, listing.Id, secondVersion, Reason, Ct);
        var approvedAgain = await second.Get<ListingReviewService>().ApproveAsync(second.StaffScope, listing.Id, secondVersion, Ct);

        Assert.Equal(CommandStatus.Succeeded, approved.Status);
        Assert.Equal(CommandStatus.Conflict, returned.Status);
        Assert.Equal(ConcurrencyConflict, returned.Message);
        Assert.Equal(CommandStatus.Conflict, approvedAgain.Status);
        var stored = await ReloadAsync(app, listing.Id, Ct);
        Assert.Equal(ListingStatus.Published, stored.Status);
        Assert.Equal(first.User.Id, stored.ReviewedByUserId);
        Assert.Null(stored.ReturnReason);
        Assert.Single(await TrailAsync(app, listing.Id, AuditActions.ListingPublished, Ct));
        Assert.Empty(await TrailAsync(app, listing.Id, AuditActions.ListingReturned, Ct));
    }

    [Fact]
    public async Task DecisionOnAListingTheHolderHasSinceWithdrawnGetsAConflict()
    {
        var listing = await CreateAsync(app, Accounts.Holder, ListingStatus.Submitted, Titled(NewToken()), Ct);
        await using var staff = await ActingUser.SignInAsync(app, Accounts.BaodingStaff);
        var service = staff.Get<ListingReviewService>();
        var seen = (await service.GetAsync(staff.StaffScope, listing.Id, Ct))!.Listing.Version;
        await ChangeAsync(app, listing.Id, (l, _) => l.Withdraw(DateTimeOffset.UtcNow), Ct);

        var result = await service.ApproveAsync(staff.StaffScope, listing.Id, seen, Ct);

        Assert.Equal(CommandStatus.Conflict, result.Status);
        Assert.Equal(ConcurrencyConflict, result.Message);
        var stored = await ReloadAsync(app, listing.Id, Ct);
        Assert.Equal(ListingStatus.Withdrawn, stored.Status);
        Assert.Null(stored.ReviewedByUserId);
        Assert.Empty(await TrailAsync(app, listing.Id, AuditActions.ListingPublished, Ct));
    }

    [Fact]
    public async Task AlreadyDecidedListingIsNotDecidedAgain()
    {
        var listing = await CreateAsync(app, Accounts.Holder, ListingStatus.Submitted, Titled(NewToken()), Ct);
        await using var staff = await ActingUser.SignInAsync(app, Accounts.BaodingStaff);
        var service = staff.Get<ListingReviewService>();
        Assert.True((await service.ApproveAsync(staff.StaffScope, listing.Id, listing.Version, Ct)).Succeeded);
        var current = await ReloadAsync(app, listing.Id, Ct);
        Assert.NotEqual(listing.Version, current.Version);

        var again = await service.ApproveAsync(staff.StaffScope, listing.Id, current.Version, Ct);
        var returned = await service.ReturnAsync(staff.StaffScope, listing.Id, current.Version, Reason, Ct);

        Assert.Equal(CommandStatus.Invalid, again.Status);
        Assert.Equal(NotSubmitted, again.Message);
        Assert.Equal(CommandStatus.Invalid, returned.Status);
        Assert.Equal(NotSubmitted, returned.Message);
        await AssertUnchangedAsync(current);
        Assert.Single(await TrailAsync(app, listing.Id, AuditActions.ListingPublished, Ct));
    }

    private async Task<IReadOnlyList<ListingReviewRow>> ListAsync(string staffEmail, ListingReviewQuery query)
    {
        await using var staff = await ActingUser.SignInAsync(app, staffEmail);
        var page = await staff.Get<ListingReviewService>().ListAsync(staff.StaffScope, query, Ct);
        Assert.True(page.Items.Count <= page.TotalCount);
        return page.Items;
    }

    private async Task<List<Guid>> ListIdsAsync(string staffEmail, ListingReviewQuery query) =>
        (await ListAsync(staffEmail, query)).Select(r => r.Id).ToList();

    private async Task AssertUnchangedAsync(Listing before)
    {
        var stored = await ReloadAsync(app, before.Id, Ct);
        Assert.Equal(before.Status, stored.Status);
        Assert.Equal(before.Version, stored.Version);
        Assert.Equal(before.ReturnReason, stored.ReturnReason);
        Assert.Equal(before.ReviewedByUserId, stored.ReviewedByUserId);
        Assert.Equal(before.PublishedAt, stored.PublishedAt);
    }
}
