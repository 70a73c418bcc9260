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
using PatentTransfer.Web.Features.Registration;
using PatentTransfer.Web.Infrastructure;

namespace PatentTransfer.Web.Tests;

public class MyOrganisationServiceTests(PortalAppFactory app)
{
    private const string Reason = "营业执照上的名称与填写的名称不一致";
    private const string ConcurrencyConflict = "该记录已被他人修改或审核，您的修改未保存。页面已显示最新内容，请核对后重新操作。";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RejectedOrganisationCorrectedIsPendingAgainInItsNewCitysQueue()
    {
        var (user, organisationId) = await RegisterAsync(OrganisationStatus.Rejected);
        await using var applicant = await Applicant.SignInAsync(app, user.Email!);
        var service = applicant.Get<MyOrganisationService>();
        var before = await service.GetAsync(organisationId, Ct);
        Assert.NotNull(before);
        Assert.Equal(OrganisationStatus.Rejected, before.Status);
        var newName = "定州更正测试农机有限公司" + Guid.NewGuid().ToString("N")[..8];

        var result = await service.CorrectAsync(organisationId,
            new OrganisationCorrection(newName, OrganisationType.PrivateEnterprise, EnterpriseSize.Medium, "130682", "agriculture", before.Version), Ct);

        Assert.Equal(CommandStatus.Succeeded, result.Status);
        var stored = await ReloadAsync(organisationId);
        Assert.Equal(OrganisationStatus.Pending, stored.Status);
        Assert.Equal(newName, stored.Name);
        Assert.Equal(EnterpriseSize.Medium, stored.Size);
        Assert.Equal("130682", stored.RegionCode);
        Assert.Equal("agriculture", stored.IndustryCode);
        Assert.Equal(before.CreditCode, stored.CreditCode.Value);
        Assert.Null(stored.RejectionReason);
        Assert.Null(stored.ReviewedByUserId);
        Assert.Null(stored.ReviewedAt);
        Assert.True(stored.SubmittedAt > before.SubmittedAt);

        var entry = Assert.Single(await TrailAsync(organisationId, AuditActions.OrganisationResubmitted));
        Assert.Equal(user.Id, entry.ActorUserId);
        Assert.Equal(AuditCategory.Business, entry.Category);
        using var summary = JsonDocument.Parse(entry.Summary!);
        Assert.Equal("Rejected", summary.RootElement.GetProperty("Status").GetProperty("before").GetString());
        Assert.Equal("Pending", summary.RootElement.GetProperty("Status").GetProperty("after").GetString());

        // The organisation moved to 定州: its staff now review it, 石家庄's no longer see it.
        await using var scope = app.Services.CreateAsyncScope();
        var review = scope.ServiceProvider.GetRequiredService<OrganisationReviewService>();
        var dingzhou = await review.ListAsync(new StaffScope(Guid.NewGuid(), false, "130682"), new(Search: newName), Ct);
        var shijiazhuang = await review.ListAsync(new StaffScope(Guid.NewGuid(), false, "1301"), new(Search: newName), Ct);
        Assert.Equal(organisationId, Assert.Single(dingzhou.Items).Id);
        Assert.Empty(shijiazhuang.Items);
    }

    [Fact]
    public async Task CorrectionOfAStaleVersionGetsAConflictAndNothingChanges()
    {
        var (user, organisationId) = await RegisterAsync(OrganisationStatus.Rejected);
        await using var applicant = await Applicant.SignInAsync(app, user.Email!);
        var service = applicant.Get<MyOrganisationService>();
        var seen = (await service.GetAsync(organisationId, Ct))!;
        var colleague = await service.CorrectAsync(organisationId, Correction(seen, "同事更正科技有限公司" + seen.CreditCode), Ct);
        Assert.True(colleague.Succeeded, colleague.Message);
        var afterColleague = await ReloadAsync(organisationId);

        var result = await service.CorrectAsync(organisationId, Correction(seen, "本人更正科技有限公司" + seen.CreditCode), Ct);

        Assert.Equal(CommandStatus.Conflict, result.Status);
        Assert.Equal(ConcurrencyConflict, result.Message);
        var stored = await ReloadAsync(organisationId);
        Assert.Equal("同事更正科技有限公司" + seen.CreditCode, stored.Name);
        Assert.Equal(afterColleague.Version, stored.Version);
        Assert.Single(await TrailAsync(organisationId, AuditActions.OrganisationResubmitted));
    }

