using Microsoft.Extensions.Options;
using PatentTransfer.Matching.Search;

namespace PatentTransfer.Web.Features.Search;

public sealed class PatentIndexingOptions : IndexPollingOptions
{
    public const string Section = "PatentIndexing";
}

/// <summary>
/// Keeps the in-process patent index in step with the database (<see cref="PollingIndexer{TDocument}"/>): the whole
/// catalogue at start-up and every new day (validity and sleeping status depend on the date), changed patents and
/// listings within about a poll interval.
/// </summary>
public sealed class PatentIndexer(
    PatentSearchIndex index,
    PatentIndexFeed feed,
    TimeProvider timeProvider,
    IOptions<PatentIndexingOptions> options,
    ILogger<PatentIndexer> logger) : PollingIndexer<PatentDocument>(feed, timeProvider, options.Value, logger)
{
    protected override string Items => "patents";

    protected override void Rebuild(IReadOnlyList<PatentDocument> documents, CancellationToken cancellationToken) =>
        index.Rebuild(documents, cancellationToken);

    // Patents are never deleted: every changed one is indexed again as it now is.
    protected override void Apply(IReadOnlyCollection<Guid> changed, IReadOnlyList<PatentDocument> current) => index.UpsertMany(current);
}
