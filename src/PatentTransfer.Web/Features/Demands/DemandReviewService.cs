using Microsoft.EntityFrameworkCore;
using PatentTransfer.Domain.Common;
using PatentTransfer.Domain.Demands;
using PatentTransfer.Infrastructure.Data;
using PatentTransfer.Web.Infrastructure;
using PatentTransfer.Web.Localization;
using T = PatentTransfer.Web.Localization.SharedResource;

namespace PatentTransfer.Web.Features.Demands;

/// <summary>
/// Staff review of technology demands. City staff see and decide only demands of SMEs located in their city;
/// provincial staff and administrators see all. Demands never submitted are the SME's work in progress and never
/// reach reviewers. Every method checks the scope itself: the pages are not the only guard.
/// </summary>
public sealed class DemandReviewService(IDbContextFactory<PortalDbContext> contextFactory, TimeProvider timeProvider)
{
    public async Task<Page<DemandReviewRow>> ListAsync(StaffScope scope, DemandReviewQuery query, CancellationToken cancellationToken)
    {
        if (!scope.IsStaff)
        {
            return new Page<DemandReviewRow>([], 0);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var today = PortalTime.Today(timeProvider);
        var rows = from d in db.Demands.AsNoTracking()
                   join o in db.Organisations on d.SmeOrganisationId equals o.Id
                   join r in db.Regions on o.RegionCode equals r.Code
                   where d.SubmittedAt != null
                   select new { d, SmeName = o.Name, SmeIsDemo = o.IsDemo, r.CityCode };
        if (!scope.AllCities)
        {
            rows = rows.Where(x => x.CityCode == scope.CityCode);
        }
        else if (!string.IsNullOrEmpty(query.CityCode))
        {
            rows = rows.Where(x => x.CityCode == query.CityCode);
        }

        rows = query.Status switch
        {
            null => rows,
            DemandStatus.Published => rows.Where(x => x.d.Status == DemandStatus.Published && x.d.ValidUntil >= today),
            DemandStatus.Expired => rows.Where(x => x.d.Status == DemandStatus.Expired || (x.d.Status == DemandStatus.Published && x.d.ValidUntil < today)),
            { } status => rows.Where(x => x.d.Status == status),
        };

        if (Text.NormaliseInput(query.Search) is { Length: > 0 } search)
        {
            var pattern = SqlLike.Contains(search);
            rows = rows.Where(x => EF.Functions.ILike(x.d.Title, pattern, SqlLike.EscapeCharacter)
                                   || EF.Functions.ILike(x.SmeName, pattern, SqlLike.EscapeCharacter));
        }

        var pageSize = Math.Clamp(query.PageSize, 1, 100);
        var total = await rows.CountAsync(cancellationToken);
        var items = await rows
            .OrderBy(x => x.d.SubmittedAt)
            .ThenBy(x => x.d.Id)
            .Skip(Math.Max(0, query.Page) * pageSize)
            .Take(pageSize)
            .Select(x => new
            {
                x.d.Id,
                x.d.Title,
                x.d.Type,
                x.SmeName,
                x.CityCode,
                x.SmeIsDemo,
                x.d.Status,
                x.d.SubmittedAt,
                x.d.ValidUntil,
                x.d.Version,
            })
            .ToListAsync(cancellationToken);
        return new Page<DemandReviewRow>(
            items.Select(x => new DemandReviewRow(x.Id, x.Title, x.Type, x.SmeName, x.CityCode, x.SmeIsDemo,
                x.Status == DemandStatus.Published && x.ValidUntil < today ? DemandStatus.Expired : x.Status, x.SubmittedAt, x.ValidUntil, x.Version)).ToList(),
            total);
    }

    /// <summary>The demand with its SME, or null when it does not exist, was never submitted or lies outside the scope.</summary>
    public async Task<DemandReviewDetail?> GetAsync(StaffScope scope, Guid id, CancellationToken cancellationToken)
    {
        if (!scope.IsStaff)
        {
            return null;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var found = await DemandAccess.FindAsync(db, id, tracked: false, cancellationToken);
        if (found is null || !DemandAccess.StaffMaySee(scope, found.Demand, found.CityCode))
        {
            return null;
        }

        var demand = found.Demand;
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == demand.SmeOrganisationId, cancellationToken);
        var sme = new DemandSmeView(organisation.Id, organisation.Name, organisation.CreditCode.Value, organisation.Size, organisation.RegionCode,
            found.CityCode, organisation.Status, organisation.IsDemo);
        var reviewedBy = demand.ReviewedByUserId is { } reviewerId
            ? await db.Users.AsNoTracking().Where(u => u.Id == reviewerId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken)
            : null;
        return new DemandReviewDetail(DemandView.From(demand, PortalTime.Today(timeProvider)), sme, reviewedBy);
    }

    public Task<CommandResult> ApproveAsync(StaffScope scope, Guid id, uint version, CancellationToken cancellationToken) =>
        DecideAsync(scope, id, version, (d, now) => d.Approve(scope.UserId, PortalTime.Today(timeProvider), now), cancellationToken);

    public Task<CommandResult> ReturnAsync(StaffScope scope, Guid id, uint version, string reason, CancellationToken cancellationToken) =>
        DecideAsync(scope, id, version, (d, now) => d.Return(scope.UserId, reason, now), cancellationToken);

    private async Task<CommandResult> DecideAsync(StaffScope scope, Guid id, uint version, Action<Demand, DateTimeOffset> decide, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var found = await DemandAccess.FindAsync(db, id, tracked: true, cancellationToken);
        if (found is null || !DemandAccess.StaffMaySee(scope, found.Demand, found.CityCode))
        {
            // Outside the reviewer's city reads the same as not existing: no hint that the record is there.
            return CommandResult.NotFound(T.DemandReview_NotFound);
        }

        return await VersionedChange.SaveAsync(db, found.Demand, version, d => decide(d, timeProvider.GetUtcNow()), cancellationToken);
    }
}
