using Microsoft.EntityFrameworkCore;
using PatentTransfer.Domain.Listings;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Domain.Patents;
using PatentTransfer.Infrastructure.Data;
using PatentTransfer.Matching.Search;

namespace PatentTransfer.Web.Features.Search;

/// <summary>
/// Turns catalogue rows into search documents: texts plus the facts the search page filters on (holder type and
/// city, validity and sleeping status as of today, and the terms of a published listing only) and the matching index
/// weighs (the last day of protection). Both the search and the matching indexer read through it.
/// </summary>
/// <remarks>A singleton for the background indexer: the context factory is scoped (it carries the acting user for the
/// audit trail), so each read takes it from a scope of its own.</remarks>
public sealed class PatentIndexFeed(IServiceScopeFactory scopeFactory, SleepingPatentRule sleepingRule) : IIndexFeed<PatentDocument>
{
    private sealed record Holder(OrganisationType Type, string Name, string? CityCode);

    /// <summary>All patents, streamed in id order.</summary>
    public IAsyncEnumerable<PatentDocument> AllAsync(DateOnly today, CancellationToken cancellationToken) =>
        ReadAsync(today, ids: null, cancellationToken);

    /// <summary>Patents changed, or whose listing changed, at or after <paramref name="since"/>, with the time of that change.</summary>
    public async Task<List<(Guid Id, DateTimeOffset Changed)>> ChangedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(cancellationToken);
        var rows = await (from p in db.Patents.AsNoTracking()
                          join l in db.Listings.AsNoTracking() on p.Id equals l.PatentId into listings
                          from l in listings.DefaultIfEmpty()
                          where p.UpdatedAt >= since || (l != null && l.UpdatedAt >= since)
                          select new { p.Id, Patent = p.UpdatedAt, Listing = l == null ? (DateTimeOffset?)null : l.UpdatedAt }).ToListAsync(cancellationToken);
        return rows.Select(r => (r.Id, r.Listing is { } listed && listed > r.Patent ? listed : r.Patent)).ToList();
    }

    /// <summary>The documents of the given patents (those that still exist).</summary>
    public IAsyncEnumerable<PatentDocument> ByIdsAsync(IReadOnlyCollection<Guid> ids, DateOnly today, CancellationToken cancellationToken) =>
        ReadAsync(today, ids, cancellationToken);

    private async IAsyncEnumerable<PatentDocument> ReadAsync(DateOnly today, IReadOnlyCollection<Guid>? ids,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(cancellationToken);
        var holders = await (from o in db.Organisations.AsNoTracking()
                             join r in db.Regions.AsNoTracking() on o.RegionCode equals r.Code into regions
                             from r in regions.DefaultIfEmpty()
                             select new { o.Id, o.Type, o.Name, CityCode = r == null ? null : r.CityCode })
            .ToDictionaryAsync(x => x.Id, x => new Holder(x.Type, x.Name, x.CityCode), cancellationToken);

        var rows = from p in db.Patents.AsNoTracking()
                   join l in db.Listings.AsNoTracking() on p.Id equals l.PatentId into listings
                   from l in listings.DefaultIfEmpty()
                   select new { p, l };
        if (ids is not null)
        {
            var wanted = ids.ToArray();
            rows = rows.Where(x => wanted.Contains(x.p.Id));
        }

        await foreach (var row in rows.OrderBy(x => x.p.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var holder = holders.GetValueOrDefault(row.p.HolderOrganisationId) ?? new Holder(OrganisationType.PrivateEnterprise, "", null);
            yield return ToDocument(row.p, row.l, holder, today);
        }
    }

    private PatentDocument ToDocument(Patent p, Listing? listing, Holder holder, DateOnly today)
    {
        var status = p.StatusOn(today);
        var published = listing is { Status: ListingStatus.Published } ? listing : null;
        return new PatentDocument(
            p.Id, p.ApplicationNumber, p.PublicationNumber, p.DisplayTitle, p.Abstract, p.Claims, p.Keywords, [.. p.IpcCodes], p.IndustryCode,
            p.Type.ToString(), holder.Type.ToString(), holder.CityCode, holder.Name, p.GrantDate,
            IsValid: status == LegalStatus.Valid,
            IsSleeping: sleepingRule.Assess(status, p.GrantDate, p.LegalEvents, holder.Type, today).IsSleeping,
            IsListed: published is not null,
            OfferedModes: published is null ? [] : [.. published.Modes.Select(m => m.ToString())],
            Price: published?.ComparablePrice,
            OpenLicence: published?.OpenLicence ?? false,
            FreeForSmes: published?.FreeForSmes ?? false,
            PayLater: published?.PayLater ?? false)
        {
            // The matching index weighs the years of protection left (decision 0017).
            ExpiryDate = p.LastDayOfProtection,
        };
    }
}
