using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Infrastructure.Data;

namespace PatentTransfer.Web.Infrastructure;

public static class Policies
{
    /// <summary>
    /// The user's organisation has been verified by city staff. Until then its users may browse but not
    /// publish anything (demands, listings, proposals).
    /// </summary>
    public const string CanPublish = "CanPublish";

    public static AuthorizationBuilder AddPortalPolicies(this AuthorizationBuilder builder) =>
        builder.AddPolicy(CanPublish, policy => policy.RequireAuthenticatedUser().AddRequirements(new VerifiedOrganisationRequirement()));
}

public sealed class VerifiedOrganisationRequirement : IAuthorizationRequirement;

/// <summary>Reads the organisation's status from the database on each check: verification takes effect at once.</summary>
public sealed class VerifiedOrganisationHandler(IDbContextFactory<PortalDbContext> contextFactory)
    : AuthorizationHandler<VerifiedOrganisationRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, VerifiedOrganisationRequirement requirement)
    {
        if (context.User.OrganisationIdOf() is not { } organisationId)
        {
            return;
        }

        await using var db = await contextFactory.CreateDbContextAsync();
        if (await db.Organisations.AnyAsync(o => o.Id == organisationId && o.Status == OrganisationStatus.Verified))
        {
            context.Succeed(requirement);
        }
    }
}
