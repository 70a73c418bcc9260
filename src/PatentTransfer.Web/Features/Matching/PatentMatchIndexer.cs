using Microsoft.Extensions.Options;
using PatentTransfer.Matching.Recommend;
using PatentTransfer.Matching.Search;
using PatentTransfer.Web.Features.Search;

namespace PatentTransfer.Web.Features.Matching;

public sealed class PatentMatchingOptions : IndexPollingOptions
{
    public const string Section = "PatentMatching";
}

/// <summary>
/// Keeps the in-process matching index in step with the database, as <see cref="PatentIndexer"/> does for the search
/// index and from the same feed: the whole catalogue at start-up and every new day (validity, sleeping status and
/// the years of protection left depend on the date), changed patents and listings within about a poll interval.
/// The index itself leaves patents that are not valid out of every recommendation.
/// </summary>
public sealed class PatentMatchIndexer(
    PatentMatchIndex index,
    PatentIndexFeed feed,
    TimeProvider timeProvider,
    IOptions<PatentMatchingOptions> options,
    ILogger<PatentMatchIndexer> logger) : PollingIndexer<PatentDocument>(feed, timeProvider, options.Value, logger)
{
    protected override string Items => "patents (matching)";

    protected override void Rebuild(IReadOnlyList<PatentDocument> documents, CancellationToken cancellationToken) =>
        index.Rebuild(documents, cancellationToken);

    // Patents are never deleted: every changed one is indexed again as it now is.
    protected override void Apply(IReadOnlyCollection<Guid> changed, IReadOnlyList<PatentDocument> current) => index.UpsertMany(current);
}
