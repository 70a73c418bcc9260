using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatentTransfer.Domain.Auditing;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Infrastructure.Identity;
using PatentTransfer.Testing;
using PatentTransfer.Web.Features.Organisations;
using PatentTransfer.Web.Infrastructure;

namespace PatentTransfer.Web.Tests;

public class OrganisationReviewServiceTests(PortalAppFactory app)
{
    private const string NotFound = "未找到该机构，或该机构不在您负责的城市范围内。";
    private const string ConcurrencyConflict = "该记录已被他人修改或审核，您的修改未保存。页面已显示最新内容，请核对后重新操作。";
    private const string NotPending = "该机构已审核过，无需重复操作。";
    private const string Reason = "营业执照已过期，请上传有效的营业执照后重新提交";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CityStaffListOnlyTheirCityWhileProvincialStaffAndAdministratorsListAll()
    {
        var token = NewToken();
        var shijiazhuang = await CreateAsync("130104", token);
        var baoding = await CreateAsync("130607", token);
        var dingzhou = await CreateAsync("130682", token);
        var xiongan = await CreateAsync("130629", token);

        Assert.Equal([shijiazhuang.Id], await ListIdsAsync(Accounts.ShijiazhuangStaff, new(Search: token)));

        // 雄安新区's counties are reviewed by 雄安, not by 保定, and 定州 by itself.
        Assert.Equal([baoding.Id], await ListIdsAsync(Accounts.BaodingStaff, new(Search: token)));
        Assert.Equal(
            new[] { shijiazhuang.Id, baoding.Id, dingzhou.Id, xiongan.Id }.Order(),
            (await ListIdsAsync(Accounts.Provincial, new(Search: token))).Order());
        Assert.Equal(
            new[] { shijiazhuang.Id, baoding.Id, dingzhou.Id, xiongan.Id }.Order(),
            (await ListIdsAsync(Accounts.Administrator, new(Search: token))).Order());
    }

    [Fact]
    public async Task CityFilterNarrowsProvincialStaffButCannotWidenCityStaff()
    {
        var token = NewToken();
        var shijiazhuang = await CreateAsync("130104", token);
        var dingzhou = await CreateAsync("130682", token);
        var xiongan = await CreateAsync("130629", token);

        Assert.Equal([xiongan.Id], await ListIdsAsync(Accounts.Provincial, new(Search: token, CityCode: "1331")));
        Assert.Equal([dingzhou.Id], await ListIdsAsync(Accounts.Provincial, new(Search: token, CityCode: "130682")));
        Assert.Equal([shijiazhuang.Id], await ListIdsAsync(Accounts.ShijiazhuangStaff, new(Search: token, CityCode: "1331")));
    }

    [Theory]
    [InlineData(Accounts.Sme)]
    [InlineData(Accounts.Holder)]
    public async Task NonStaffListNothing(string email)
    {
        var token = NewToken();
        await CreateAsync("130104", token);
        await using var user = await ActingUser.SignInAsync(app, email);

        var page = await user.Get<OrganisationReviewService>().ListAsync(user.StaffScope, new(Status: null, Search: token), Ct);

        Assert.Empty(page.Items);
        Assert.Equal(0, page.TotalCount);
    }

    [Fact]
    public async Task StatusFilterSelectsPendingRejectedVerifiedOrAll()
    {
        var token = NewToken();
        var pending = await CreateAsync("130104", token);
        var rejected = await CreateAsync("130104", token, OrganisationStatus.Rejected);
        var verified = await CreateAsync("130104", token, OrganisationStatus.Verified);

        Assert.Equal([pending.Id], await ListIdsAsync(Accounts.ShijiazhuangStaff, new(Search: token)));
        Assert.Equal([rejected.Id], await ListIdsAsync(Accounts.ShijiazhuangStaff, new(OrganisationStatus.Rejected, Search: token)));
        Assert.Equal([verified.Id], await ListIdsAsync(Accounts.ShijiazhuangStaff, new(OrganisationStatus.Verified, Search: token)));

        // Oldest submission first.
        Assert.Equal([pending.Id, rejected.Id, verified.Id], await ListIdsAsync(Accounts.ShijiazhuangStaff, new(null, Search: token)));
    }

