using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatentTransfer.Domain.Auditing;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Infrastructure.Identity;
using PatentTransfer.Web.Features.Organisations;
using PatentTransfer.Web.Infrastructure;

namespace PatentTransfer.Web.Tests;

public class PublishPermissionTests(PortalAppFactory app)
{
    [Fact]
    public async Task NewOrganisationCannotPublishUntilItsCityVerifiesIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var applicant = TestApplicant.Create("130104");
        var browser = await applicant.SignUpAndLogInAsync(app, ct);

        var home = await browser.GetPageAsync("/", ct);
        Assert.Equal(PortalTexts.Zh("Home_PendingCannotPublish"), home.QuerySelector("[data-testid=cannot-publish]")?.TextContent.Trim());
        Assert.Null(home.QuerySelector("[data-testid=can-publish]"));
        Assert.False(await CanPublishAsync(applicant.Email));

        var staff = await StaffScopeOfAsync(Accounts.ShijiazhuangStaff);
        var organisationId = await OrganisationIdOfAsync(applicant.Email);
        var result = await DecideAsync(organisationId, (review, version) => review.VerifyAsync(staff, organisationId, version, ct));

        Assert.True(result.Succeeded, result.Message);
        home = await browser.GetPageAsync("/", ct);
        Assert.Equal(PortalTexts.Zh("Home_CanPublish"), home.QuerySelector("[data-testid=can-publish]")?.TextContent.Trim());
        Assert.Null(home.QuerySelector("[data-testid=cannot-publish]"));
        Assert.True(await CanPublishAsync(applicant.Email));
        await using var db = app.CreateDbContext();
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisationId, ct);
        Assert.Equal(OrganisationStatus.Verified, organisation.Status);
        Assert.Equal(staff.UserId, organisation.ReviewedByUserId);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.OrganisationVerified && a.RecordId == organisationId.ToString(), ct));
    }

    [Fact]
    public async Task StaffOfAnotherCityCannotVerifyOrReject()
    {
        var ct = TestContext.Current.CancellationToken;
        var applicant = TestApplicant.Create("130104");
        await applicant.SignUpAndLogInAsync(app, ct);
        var organisationId = await OrganisationIdOfAsync(applicant.Email);
        var before = await LoadAsync(organisationId);
        var baoding = await StaffScopeOfAsync(Accounts.BaodingStaff);

        var verify = await DecideAsync(organisationId, (review, version) => review.VerifyAsync(baoding, organisationId, version, ct));
        var reject = await DecideAsync(organisationId, (review, version) => review.RejectAsync(baoding, organisationId, version, "不在本市", ct));

        Assert.Equal(CommandStatus.NotFound, verify.Status);
        Assert.Equal(CommandStatus.NotFound, reject.Status);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Null(await scope.ServiceProvider.GetRequiredService<OrganisationReviewService>().GetAsync(baoding, organisationId, ct));
        }

        var after = await LoadAsync(organisationId);
        Assert.Equal(OrganisationStatus.Pending, after.Status);
        Assert.Equal(before.Version, after.Version);
        Assert.Null(after.ReviewedByUserId);
        Assert.Null(after.RejectionReason);
        Assert.False(await CanPublishAsync(applicant.Email));
    }

    [Fact]
    public async Task ApplicantSeesTheReasonWhenTheCityRejects()
    {
        var ct = TestContext.Current.CancellationToken;
        var applicant = TestApplicant.Create("130104");
        var browser = await applicant.SignUpAndLogInAsync(app, ct);
        var organisationId = await OrganisationIdOfAsync(applicant.Email);
        var staff = await StaffScopeOfAsync(Accounts.ShijiazhuangStaff);
        var reason = $"营业执照上的名称与填写的机构名称不一致，请核对（{Guid.NewGuid():N}）";

        var result = await DecideAsync(organisationId, (review, version) => review.RejectAsync(staff, organisationId, version, reason, ct));

        Assert.True(result.Succeeded, result.Message);
        var expectedReason = Domain.Common.Text.NormaliseInput(reason);
        var page = await browser.GetPageAsync("/organisation", ct);
        var shown = page.QuerySelector("[data-testid=rejection-reason]")?.TextContent;
        Assert.NotNull(shown);
        Assert.Contains(PortalTexts.Zh("Organisation_RejectedBecause"), shown, StringComparison.Ordinal);
        Assert.Contains(expectedReason, shown, StringComparison.Ordinal);
        var home = await browser.GetPageAsync("/", ct);
        Assert.Contains(expectedReason, home.QuerySelector("[data-testid=cannot-publish]")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Null(home.QuerySelector("[data-testid=can-publish]"));
        Assert.False(await CanPublishAsync(applicant.Email));
    }

    [Fact]
    public async Task RejectionWithoutReasonIsRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        var applicant = TestApplicant.Create("130104");
        await applicant.RegisterAsync(new Browser(app.CreateBrowserClient()), ct);
        var organisationId = await OrganisationIdOfAsync(applicant.Email);
        var staff = await StaffScopeOfAsync(Accounts.ShijiazhuangStaff);

        var result = await DecideAsync(organisationId, (review, version) => review.RejectAsync(staff, organisationId, version, "   ", ct));

        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Equal(OrganisationStatus.Pending, (await LoadAsync(organisationId)).Status);
    }

    /// <summary>Runs a review decision in a scope of its own, as a staff page does, on the version it has just read.</summary>
    private async Task<CommandResult> DecideAsync(Guid organisationId, Func<OrganisationReviewService, uint, Task<CommandResult>> decide)
    {
        var version = (await LoadAsync(organisationId)).Version;
        await using var scope = app.Services.CreateAsyncScope();
        return await decide(scope.ServiceProvider.GetRequiredService<OrganisationReviewService>(), version);
    }

    private async Task<Organisation> LoadAsync(Guid organisationId)
    {
        await using var db = app.CreateDbContext();
        return await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisationId, TestContext.Current.CancellationToken);
    }

    private async Task<Guid> OrganisationIdOfAsync(string email) =>
        (await app.FindUserAsync(email)).OrganisationId ?? throw new InvalidOperationException($"{email} has no organisation.");

    private async Task<ClaimsPrincipal> PrincipalOfAsync(string email)
    {
        var user = await app.FindUserAsync(email);
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user);
    }

    private async Task<StaffScope> StaffScopeOfAsync(string email) => StaffScope.From(await PrincipalOfAsync(email));

    private async Task<bool> CanPublishAsync(string email)
    {
        var principal = await PrincipalOfAsync(email);
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IAuthorizationService>().AuthorizeAsync(principal, Policies.CanPublish);
        return result.Succeeded;
    }
}
