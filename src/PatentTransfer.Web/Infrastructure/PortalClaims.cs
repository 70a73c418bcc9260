using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PatentTransfer.Infrastructure.Auditing;
using PatentTransfer.Infrastructure.Identity;

namespace PatentTransfer.Web.Infrastructure;

/// <summary>Claims the portal adds to the sign-in cookie. Status (verified or not) is never a claim: it changes.</summary>
public static class PortalClaims
{
    public const string DisplayName = "pt:display_name";
    public const string OrganisationId = "pt:organisation";
    public const string CityCode = "pt:city";

    public static Guid? UserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static Guid? OrganisationIdOf(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(OrganisationId), out var id) ? id : null;

    public static string? CityCodeOf(this ClaimsPrincipal principal) => principal.FindFirstValue(CityCode);

    public static string DisplayNameOf(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(DisplayName) ?? principal.Identity?.Name ?? string.Empty;

    public static Actor ToActor(this ClaimsPrincipal? principal) =>
        principal?.UserId() is { } id
            ? new Actor(id, principal.DisplayNameOf(), principal.OrganisationIdOf())
            : Actor.Anonymous;
}

public sealed class PortalClaimsPrincipalFactory(
    UserManager<PortalUser> userManager, RoleManager<PortalRole> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser, PortalRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.DisplayName, user.DisplayName));
        if (user.OrganisationId is { } organisationId)
        {
            identity.AddClaim(new Claim(PortalClaims.OrganisationId, organisationId.ToString()));
        }

        if (user.CityCode is { } city)
        {
            identity.AddClaim(new Claim(PortalClaims.CityCode, city));
        }

        return identity;
    }
}