    [Fact]
    public async Task SearchByCreditCodeFindsExactlyThatOrganisation()
    {
        var token = NewToken();
        var wanted = await CreateAsync("130104", token);
        await CreateAsync("130104", token);
        var code = wanted.CreditCode.Value;

        Assert.Equal([wanted.Id], await ListIdsAsync(Accounts.Provincial, new(null, Search: code)));
        Assert.Equal([wanted.Id], await ListIdsAsync(Accounts.ShijiazhuangStaff, new(null, Search: $"  {code[..8]} {code[8..]} ")));
        Assert.Empty(await ListIdsAsync(Accounts.BaodingStaff, new(null, Search: code)));
    }

    [Fact]
    public async Task NameSearchIgnoresCaseAndTakesLikeWildcardsLiterally()
    {
        var token = NewToken();
        var withWildcards = await CreateAsync("130104", token, name: $"审核测试{token}_甲%乙科技有限公司");
        var plain = await CreateAsync("130104", token, name: $"审核测试{token}X甲YY乙科技有限公司");

        Assert.Equal([withWildcards.Id], await ListIdsAsync(Accounts.Provincial, new(null, Search: token + "_甲%乙")));
        Assert.Equal([plain.Id], await ListIdsAsync(Accounts.Provincial, new(null, Search: token + "X甲")));
        Assert.Equal([withWildcards.Id, plain.Id], await ListIdsAsync(Accounts.Provincial, new(null, Search: token.ToUpperInvariant())));
        Assert.Empty(await ListIdsAsync(Accounts.Provincial, new(null, Search: token + "%乙")));
        Assert.Empty(await ListIdsAsync(Accounts.Provincial, new(null, Search: "审核_试" + token)));
    }

    [Fact]
    public async Task DetailsAreHiddenOutsideTheReviewersCity()
    {
        var organisation = await CreateAsync("130104", NewToken());

        await using var baoding = await ActingUser.SignInAsync(app, Accounts.BaodingStaff);
        Assert.Null(await baoding.Get<OrganisationReviewService>().GetAsync(baoding.StaffScope, organisation.Id, Ct));

        await using var shijiazhuang = await ActingUser.SignInAsync(app, Accounts.ShijiazhuangStaff);
        var found = await shijiazhuang.Get<OrganisationReviewService>().GetAsync(shijiazhuang.StaffScope, organisation.Id, Ct);
        var details = Assert.NotNull(found).Details;
        Assert.Equal(organisation.Name, details.Name);
        Assert.Equal("1301", details.CityCode);
        Assert.Null(await shijiazhuang.Get<OrganisationReviewService>().GetAsync(shijiazhuang.StaffScope, Guid.NewGuid(), Ct));

        await using var provincial = await ActingUser.SignInAsync(app, Accounts.Provincial);
        Assert.NotNull(await provincial.Get<OrganisationReviewService>().GetAsync(provincial.StaffScope, organisation.Id, Ct));
    }

