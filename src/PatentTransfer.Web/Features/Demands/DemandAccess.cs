using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PatentTransfer.Domain.Demands;
using PatentTransfer.Domain.Identity;
using PatentTransfer.Infrastructure.Data;
using PatentTransfer.Web.Infrastructure;

namespace PatentTransfer.Web.Features.Demands;

/// <summary>A demand with the city-level unit of its SME, which decides which staff may see it.</summary>
public sealed record ScopedDemand(Demand Demand, string? CityCode);

/// <summary>
/// Who may see a demand and its follow-up log, in one place for every service: the SME's own users (role SME user,
/// same organisation) always; staff of the SME's city, provincial staff and administrators once it has been
/// submitted. Drafts never submitted are the SME's work in progress and stay private, as listings' drafts do.
/// Everyone else, including other SMEs, holders and anonymous visitors, sees nothing here (the public demand hall
/// shows published demands by its own rules).
/// </summary>
public static class DemandAccess
{
    public static bool IsSmeMember(ClaimsPrincipal user, Guid smeOrganisationId) =>
        user.IsInRole(Roles.SmeUser) && user.OrganisationIdOf() == smeOrganisationId;

    public static bool StaffMaySee(StaffScope scope, Demand demand, string? cityCode) =>
        demand.SubmittedAt is not null && scope.IsStaff && scope.Covers(cityCode);

    public static bool MaySee(ClaimsPrincipal user, ScopedDemand found) =>
        IsSmeMember(user, found.Demand.SmeOrganisationId) || StaffMaySee(StaffScope.From(user), found.Demand, found.CityCode);

    /// <summary>The demand and its SME's city, tracked for a change or not for a read; null when it does not exist.</summary>
    public static Task<ScopedDemand?> FindAsync(PortalDbContext db, Guid id, bool tracked, CancellationToken cancellationToken)
    {
        var demands = tracked ? db.Demands : db.Demands.AsNoTracking();
        return (from d in demands
                join o in db.Organisations on d.SmeOrganisationId equals o.Id
                join r in db.Regions on o.RegionCode equals r.Code
                where d.Id == id
                select new ScopedDemand(d, r.CityCode)).SingleOrDefaultAsync(cancellationToken);
    }
}
