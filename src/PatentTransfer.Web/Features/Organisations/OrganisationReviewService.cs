using Microsoft.EntityFrameworkCore;
using PatentTransfer.Domain.Common;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Infrastructure.Data;
using PatentTransfer.Web.Infrastructure;
using T = PatentTransfer.Web.Localization.SharedResource;

namespace PatentTransfer.Web.Features.Organisations;

/// <summary>
/// Staff review of organisations. City staff see and decide only organisations located in their city;
/// provincial staff and administrators see all. Every method checks the scope itself: the pages are not the
/// only guard.
/// </summary>
public sealed class OrganisationReviewService(IDbContextFactory<PortalDbContext> contextFactory, TimeProvider timeProvider)
{
    public async Task<Page<OrganisationReviewRow>> ListAsync(StaffScope scope, OrganisationReviewQuery query, CancellationToken cancellationToken)
    {
        if (!scope.IsStaff)
        {
            return new Page<OrganisationReviewRow>([], 0);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = from o in db.Organisations.AsNoTracking()
                   join r in db.Regions on o.RegionCode equals r.Code
                   select new { o, r.CityCode };
        if (!scope.AllCities)
        {
            rows = rows.Where(x => x.CityCode == scope.CityCode);
        }
        else if (!string.IsNullOrEmpty(query.CityCode))
        {
            rows = rows.Where(x => x.CityCode == query.CityCode);
        }

        if (query.Status is { } status)
        {
            rows = rows.Where(x => x.o.Status == status);
        }

        if (Text.NormaliseInput(query.Search) is { Length: > 0 } search)
        {
            rows = CreditCode.TryParse(search, out var code, out _)
                ? rows.Where(x => x.o.CreditCode == code)
                : rows.Where(x => EF.Functions.ILike(x.o.Name, SqlLike.Contains(search), SqlLike.EscapeCharacter));
        }

        var total = await rows.CountAsync(cancellationToken);
        var items = await rows
            .OrderBy(x => x.o.SubmittedAt)
            .Skip(Math.Max(0, query.Page) * query.PageSize)
            .Take(Math.Clamp(query.PageSize, 1, 100))
            .Select(x => new OrganisationReviewRow(x.o.Id, x.o.Name, x.o.Type, x.o.Size, x.o.CreditCode.Value, x.o.RegionCode, x.o.Status, x.o.SubmittedAt, x.o.IsDemo))
            .ToListAsync(cancellationToken);
        return new Page<OrganisationReviewRow>(items, total);
    }

    /// <summary>The organisation and its users, or null when it does not exist or lies outside the scope.</summary>
    public async Task<(OrganisationDetails Details, IReadOnlyList<OrganisationMember> Members)?> GetAsync(StaffScope scope, Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var details = await OrganisationQueries.DetailsAsync(db, id, cancellationToken);
        if (details is null || !scope.Covers(details.CityCode))
        {
            return null;
        }

        return (details, await OrganisationQueries.MembersAsync(db, id, cancellationToken));
    }

    public Task<CommandResult> VerifyAsync(StaffScope scope, Guid id, uint version, CancellationToken cancellationToken) =>
        DecideAsync(scope, id, version, (o, now) => o.Verify(scope.UserId, now), cancellationToken);

    public Task<CommandResult> RejectAsync(StaffScope scope, Guid id, uint version, string reason, CancellationToken cancellationToken) =>
        DecideAsync(scope, id, version, (o, now) => o.Reject(scope.UserId, reason, now), cancellationToken);

    private async Task<CommandResult> DecideAsync(StaffScope scope, Guid id, uint version, Action<Organisation, DateTimeOffset> decide, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var found = await (from o in db.Organisations
                           join r in db.Regions on o.RegionCode equals r.Code
                           where o.Id == id
                           select new { Organisation = o, r.CityCode }).SingleOrDefaultAsync(cancellationToken);
        if (found is null || !scope.Covers(found.CityCode))
        {
            // Outside the reviewer's city reads the same as not existing: no hint that the record is there.
            return CommandResult.NotFound(T.Organisation_NotFound);
        }

        return await VersionedChange.SaveAsync(db, found.Organisation, version, o => decide(o, timeProvider.GetUtcNow()), cancellationToken);
    }
}