    [Fact]
    public async Task CityStaffVerifyAndTheTrailNamesThem()
    {
        var organisation = await CreateAsync("130104", NewToken());
        await using var staff = await ActingUser.SignInAsync(app, Accounts.ShijiazhuangStaff);
        var service = staff.Get<OrganisationReviewService>();
        var version = (await service.GetAsync(staff.StaffScope, organisation.Id, Ct))!.Value.Details.Version;

        var result = await service.VerifyAsync(staff.StaffScope, organisation.Id, version, Ct);

        Assert.Equal(CommandStatus.Succeeded, result.Status);
        var stored = await ReloadAsync(organisation.Id);
        Assert.Equal(OrganisationStatus.Verified, stored.Status);
        Assert.Equal(staff.User.Id, stored.ReviewedByUserId);
        Assert.NotNull(stored.ReviewedAt);
        var entry = Assert.Single(await TrailAsync(organisation.Id, AuditActions.OrganisationVerified));
        Assert.Equal(staff.User.Id, entry.ActorUserId);
        Assert.Equal(staff.User.DisplayName, entry.ActorName);
        Assert.Equal(AuditCategory.Business, entry.Category);
        Assert.Equal(organisation.Id, entry.OrganisationId);
        using var summary = JsonDocument.Parse(entry.Summary!);
        Assert.Equal("Pending", summary.RootElement.GetProperty("Status").GetProperty("before").GetString());
        Assert.Equal("Verified", summary.RootElement.GetProperty("Status").GetProperty("after").GetString());
    }

    [Fact]
    public async Task ProvincialStaffRejectWithAReasonAndTheTrailNamesThem()
    {
        var organisation = await CreateAsync("130682", NewToken());
        await using var provincial = await ActingUser.SignInAsync(app, Accounts.Provincial);
        var service = provincial.Get<OrganisationReviewService>();
        var version = (await service.GetAsync(provincial.StaffScope, organisation.Id, Ct))!.Value.Details.Version;

        var result = await service.RejectAsync(provincial.StaffScope, organisation.Id, version, "  " + Reason + "  ", Ct);

        Assert.Equal(CommandStatus.Succeeded, result.Status);
        var stored = await ReloadAsync(organisation.Id);
        Assert.Equal(OrganisationStatus.Rejected, stored.Status);
        Assert.Equal(Reason, stored.RejectionReason);
        Assert.Equal(provincial.User.Id, stored.ReviewedByUserId);
        var entry = Assert.Single(await TrailAsync(organisation.Id, AuditActions.OrganisationRejected));
        Assert.Equal(provincial.User.Id, entry.ActorUserId);
        using var summary = JsonDocument.Parse(entry.Summary!);
        Assert.Equal("Rejected", summary.RootElement.GetProperty("Status").GetProperty("after").GetString());
        Assert.Equal(Reason, summary.RootElement.GetProperty("RejectionReason").GetProperty("after").GetString());
    }

    [Theory]
    [InlineData("130104", Accounts.BaodingStaff)]
    [InlineData("130629", Accounts.BaodingStaff)]
    [InlineData("130607", Accounts.ShijiazhuangStaff)]
    [InlineData("130682", Accounts.BaodingStaff)]
    public async Task StaffOfAnotherCityGetNotFoundAndNothingChanges(string regionCode, string staffEmail)
    {
        var organisation = await CreateAsync(regionCode, NewToken());
        var before = await ReloadAsync(organisation.Id);
        await using var staff = await ActingUser.SignInAsync(app, staffEmail);
        var service = staff.Get<OrganisationReviewService>();

        var verified = await service.VerifyAsync(staff.StaffScope, organisation.Id, before.Version, Ct);
        var rejected = await service.RejectAsync(staff.StaffScope, organisation.Id, before.Version, Reason, Ct);

        Assert.Equal(CommandStatus.NotFound, verified.Status);
        Assert.Equal(NotFound, verified.Message);
        Assert.Equal(CommandStatus.NotFound, rejected.Status);
        Assert.Equal(NotFound, rejected.Message);
        await AssertUnchangedAsync(before);
    }

    [Theory]
    [InlineData("", "请填写退回原因，申请人将看到该原因。")]
    [InlineData(" \t ", "请填写退回原因，申请人将看到该原因。")]
    [InlineData("<b>名称不符</b>", "内容不能包含 HTML 标签或脚本。")]
    [InlineData("请核对<script>alert(1)</script>", "内容不能包含 HTML 标签或脚本。")]
    public async Task RejectionNeedsAPlainReason(string reason, string message)
    {
        var organisation = await CreateAsync("130104", NewToken());
        var before = await ReloadAsync(organisation.Id);
        await using var staff = await ActingUser.SignInAsync(app, Accounts.ShijiazhuangStaff);

        var result = await staff.Get<OrganisationReviewService>().RejectAsync(staff.StaffScope, organisation.Id, before.Version, reason, Ct);

        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Equal(message, result.Message);
        await AssertUnchangedAsync(before);
    }

