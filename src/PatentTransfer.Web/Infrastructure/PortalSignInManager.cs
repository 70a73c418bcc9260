using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PatentTransfer.Domain.Auditing;
using PatentTransfer.Infrastructure.Auditing;
using PatentTransfer.Infrastructure.Identity;

namespace PatentTransfer.Web.Infrastructure;

/// <summary>Identity's sign-in manager with every password sign-in attempt and sign-out in the audit trail.</summary>
public sealed class PortalSignInManager(
    UserManager<PortalUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<PortalUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<PortalUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation,
    IAuditTrail auditTrail,
    TimeProvider timeProvider)
    : SignInManager<PortalUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            // The typed name is not stored: it may be someone's e-mail address or a mistyped password.
            await auditTrail.RecordSecurityEventAsync(AuditActions.LoginFailed, Actor.Anonymous, "User", null, "unknown account");
            return SignInResult.Failed;
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<SignInResult> PasswordSignInAsync(PortalUser user, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var result = await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        var actor = new Actor(user.Id, user.DisplayName, user.OrganisationId);
        var (action, summary) = result switch
        {
            { Succeeded: true } => (AuditActions.LoginSucceeded, (string?)null),
            { IsLockedOut: true } => (AuditActions.LockedOut, $"locked until {user.LockoutEnd?.ToUniversalTime():u}"),
            { IsNotAllowed: true } => (AuditActions.LoginFailed, "e-mail not confirmed"),
            _ => (AuditActions.LoginFailed, $"wrong password ({user.AccessFailedCount} of {Options.Lockout.MaxFailedAccessAttempts})"),
        };
        await auditTrail.RecordSecurityEventAsync(action, actor, "User", user.Id.ToString(), summary, user.OrganisationId);
        return result;
    }

    public override async Task SignOutAsync()
    {
        var actor = Context.User.ToActor();
        await base.SignOutAsync();
        if (actor.UserId is { } id)
        {
            await auditTrail.RecordSecurityEventAsync(AuditActions.LoggedOut, actor, "User", id.ToString(), null, actor.OrganisationId);
        }
    }

    /// <summary>True while the user is locked out, using the portal's clock.</summary>
    public bool IsLockedOutNow(PortalUser user) => user.LockoutEnd is { } end && end > timeProvider.GetUtcNow();
}