    [Fact]
    public async Task CorrectionAfterStaffReturnedItAgainGetsAConflict()
    {
        var (user, organisationId) = await RegisterAsync(OrganisationStatus.Rejected);
        await using var applicant = await Applicant.SignInAsync(app, user.Email!);
        var service = applicant.Get<MyOrganisationService>();
        var seen = (await service.GetAsync(organisationId, Ct))!;
        Assert.True((await service.CorrectAsync(organisationId, Correction(seen, seen.Name + "一"), Ct)).Succeeded);
        await DecideAsync(organisationId, OrganisationStatus.Rejected);
        var returnedAgain = await ReloadAsync(organisationId);

        var result = await service.CorrectAsync(organisationId, Correction(seen, seen.Name + "二"), Ct);

        Assert.Equal(CommandStatus.Conflict, result.Status);
        var stored = await ReloadAsync(organisationId);
        Assert.Equal(OrganisationStatus.Rejected, stored.Status);
        Assert.Equal(returnedAgain.Name, stored.Name);
        Assert.Equal(returnedAgain.Version, stored.Version);
    }

    [Fact]
    public async Task VerifiedOrganisationCannotBeCorrected()
    {
        var (user, organisationId) = await RegisterAsync(OrganisationStatus.Verified);
        await using var applicant = await Applicant.SignInAsync(app, user.Email!);
        var service = applicant.Get<MyOrganisationService>();
        var current = (await service.GetAsync(organisationId, Ct))!;

        var result = await service.CorrectAsync(organisationId, Correction(current, current.Name + "新"), Ct);

        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Equal("机构已通过认证，信息不能在此修改。", result.Message);
        var stored = await ReloadAsync(organisationId);
        Assert.Equal(OrganisationStatus.Verified, stored.Status);
        Assert.Equal(current.Name, stored.Name);
        Assert.Equal(current.Version, stored.Version);
        Assert.Empty(await TrailAsync(organisationId, AuditActions.OrganisationResubmitted));
    }

    [Theory]
    [InlineData("")]
    [InlineData("13")]
    [InlineData("1301")]
    [InlineData("1331")]
    [InlineData("999999")]
    public async Task RegionThatIsNotACountyIsRefused(string regionCode)
    {
        var (user, organisationId) = await RegisterAsync(OrganisationStatus.Rejected);
        await using var applicant = await Applicant.SignInAsync(app, user.Email!);
        var service = applicant.Get<MyOrganisationService>();
        var current = (await service.GetAsync(organisationId, Ct))!;

        var result = await service.CorrectAsync(organisationId, Correction(current, current.Name + "新") with { RegionCode = regionCode }, Ct);

        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Equal("请选择机构所在的区县。", result.Message);
        await AssertUnchangedAsync(organisationId, current);
    }

    [Fact]
    public async Task UnknownIndustryIsRefused()
    {
        var (user, organisationId) = await RegisterAsync(OrganisationStatus.Rejected);
        await using var applicant = await Applicant.SignInAsync(app, user.Email!);
        var service = applicant.Get<MyOrganisationService>();
        var current = (await service.GetAsync(organisationId, Ct))!;

        var result = await service.CorrectAsync(organisationId, Correction(current, current.Name + "新") with { IndustryCode = "no-such-industry" }, Ct);

        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Equal("请选择列表中的产业。", result.Message);
        await AssertUnchangedAsync(organisationId, current);
    }

    [Fact]
    public async Task CorrectionCannotTurnTheOrganisationIntoAGovernmentBody()
    {
        // Government bodies are set up by administrators; staff accounts can only be opened in them.
        var (user, organisationId) = await RegisterAsync(OrganisationStatus.Rejected);
        await using var applicant = await Applicant.SignInAsync(app, user.Email!);
        var service = applicant.Get<MyOrganisationService>();
        var current = (await service.GetAsync(organisationId, Ct))!;

        var result = await service.CorrectAsync(organisationId,
            new OrganisationCorrection(current.Name, OrganisationType.Government, null, current.RegionCode, current.IndustryCode, current.Version), Ct);

        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Equal("政府部门账号由平台管理员开通，请联系省知识产权局。", result.Message);
        await AssertUnchangedAsync(organisationId, current);
    }

