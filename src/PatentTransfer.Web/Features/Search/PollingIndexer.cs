using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using PatentTransfer.Web.Localization;

namespace PatentTransfer.Web.Features.Search;

/// <summary>How an in-process index follows the database (sections "PatentIndexing" and "DemandIndexing").</summary>
public abstract class IndexPollingOptions
{
    /// <summary>How often the index looks for changed rows.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How far back each poll looks beyond the previous poll. Rows carry the time they were changed, not the time their
    /// transaction committed: a long import commits after later, shorter saves. Re-reading this window catches it;
    /// rows already indexed at the same change time are skipped.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan Overlap { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Reads what an index holds from the database: all of it for a day, what changed, and some of it again.</summary>
public interface IIndexFeed<TDocument>
{
    /// <summary>Every document the index should hold on <paramref name="today"/>.</summary>
    IAsyncEnumerable<TDocument> AllAsync(DateOnly today, CancellationToken cancellationToken);

    /// <summary>Rows changed at or after <paramref name="since"/>, with the time of that change, whatever they are now.</summary>
    Task<List<(Guid Id, DateTimeOffset Changed)>> ChangedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>The documents of those of <paramref name="ids"/> that the index should hold on <paramref name="today"/>.</summary>
    IAsyncEnumerable<TDocument> ByIdsAsync(IReadOnlyCollection<Guid> ids, DateOnly today, CancellationToken cancellationToken);
}

/// <summary>
/// Keeps an in-process search index in step with the database: a full build at start-up, then a poll for rows
/// changed since the last one, and a full rebuild when the date changes (what an index holds or says can depend on
/// the date: a patent's validity, a demand's last day). Polling the database rather than listening to the app's own
/// saves also catches the CLI and any other writer. A failed refresh is logged and retried at the next poll while
/// searches go on against the last good index.
/// </summary>
public abstract class PollingIndexer<TDocument>(IIndexFeed<TDocument> feed, TimeProvider timeProvider, IndexPollingOptions options, ILogger logger)
    : BackgroundService
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Change time of each row indexed within the overlap window, so a re-read of the window skips them.
    private readonly Dictionary<Guid, DateTimeOffset> _indexed = [];

    /// <summary>Completes when the first full build is done; searches wait for it rather than see an empty index.</summary>
    public Task Ready => _ready.Task;

    /// <summary>When the index last caught up with the database.</summary>
    public DateTimeOffset? LastRefreshed { get; private set; }

    /// <summary>What the index holds, for the log: "patents", "demands".</summary>
    protected abstract string Items { get; }

    /// <summary>Replaces the whole index with these documents.</summary>
    protected abstract void Rebuild(IReadOnlyList<TDocument> documents, CancellationToken cancellationToken);

    /// <summary>
    /// Brings the <paramref name="changed"/> items of the index in line with the database: <paramref name="current"/>
    /// are the documents of those the index should still hold; the others no longer belong in it.
    /// </summary>
    protected abstract void Apply(IReadOnlyCollection<Guid> changed, IReadOnlyList<TDocument> current);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var builtFor = DateOnly.MinValue;
        DateTimeOffset watermark = default;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var today = PortalTime.Today(timeProvider);
                var started = timeProvider.GetUtcNow();
                if (today != builtFor)
                {
                    var clock = Stopwatch.StartNew();
                    var documents = await ReadAsync(feed.AllAsync(today, stoppingToken));
                    Rebuild(documents, stoppingToken);
                    _indexed.Clear();
                    logger.LogInformation("Search index built: {Count} {Items} in {Seconds:0.00} s", documents.Count, Items, clock.Elapsed.TotalSeconds);
                    builtFor = today;
                    _ready.TrySetResult();
                }
                else
                {
                    await CatchUpAsync(watermark - options.Overlap, today, stoppingToken);
                }

                watermark = started;
                LastRefreshed = started;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The portal keeps serving the last good index; the next poll retries.
                logger.LogError(ex, "Search index refresh ({Items}) failed", Items);
            }

            try
            {
                await Task.Delay(options.PollInterval, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task CatchUpAsync(DateTimeOffset since, DateOnly today, CancellationToken cancellationToken)
    {
        var changed = (await feed.ChangedSinceAsync(since, cancellationToken))
            .Where(c => !_indexed.TryGetValue(c.Id, out var seen) || seen != c.Changed)
            .ToList();
        foreach (var chunk in changed.Chunk(1000))
        {
            Guid[] ids = [.. chunk.Select(c => c.Id)];
            Apply(ids, await ReadAsync(feed.ByIdsAsync(ids, today, cancellationToken)));
            foreach (var (id, at) in chunk)
            {
                _indexed[id] = at;
            }
        }

        foreach (var old in _indexed.Where(e => e.Value < since).Select(e => e.Key).ToList())
        {
            _indexed.Remove(old);
        }

        if (changed.Count > 0)
        {
            logger.LogInformation("Search index: {Count} changed {Items} re-indexed", changed.Count, Items);
        }
    }

    private static async Task<List<TDocument>> ReadAsync(IAsyncEnumerable<TDocument> documents)
    {
        var list = new List<TDocument>();
        await foreach (var document in documents)
        {
            list.Add(document);
        }

        return list;
    }
}