    [Fact]
    public async Task RejectionReasonIsAtMostFiveHundredCharacters()
    {
        var organisation = await CreateAsync("130104", NewToken());
        var before = await ReloadAsync(organisation.Id);
        await using var staff = await ActingUser.SignInAsync(app, Accounts.ShijiazhuangStaff);
        var service = staff.Get<OrganisationReviewService>();

        var tooLong = await service.RejectAsync(staff.StaffScope, organisation.Id, before.Version, new string('退', 501), Ct);

        Assert.Equal(CommandStatus.Invalid, tooLong.Status);
        Assert.Equal("退回原因不能超过 500 个字符。", tooLong.Message);
        await AssertUnchangedAsync(before);

        var atLimit = await service.RejectAsync(staff.StaffScope, organisation.Id, before.Version, new string('退', 500), Ct);

        Assert.Equal(CommandStatus.Succeeded, atLimit.Status);
        Assert.Equal(500, (await ReloadAsync(organisation.Id)).RejectionReason!.Length);
    }

    [Fact]
    public async Task SecondReviewerWithTheSameVersionGetsAConflict()
    {
        var organisation = await CreateAsync("130104", NewToken());
        await using var first = await ActingUser.SignInAsync(app, Accounts.ShijiazhuangStaff);
        await using var second = await ActingUser.SignInAsync(app, Accounts.Provincial);
        var firstVersion = (await first.Get<OrganisationReviewService>().GetAsync(first.StaffScope, organisation.Id, Ct))!.Value.Details.Version;
        var secondVersion = (await second.Get<OrganisationReviewService>().GetAsync(second.StaffScope, organisation.Id, Ct))!.Value.Details.Version;
        Assert.Equal(firstVersion, secondVersion);

        var verified = await first.Get<OrganisationReviewService>().VerifyAsync(first.StaffScope, organisation.Id, firstVersion, Ct);
        var rejected = await second.Get<OrganisationReviewService>().RejectAsync(second.StaffScope, organisation.Id, secondVersion, Reason, Ct);

        Assert.Equal(CommandStatus.Succeeded, verified.Status);
        Assert.Equal(CommandStatus.Conflict, rejected.Status);
        Assert.Equal(ConcurrencyConflict, rejected.Message);
        var stored = await ReloadAsync(organisation.Id);
        Assert.Equal(OrganisationStatus.Verified, stored.Status);
        Assert.Equal(first.User.Id, stored.ReviewedByUserId);
        Assert.Null(stored.RejectionReason);
        Assert.Empty(await TrailAsync(organisation.Id, AuditActions.OrganisationRejected));
    }

    [Fact]
    public async Task DecisionOnAVersionTheApplicantHasSinceCorrectedGetsAConflict()
    {
        var organisation = await CreateAsync("130104", NewToken());
        await using var staff = await ActingUser.SignInAsync(app, Accounts.ShijiazhuangStaff);
        var service = staff.Get<OrganisationReviewService>();
        var seen = (await service.GetAsync(staff.StaffScope, organisation.Id, Ct))!.Value.Details;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var corrected = await scope.ServiceProvider.GetRequiredService<MyOrganisationService>().CorrectAsync(organisation.Id,
                new OrganisationCorrection(seen.Name + "改", seen.Type, seen.Size, seen.RegionCode, seen.IndustryCode, seen.Version), Ct);
            Assert.True(corrected.Succeeded, corrected.Message);
        }

        var result = await service.VerifyAsync(staff.StaffScope, organisation.Id, seen.Version, Ct);

