using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PatentTransfer.Domain.Auditing;
using PatentTransfer.Infrastructure.Auditing;

namespace PatentTransfer.Infrastructure.Identity;

/// <summary>
/// Identity's user manager with the security events written to the audit trail at the one place every path
/// goes through: password changes and resets, and role grants and removals.
/// </summary>
public sealed class PortalUserManager : UserManager<PortalUser>
{
    private readonly IServiceProvider _services;

    public PortalUserManager(
        IUserStore<PortalUser> store,
        IOptions<IdentityOptions> optionsAccessor,
        IPasswordHasher<PortalUser> passwordHasher,
        IEnumerable<IUserValidator<PortalUser>> userValidators,
        IEnumerable<IPasswordValidator<PortalUser>> passwordValidators,
        ILookupNormalizer keyNormalizer,
        IdentityErrorDescriber errors,
        IServiceProvider services,
        ILogger<UserManager<PortalUser>> logger)
        : base(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
    {
        _services = services;
    }

    // Resolved lazily: the audit trail needs the scope's context factory, which Identity's own services do not.
    private IAuditTrail Audit => _services.GetRequiredService<IAuditTrail>();
    private ICurrentActor CurrentActor => _services.GetRequiredService<ICurrentActor>();

    public override async Task<IdentityResult> ChangePasswordAsync(PortalUser user, string currentPassword, string newPassword)
    {
        var result = await base.ChangePasswordAsync(user, currentPassword, newPassword);
        if (result.Succeeded)
        {
            await Audit.RecordSecurityEventAsync(AuditActions.PasswordChanged, Self(user), "User", user.Id.ToString(), null, user.OrganisationId, CancellationToken);
        }

        return result;
    }

    public override async Task<IdentityResult> ResetPasswordAsync(PortalUser user, string token, string newPassword)
    {
        var result = await base.ResetPasswordAsync(user, token, newPassword);
        if (result.Succeeded)
        {
            // Whoever can read the account's mailbox has proved ownership: a lockout no longer protects anything.
            await ResetAccessFailedCountAsync(user);
            await SetLockoutEndDateAsync(user, null);
            await Audit.RecordSecurityEventAsync(AuditActions.PasswordReset, Self(user), "User", user.Id.ToString(), null, user.OrganisationId, CancellationToken);
        }

        return result;
    }

    public override async Task<IdentityResult> AddToRoleAsync(PortalUser user, string role)
    {
        var result = await base.AddToRoleAsync(user, role);
        await RecordRoleChangeAsync(result, user, $"+{role}");
        return result;
    }

    public override async Task<IdentityResult> RemoveFromRoleAsync(PortalUser user, string role)
    {
        var result = await base.RemoveFromRoleAsync(user, role);
        await RecordRoleChangeAsync(result, user, $"-{role}");
        return result;
    }

    private async Task RecordRoleChangeAsync(IdentityResult result, PortalUser user, string change)
    {
        if (result.Succeeded)
        {
            var actor = await CurrentActor.GetAsync(CancellationToken);
            await Audit.RecordSecurityEventAsync(AuditActions.RoleChanged, actor, "User", user.Id.ToString(), change, user.OrganisationId, CancellationToken);
        }
    }

    private static Actor Self(PortalUser user) => new(user.Id, user.DisplayName, user.OrganisationId);
}
