using Microsoft.EntityFrameworkCore;
using PatentTransfer.Infrastructure.Data;
using PatentTransfer.Infrastructure.Identity;

namespace PatentTransfer.Web.Features.Organisations;

/// <summary>Read models shared by the applicant's and the reviewer's pages.</summary>
internal static class OrganisationQueries
{
    public static Task<OrganisationDetails?> DetailsAsync(PortalDbContext db, Guid id, CancellationToken cancellationToken) =>
        (from o in db.Organisations.AsNoTracking()
         join r in db.Regions on o.RegionCode equals r.Code
         join reviewer in db.Users on o.ReviewedByUserId equals (Guid?)reviewer.Id into reviewers
         from reviewer in reviewers.DefaultIfEmpty()
         where o.Id == id
         select new OrganisationDetails(o.Id, o.Name, o.Type, o.Size, o.CreditCode.Value, o.RegionCode, r.CityCode, o.IndustryCode,
             o.Status, o.RejectionReason, o.SubmittedAt, o.ReviewedAt, reviewer == null ? null : reviewer.DisplayName, o.IsDemo, o.Version))
        .SingleOrDefaultAsync(cancellationToken);

    public static Task<List<OrganisationMember>> MembersAsync(PortalDbContext db, Guid organisationId, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking()
            .Where(u => u.OrganisationId == organisationId)
            .OrderBy(u => u.CreatedAt)
            .Select(u => new OrganisationMember(u.Id, u.DisplayName, u.Email!, u.PhoneNumber, u.EmailConfirmed))
            .ToListAsync(cancellationToken);
}
