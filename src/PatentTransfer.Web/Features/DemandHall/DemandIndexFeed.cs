using Microsoft.EntityFrameworkCore;
using PatentTransfer.Domain.Demands;
using PatentTransfer.Infrastructure.Data;
using PatentTransfer.Matching.Demands;
using PatentTransfer.Web.Features.Demands;
using PatentTransfer.Web.Features.Search;

namespace PatentTransfer.Web.Features.DemandHall;

/// <summary>
/// Turns demands into documents of the demand index: only those the hall lists on the given day (published, within
/// their validity, <see cref="DemandHallListing.Listed"/>), with their texts, the SME's city and the facts the hall
/// filters on. Contacts and the SME's name never reach the index.
/// </summary>
/// <remarks>A singleton for the background indexer: the context factory is scoped (it carries the acting user for the
/// audit trail), so each read takes it from a scope of its own.</remarks>
public sealed class DemandIndexFeed(IServiceScopeFactory scopeFactory) : IIndexFeed<DemandDocument>
{
    /// <summary>Every demand listed on <paramref name="today"/>, streamed in id order.</summary>
    public IAsyncEnumerable<DemandDocument> AllAsync(DateOnly today, CancellationToken cancellationToken) =>
        ReadAsync(today, ids: null, cancellationToken);

    /// <summary>
    /// Demands changed at or after <paramref name="since"/>, whatever their status now, with the time of that change:
    /// a closed demand must be found here to leave the index.
    /// </summary>
    public async Task<List<(Guid Id, DateTimeOffset Changed)>> ChangedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(cancellationToken);
        var rows = await db.Demands.AsNoTracking()
            .Where(d => d.UpdatedAt >= since)
            .Select(d => new { d.Id, d.UpdatedAt })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.Id, r.UpdatedAt)).ToList();
    }

    /// <summary>The documents of those of the given demands that are listed on <paramref name="today"/>.</summary>
    public IAsyncEnumerable<DemandDocument> ByIdsAsync(IReadOnlyCollection<Guid> ids, DateOnly today, CancellationToken cancellationToken) =>
        ReadAsync(today, ids, cancellationToken);

    /// <summary>
    /// The demands listed on <paramref name="today"/> (all of them, or those of <paramref name="ids"/>), streamed in id
    /// order, each with the city-level unit of its SME, made into another index's documents: the matching index of
    /// demands (decision 0017) lists exactly what the hall lists.
    /// </summary>
    public async IAsyncEnumerable<TDocument> ListedAsync<TDocument>(DateOnly today, IReadOnlyCollection<Guid>? ids, Func<Demand, string?, TDocument> toDocument,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(toDocument);
        await using var scope = scopeFactory.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(cancellationToken);
        var demands = db.Demands.AsNoTracking().Where(DemandHallListing.Listed(today));
        if (ids is not null)
        {
            var wanted = ids.ToArray();
            demands = demands.Where(d => wanted.Contains(d.Id));
        }

        var rows = from d in demands
                   join o in db.Organisations.AsNoTracking() on d.SmeOrganisationId equals o.Id
                   join r in db.Regions.AsNoTracking() on o.RegionCode equals r.Code into regions
                   from r in regions.DefaultIfEmpty()
                   orderby d.Id
                   select new { Demand = d, CityCode = r == null ? null : r.CityCode };
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return toDocument(row.Demand, row.CityCode);
        }
    }

    private IAsyncEnumerable<DemandDocument> ReadAsync(DateOnly today, IReadOnlyCollection<Guid>? ids, CancellationToken cancellationToken) =>
        ListedAsync(today, ids, ToDocument, cancellationToken);

    private static DemandDocument ToDocument(Demand d, string? cityCode) => new(
        d.Id,
        d.Title,
        d.Description,
        d.Targets.Length == 0 ? null : string.Join('\n', d.Targets.Select(DemandTexts.Target)),
        d.ExistingBasis,
        d.TargetScene,
        d.Keywords,
        d.IndustryCode,
        cityCode,
        d.Type.ToString(),
        [.. d.Modes.Select(m => m.ToString())],
        [.. d.PaymentPreferences.Select(p => p.ToString())],
        d.BudgetNegotiable ? null : d.BudgetMinWan,
        d.BudgetNegotiable ? null : d.BudgetMaxWan,
        d.Confidentiality.ToString(),
        d.SmeOrganisationId,
        DemandHallListing.PublishedOn(d.PublishedAt, d.UpdatedAt),
        d.ValidUntil);
}
