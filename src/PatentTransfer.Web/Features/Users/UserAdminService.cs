using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using PatentTransfer.Domain.Auditing;
using PatentTransfer.Domain.Common;
using PatentTransfer.Domain.Identity;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Infrastructure.Auditing;
using PatentTransfer.Infrastructure.Data;
using PatentTransfer.Infrastructure.Identity;
using PatentTransfer.Web.Features.Reference;
using PatentTransfer.Web.Infrastructure;
using PatentTransfer.Web.Localization;
using T = PatentTransfer.Web.Localization.SharedResource;

namespace PatentTransfer.Web.Features.Users;

public sealed record UserRow(
    Guid Id,
    string DisplayName,
    string Email,
    Guid? OrganisationId,
    string? OrganisationName,
    IReadOnlyList<string> Roles,
    string? CityCode,
    bool EmailConfirmed,
    bool LockedOut,
    bool IsDemo);

public sealed record UserQuery(string? Search = null, string? Role = null, int Page = 0, int PageSize = 25);

public sealed record StaffAccountRequest(string Email, string DisplayName, string Role, string? CityCode, Guid OrganisationId);

public sealed record GovernmentOrganisation(Guid Id, string Name);

/// <summary>
/// Account administration for provincial staff and administrators. Only administrators may grant, revoke or
/// touch the Administrator role, and nobody changes their own roles or locks themselves out. Each change runs
/// in a scope of its own (Identity's user manager must not live as long as a Blazor circuit) and is audited.
/// </summary>
public sealed class UserAdminService(
    IServiceScopeFactory scopeFactory,
    IDbContextFactory<PortalDbContext> contextFactory,
    ReferenceDataService referenceData,
    TimeProvider timeProvider)
{
    public async Task<Page<UserRow>> ListAsync(ClaimsPrincipal actor, UserQuery query, CancellationToken cancellationToken)
    {
        if (!IsManager(actor))
        {
            return new Page<UserRow>([], 0);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var users = db.Users.AsNoTracking();
        if (Text.NormaliseInput(query.Search) is { Length: > 0 } search)
        {
            var pattern = SqlLike.Contains(search);
            users = users.Where(u => EF.Functions.ILike(u.Email!, pattern, SqlLike.EscapeCharacter) || EF.Functions.ILike(u.DisplayName, pattern, SqlLike.EscapeCharacter)
                || (u.Organisation != null && EF.Functions.ILike(u.Organisation.Name, pattern, SqlLike.EscapeCharacter)));
        }

        if (!string.IsNullOrEmpty(query.Role))
        {
            var roleId = await db.Roles.Where(r => r.Name == query.Role).Select(r => r.Id).SingleOrDefaultAsync(cancellationToken);
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId));
        }

        var total = await users.CountAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        var page = await users
            .OrderBy(u => u.Email)
            .Skip(Math.Max(0, query.Page) * query.PageSize)
            .Take(Math.Clamp(query.PageSize, 1, 100))
            .Select(u => new
            {
                u.Id, u.DisplayName, u.Email, u.OrganisationId, OrganisationName = u.Organisation == null ? null : u.Organisation.Name,
                u.CityCode, u.EmailConfirmed, LockedOut = u.LockoutEnd != null && u.LockoutEnd > now, u.IsDemo,
            })
            .ToListAsync(cancellationToken);
        var ids = page.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var rolesByUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        return new Page<UserRow>(
            page.Select(u => new UserRow(u.Id, u.DisplayName, u.Email!, u.OrganisationId, u.OrganisationName, rolesByUser[u.Id].Order().ToList(),
                u.CityCode, u.EmailConfirmed, u.LockedOut, u.IsDemo)).ToList(),
            total);
    }

    public async Task<IReadOnlyList<GovernmentOrganisation>> GovernmentOrganisationsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Organisations.AsNoTracking()
            .Where(o => o.Type == OrganisationType.Government && o.Status == OrganisationStatus.Verified)
            .OrderBy(o => o.Name)
            .Select(o => new GovernmentOrganisation(o.Id, o.Name))
            .ToListAsync(cancellationToken);
    }

    public async Task<CommandResult> SetRolesAsync(ClaimsPrincipal actor, Guid userId, IReadOnlyCollection<string> roles, string? cityCode, CancellationToken cancellationToken)
    {
        if (!IsManager(actor))
        {
            return CommandResult.Forbidden(T.Forbidden_Body);
        }

        if (actor.UserId() == userId)
        {
            return CommandResult.Invalid(T.Users_Error_Self);
        }

        if (roles.Count == 0 || roles.Any(r => !Roles.All.Contains(r)))
        {
            return CommandResult.Invalid(T.Users_Error_NoRole);
        }

        var cityResult = await CheckCityAsync(roles.Contains(Roles.CityStaff), cityCode, cancellationToken);
        if (cityResult is not null)
        {
            return cityResult;
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        using var actingAs = scope.ServiceProvider.GetRequiredService<ICurrentActor>().ActAs(actor.ToActor());
        var user = await userManager.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return CommandResult.NotFound(T.Users_NotFound);
        }

        var current = await userManager.GetRolesAsync(user);
        var touchesAdministrator = current.Contains(Roles.Administrator) || roles.Contains(Roles.Administrator);
        if (touchesAdministrator && !actor.IsInRole(Roles.Administrator))
        {
            return CommandResult.Forbidden(T.Users_Error_AdministratorOnly);
        }

        foreach (var role in current.Except(roles))
        {
            await userManager.RemoveFromRoleAsync(user, role);
        }

        foreach (var role in roles.Except(current))
        {
            await userManager.AddToRoleAsync(user, role);
        }

        user.CityCode = roles.Contains(Roles.CityStaff) ? cityCode : null;
        await userManager.UpdateAsync(user);

        // Other sessions of this user pick up the new roles (or lose the old ones) at their next validation.
        await userManager.UpdateSecurityStampAsync(user);
        return CommandResult.Ok;
    }

    public async Task<CommandResult> SetLockedAsync(ClaimsPrincipal actor, Guid userId, bool locked, CancellationToken cancellationToken)
    {
        if (!IsManager(actor))
        {
            return CommandResult.Forbidden(T.Forbidden_Body);
        }

        if (actor.UserId() == userId)
        {
            return CommandResult.Invalid(T.Users_Error_Self);
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await userManager.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return CommandResult.NotFound(T.Users_NotFound);
        }

        if (await userManager.IsInRoleAsync(user, Roles.Administrator) && !actor.IsInRole(Roles.Administrator))
        {
            return CommandResult.Forbidden(T.Users_Error_AdministratorOnly);
        }

        await userManager.SetLockoutEnabledAsync(user, true);
        await userManager.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        if (!locked)
        {
            await userManager.ResetAccessFailedCountAsync(user);
        }

        await userManager.UpdateSecurityStampAsync(user);
        await scope.ServiceProvider.GetRequiredService<IAuditTrail>().RecordSecurityEventAsync(
            locked ? AuditActions.UserLocked : AuditActions.UserUnlocked, actor.ToActor(), "User", user.Id.ToString(), null,
            user.OrganisationId, cancellationToken);
        return CommandResult.Ok;
    }

    /// <summary>
    /// Creates a staff account (city staff, provincial staff, administrator) in a government organisation and
    /// mails a link to set its password. The administrator vouches for the address, so it counts as confirmed.
    /// </summary>
    public async Task<CommandResult> CreateStaffAsync(ClaimsPrincipal actor, StaffAccountRequest request, Func<string, string> setPasswordLink, CancellationToken cancellationToken)
    {
        if (!IsManager(actor))
        {
            return CommandResult.Forbidden(T.Forbidden_Body);
        }

        if (!Roles.Staff.Contains(request.Role))
        {
            return CommandResult.Invalid(T.Users_Error_NoRole);
        }

        if (request.Role == Roles.Administrator && !actor.IsInRole(Roles.Administrator))
        {
            return CommandResult.Forbidden(T.Users_Error_AdministratorOnly);
        }

        var cityResult = await CheckCityAsync(request.Role == Roles.CityStaff, request.CityCode, cancellationToken);
        if (cityResult is not null)
        {
            return cityResult;
        }

        var governmentOrganisations = await GovernmentOrganisationsAsync(cancellationToken);
        if (governmentOrganisations.All(o => o.Id != request.OrganisationId))
        {
            return CommandResult.Invalid(T.Users_Error_Organisation);
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var userManager = services.GetRequiredService<UserManager<PortalUser>>();
        using var actingAs = services.GetRequiredService<ICurrentActor>().ActAs(actor.ToActor());
        var email = request.Email.Trim();
        if (await userManager.FindByEmailAsync(email) is not null)
        {
            return CommandResult.Invalid(T.Register_Error_EmailTaken);
        }

        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = Text.NormaliseInput(request.DisplayName),
            OrganisationId = request.OrganisationId,
            CityCode = request.Role == Roles.CityStaff ? request.CityCode : null,
            CreatedAt = timeProvider.GetUtcNow(),
        };

        var db = services.GetRequiredService<PortalDbContext>();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // No password: the user sets one through the mailed link.
            var created = await userManager.CreateAsync(user);
            if (!created.Succeeded)
            {
                // Identity describes its errors in English; the user gets them from our resources, in the page's language.
                return CommandResult.Invalid(string.Join(" ", created.Errors.Select(e => Texts.Get("Identity_" + e.Code)).Distinct()));
            }

            await userManager.AddToRoleAsync(user, request.Role);
            await services.GetRequiredService<IAuditTrail>().RecordSecurityEventAsync(AuditActions.UserCreated, actor.ToActor(), "User",
                user.Id.ToString(), $"role {request.Role}", request.OrganisationId, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await userManager.GeneratePasswordResetTokenAsync(user)));
        await services.GetRequiredService<IEmailSender<PortalUser>>().SendPasswordResetLinkAsync(user, email, setPasswordLink(token));
        return CommandResult.Ok;
    }

    private async Task<CommandResult?> CheckCityAsync(bool cityStaff, string? cityCode, CancellationToken cancellationToken)
    {
        if (!cityStaff)
        {
            return null;
        }

        var reference = await referenceData.GetAsync(cancellationToken);
        return cityCode is not null && reference.Regions.TryGetValue(cityCode, out var city) && city.IsCityLevel
            ? null
            : CommandResult.Invalid(T.Users_Error_City);
    }

    private static bool IsManager(ClaimsPrincipal actor) =>
        actor.IsInRole(Roles.ProvincialStaff) || actor.IsInRole(Roles.Administrator);
}
