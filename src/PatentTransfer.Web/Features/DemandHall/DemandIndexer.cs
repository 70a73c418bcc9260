using Microsoft.Extensions.Options;
using PatentTransfer.Matching.Demands;
using PatentTransfer.Web.Features.Search;

namespace PatentTransfer.Web.Features.DemandHall;

public sealed class DemandIndexingOptions : IndexPollingOptions
{
    public const string Section = "DemandIndexing";
}

/// <summary>
/// Keeps the demand index in step with the database (<see cref="PollingIndexer{TDocument}"/>): every listed demand at
/// start-up and again each new day, so demands past their last day drop out at midnight; a demand changed since the
/// last poll is indexed again if the hall still lists it and deleted otherwise (closed, expired, withdrawn), within
/// about a poll interval.
/// </summary>
public sealed class DemandIndexer(
    DemandSearchIndex index,
    DemandIndexFeed feed,
    TimeProvider timeProvider,
    IOptions<DemandIndexingOptions> options,
    ILogger<DemandIndexer> logger) : PollingIndexer<DemandDocument>(feed, timeProvider, options.Value, logger)
{
    protected override string Items => "demands";

    protected override void Rebuild(IReadOnlyList<DemandDocument> documents, CancellationToken cancellationToken) =>
        index.Rebuild(documents, cancellationToken);

    protected override void Apply(IReadOnlyCollection<Guid> changed, IReadOnlyList<DemandDocument> current)
    {
        index.UpsertMany(current);

        // Whatever the hall no longer lists leaves the index; ids it never held (drafts being edited) cost nothing.
        var listed = current.Select(d => d.Id).ToHashSet();
        index.DeleteMany(changed.Where(id => !listed.Contains(id)));
    }
}