        Assert.Equal(CommandStatus.Conflict, result.Status);
        Assert.Equal(ConcurrencyConflict, result.Message);
        var stored = await ReloadAsync(organisation.Id);
        Assert.Equal(OrganisationStatus.Pending, stored.Status);
        Assert.Null(stored.ReviewedByUserId);
        Assert.Empty(await TrailAsync(organisation.Id, AuditActions.OrganisationVerified));
    }

    [Fact]
    public async Task AlreadyReviewedOrganisationIsNotDecidedAgain()
    {
        var organisation = await CreateAsync("130104", NewToken());
        await using var staff = await ActingUser.SignInAsync(app, Accounts.ShijiazhuangStaff);
        var service = staff.Get<OrganisationReviewService>();
        var first = (await service.GetAsync(staff.StaffScope, organisation.Id, Ct))!.Value.Details.Version;
        Assert.True((await service.VerifyAsync(staff.StaffScope, organisation.Id, first, Ct)).Succeeded);
        var current = await ReloadAsync(organisation.Id);
        Assert.NotEqual(first, current.Version);

        var again = await service.VerifyAsync(staff.StaffScope, organisation.Id, current.Version, Ct);
        var rejected = await service.RejectAsync(staff.StaffScope, organisation.Id, current.Version, Reason, Ct);

        Assert.Equal(CommandStatus.Invalid, again.Status);
        Assert.Equal(NotPending, again.Message);
        Assert.Equal(CommandStatus.Invalid, rejected.Status);
        Assert.Equal(NotPending, rejected.Message);
        await AssertUnchangedAsync(current);
        Assert.Single(await TrailAsync(organisation.Id, AuditActions.OrganisationVerified));
    }

    private static string NewToken() => Guid.NewGuid().ToString("N")[..10];

    /// <summary>A fresh private SME in the given county, pending, or decided by its city's demo staff member.</summary>
    private async Task<Organisation> CreateAsync(string regionCode, string token, OrganisationStatus status = OrganisationStatus.Pending, string? name = null)
    {
        var organisation = new Organisation(name ?? $"审核测试{token}科技有限公司", OrganisationType.PrivateEnterprise, EnterpriseSize.Small,
            CreditCode.Parse(TestCreditCodes.Next(regionCode)), regionCode, null, DateTimeOffset.UtcNow);
        var reviewer = await app.FindUserAsync(Accounts.Provincial);
        if (status == OrganisationStatus.Verified)
        {
            organisation.Verify(reviewer.Id, DateTimeOffset.UtcNow);
        }
        else if (status == OrganisationStatus.Rejected)
        {
            organisation.Reject(reviewer.Id, Reason, DateTimeOffset.UtcNow);
        }

        await using var db = app.CreateDbContext();
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(Ct);
        return organisation;
    }

    private async Task<List<Guid>> ListIdsAsync(string staffEmail, OrganisationReviewQuery query)
    {
        await using var staff = await ActingUser.SignInAsync(app, staffEmail);
        var page = await staff.Get<OrganisationReviewService>().ListAsync(staff.StaffScope, query, Ct);
        Assert.Equal(page.Items.Count, page.TotalCount);
        return page.Items.Select(i => i.Id).ToList();
    }

    private async Task<Organisation> ReloadAsync(Guid id)
    {
        await using var db = app.CreateDbContext();
        return await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == id, Ct);
    }

    private async Task AssertUnchangedAsync(Organisation before)
    {
        var stored = await ReloadAsync(before.Id);
        Assert.Equal(before.Status, stored.Status);
        Assert.Equal(before.Version, stored.Version);
        Assert.Equal(before.RejectionReason, stored.RejectionReason);
        Assert.Equal(before.ReviewedByUserId, stored.ReviewedByUserId);
    }

    private async Task<List<AuditEntry>> TrailAsync(Guid organisationId, string action)
    {
        await using var db = app.CreateDbContext();
        var id = organisationId.ToString();
        return await db.AuditEntries.Where(a => a.RecordType == nameof(Organisation) && a.RecordId == id && a.Action == action).ToListAsync(Ct);
    }
}
