using Microsoft.Extensions.Options;
using PatentTransfer.Matching.Recommend;
using PatentTransfer.Web.Features.DemandHall;
using PatentTransfer.Web.Features.Search;

namespace PatentTransfer.Web.Features.Matching;

public sealed class DemandMatchingOptions : IndexPollingOptions
{
    public const string Section = "DemandMatching";
}

/// <summary>
/// The demands the matching engine answers patents with: exactly those the demand hall lists on the day (published,
/// within their validity, <see cref="DemandHallListing.Listed"/>), read through the hall's own feed, each put to the
/// engine as the forward direction puts it (<see cref="DemandProfiles.Of"/>, with the SME's city). Confidentiality is
/// not filtered here: the service decides per viewer what of a ranked demand it may see.
/// </summary>
public sealed class DemandMatchFeed(DemandIndexFeed demands) : IIndexFeed<DemandMatchDocument>
{
    public IAsyncEnumerable<DemandMatchDocument> AllAsync(DateOnly today, CancellationToken cancellationToken) =>
        demands.ListedAsync(today, ids: null, ToDocument, cancellationToken);

    /// <summary>Demands changed since, whatever their status now: a closed one must be found to leave the index.</summary>
    public Task<List<(Guid Id, DateTimeOffset Changed)>> ChangedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        demands.ChangedSinceAsync(since, cancellationToken);

    public IAsyncEnumerable<DemandMatchDocument> ByIdsAsync(IReadOnlyCollection<Guid> ids, DateOnly today, CancellationToken cancellationToken) =>
        demands.ListedAsync(today, ids, ToDocument, cancellationToken);

    private static DemandMatchDocument ToDocument(Domain.Demands.Demand demand, string? cityCode) => new(demand.Id, DemandProfiles.Of(demand, cityCode));
}

/// <summary>
/// Keeps the matching index of demands (demands a patent could answer, decision 0017) in step with the database, as
/// <see cref="DemandIndexer"/> does for the hall's search index: every listed demand at start-up and each new day (so
/// demands past their last day drop out at midnight); a demand changed since the last poll is indexed again if the hall
/// still lists it and deleted otherwise (closed, expired, withdrawn), within about a poll interval.
/// </summary>
public sealed class DemandMatchIndexer(
    DemandMatchIndex index,
    DemandMatchFeed feed,
    TimeProvider timeProvider,
    IOptions<DemandMatchingOptions> options,
    ILogger<DemandMatchIndexer> logger) : PollingIndexer<DemandMatchDocument>(feed, timeProvider, options.Value, logger)
{
    protected override string Items => "demands (matching)";

    protected override void Rebuild(IReadOnlyList<DemandMatchDocument> documents, CancellationToken cancellationToken) =>
        index.Rebuild(documents, cancellationToken);

    protected override void Apply(IReadOnlyCollection<Guid> changed, IReadOnlyList<DemandMatchDocument> current)
    {
        index.UpsertMany(current);

        // Whatever the hall no longer lists leaves the index; ids it never held (drafts being edited) cost nothing.
        var listed = current.Select(d => d.Id).ToHashSet();
        index.DeleteMany(changed.Where(id => !listed.Contains(id)));
    }
}
