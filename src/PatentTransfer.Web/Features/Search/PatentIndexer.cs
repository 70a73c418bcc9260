using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using PatentTransfer.Matching.Search;
using PatentTransfer.Web.Localization;

namespace PatentTransfer.Web.Features.Search;

public sealed class PatentIndexingOptions
{
    public const string Section = "PatentIndexing";

    /// <summary>How often the index looks for changed patents and listings.</summary>
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

/// <summary>
/// Keeps the in-process search index in step with the database: a full build at start-up, then a poll for rows
/// changed since the last one, and a full rebuild when the date changes (validity and sleeping status depend on
/// it). Polling the database rather than listening to the app's own saves also catches the CLI importer and any
/// other writer.
/// </summary>
public sealed class PatentIndexer(
    PatentSearchIndex index,
    PatentIndexFeed feed,
    TimeProvider timeProvider,
    IOptions<PatentIndexingOptions> options,
    ILogger<PatentIndexer> logger) : BackgroundService
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first full build is done; searches wait for it rather than see an empty index.</summary>
    public Task Ready => _ready.Task;

    /// <summary>When the index last caught up with the database.</summary>
    public DateTimeOffset? LastRefreshed { get; private set; }

    // Change time of each patent indexed within the overlap window, so a re-read of the window skips them.
    private readonly Dictionary<Guid, DateTimeOffset> _indexed = [];

    private async Task CatchUpAsync(DateTimeOffset since, DateOnly today, CancellationToken cancellationToken)
    {
        var changed = (await feed.ChangedSinceAsync(since, cancellationToken))
            .Where(c => !_indexed.TryGetValue(c.Id, out var seen) || seen != c.Changed)
            .ToList();
        foreach (var chunk in changed.Chunk(1000))
        {
            var documents = new List<PatentDocument>(chunk.Length);
            await foreach (var document in feed.ByIdsAsync([.. chunk.Select(c => c.Id)], today, cancellationToken))
            {
                documents.Add(document);
            }

            index.UpsertMany(documents);

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
            logger.LogInformation("Search index: {Count} changed patents re-indexed", changed.Count);
        }
    }

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
                    var documents = new List<PatentDocument>();
                    await foreach (var document in feed.AllAsync(today, stoppingToken))
                    {
                        documents.Add(document);
                    }

                    index.Rebuild(documents, stoppingToken);
                    _indexed.Clear();
                    logger.LogInformation("Search index built: {Count} patents in {Seconds:0.00} s", documents.Count, clock.Elapsed.TotalSeconds);
                    builtFor = today;
                    _ready.TrySetResult();
                }
                else
                {
                    await CatchUpAsync(watermark - options.Value.Overlap, today, stoppingToken);
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
                logger.LogError(ex, "Search index refresh failed");
            }

            try
            {
                await Task.Delay(options.Value.PollInterval, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