    [Fact]
    public async Task UnknownOrganisationIsNotFound()
    {
        await using var scope = app.Services.CreateAsyncScope();

        var result = await scope.ServiceProvider.GetRequiredService<MyOrganisationService>().CorrectAsync(Guid.NewGuid(),
            new OrganisationCorrection("不存在的机构", OrganisationType.University, null, "130104", null, 1), Ct);

        Assert.Equal(CommandStatus.NotFound, result.Status);
    }

    private static OrganisationCorrection Correction(OrganisationDetails details, string name) =>
        new(name, details.Type, details.Size, details.RegionCode, details.IndustryCode, details.Version);

    /// <summary>A fresh SME in 石家庄 registered by its first user, then left pending or decided by 石家庄's demo staff.</summary>
    private async Task<(PortalUser User, Guid OrganisationId)> RegisterAsync(OrganisationStatus status)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var result = await scope.ServiceProvider.GetRequiredService<RegistrationService>().RegisterAsync(new RegistrationRequest(
            $"{Guid.NewGuid():N}@test.example", "Apply#2026a", "更正测试" + suffix, "13812345678", "更正测试科技有限公司" + suffix,
            OrganisationType.PrivateEnterprise, EnterpriseSize.Small, TestCreditCodes.Next(), "130104", "equipment"), Ct);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        var organisationId = result.User!.OrganisationId!.Value;
        if (status != OrganisationStatus.Pending)
        {
            await DecideAsync(organisationId, status);
        }

        return (result.User, organisationId);
    }

    private async Task DecideAsync(Guid organisationId, OrganisationStatus status)
    {
        var reviewer = await app.FindUserAsync(Accounts.ShijiazhuangStaff);
        await using var db = app.CreateDbContext();
        var organisation = await db.Organisations.SingleAsync(o => o.Id == organisationId, Ct);
        if (status == OrganisationStatus.Verified)
        {
            organisation.Verify(reviewer.Id, DateTimeOffset.UtcNow);
        }
        else
        {
            organisation.Reject(reviewer.Id, Reason, DateTimeOffset.UtcNow);
        }

        await db.SaveChangesAsync(Ct);
    }

    private async Task<Organisation> ReloadAsync(Guid id)
    {
        await using var db = app.CreateDbContext();
        return await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == id, Ct);
    }

    private async Task AssertUnchangedAsync(Guid organisationId, OrganisationDetails before)
    {
        var stored = await ReloadAsync(organisationId);
        Assert.Equal(before.Status, stored.Status);
        Assert.Equal(before.Name, stored.Name);
        Assert.Equal(before.Type, stored.Type);
        Assert.Equal(before.RegionCode, stored.RegionCode);
        Assert.Equal(before.IndustryCode, stored.IndustryCode);
        Assert.Equal(before.Version, stored.Version);
        Assert.Empty(await TrailAsync(organisationId, AuditActions.OrganisationResubmitted));
    }

    private async Task<List<AuditEntry>> TrailAsync(Guid organisationId, string action)
    {
        await using var db = app.CreateDbContext();
        var id = organisationId.ToString();
        return await db.AuditEntries.Where(a => a.RecordType == nameof(Organisation) && a.RecordId == id && a.Action == action).ToListAsync(Ct);
    }
}

/// <summary>A service scope signed in as the applicant, as their Blazor circuit is: the audit trail names them.</summary>
file sealed class Applicant : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    private Applicant(AsyncServiceScope scope) => _scope = scope;

    public static async Task<Applicant> SignInAsync(PortalAppFactory app, string email)
    {
        var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var user = await services.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"No user {email}");
        ClaimsPrincipal principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user);
        ((IHostEnvironmentAuthenticationStateProvider)services.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return new Applicant(scope);
    }

    public T Get<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}
