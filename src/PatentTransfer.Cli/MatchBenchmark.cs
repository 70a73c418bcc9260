using System.Diagnostics;
using System.Globalization;
using PatentTransfer.Matching.Recommend;
using PatentTransfer.Matching.Search;

namespace PatentTransfer.Cli;

/// <summary>
/// <c>bench match</c>: index build time, memory and top-10 latency of the matching engine and of the BM25 peer,
/// each in turn, over the real corpus or over generated patents (<see cref="BenchmarkPatentGenerator"/>: recombined
/// real texts, never shown as real). The queries are real SME demands (the BDCI texts shipped with the seeder, or
/// any demand file), taken in turn. Prints figures; nothing is asserted.
/// </summary>
internal static class MatchBenchmark
{
    public const string Usage = """
          bench match [--patents 100000|real] [--corpus FILE] [--demands FILE] [--queries 200] [--engine ours|baseline|both]
                      [--seed 42] [--warmup 500] [--rounds 1] [--paired] [--set name=value,...] [--sweep "name=value,...;name=value,..."]
                              time index build, memory and top-10 matching latency of our engine and the BM25 peer
                              over the real corpus or N generated patents (recombined real texts); --rounds N
                              repeats the whole run N times (engines in turn, a fresh index each time) and
                              adds the percentiles of each demand's median latency; --paired asks both engines
                              each demand in turn (both indexes built) instead of one engine's run after the
                              other's; with both engines, prints ours/baseline at p50 and p95 with a 95% interval
                              from resampling the demands; --sweep repeats our engine's queries on the same index
                              with query-time options changed
        """;

    public const string ShippedDemands = "src/PatentTransfer.Infrastructure/Data/Seeding/ReferenceData/bdci2019-requirements.jsonl";

    // Enough for .NET's tiered compilation to have replaced the first, unoptimised code of both engines: with 20, the
    // first timed run of our engine (more code than the baseline's) still ran partly unoptimised and measured up to
    // twice its steady state, and whichever setting a sweep timed first looked slowest.
    private const int DefaultWarmUp = 500;
    private const int Take = 10;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            var options = CommandOptions.Parse(args.Skip(2), ["corpus", "demands", "patents", "engine", "queries", "seed", "warmup", "rounds", "paired", "set", "sweep"]);
            var corpusPath = options.Value("corpus") ?? PatentCorpus.FindShippedCopy()
                ?? throw new ArgumentException($"the patent corpus was not found at {PatentCorpus.ShippedCopy}; pass --corpus FILE");
            var demandsPath = options.Value("demands") ?? PatentCorpus.FindShipped(ShippedDemands)
                ?? throw new ArgumentException($"no demands at {ShippedDemands}; pass --demands FILE");
            var size = options.Value("patents") ?? "100000";
            int? generated = size == "real"
                ? null
                : int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0
                    ? count
                    : throw new ArgumentException($"--patents takes a number of generated patents or 'real', not '{size}'");
            var engines = (options.Value("engine") ?? "both") switch
            {
                "both" => new[] { "baseline", "ours" },
                "ours" => ["ours"],
                "baseline" => ["baseline"],
                var other => throw new ArgumentException($"unknown engine '{other}' (ours, baseline or both)"),
            };
            var queries = Math.Max(1, options.Integer("queries") ?? 200);
            var seed = options.Integer("seed") ?? 42;
            var rounds = Math.Max(1, options.Integer("rounds") ?? 1);
            var warmUp = Math.Max(0, options.Integer("warmup") ?? DefaultWarmUp);
            var paired = options.Flag("paired");
            if (paired && engines.Length != 2)
            {
                throw new ArgumentException("--paired times both engines on each demand: leave --engine at both");
            }

            if (paired && options.Value("sweep") is not null)
            {
                throw new ArgumentException("--sweep times our engine alone: it cannot be paired");
            }

            var matchOptions = MatchCommand.Settings(options);
            var sweep = (options.Value("sweep") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

            var corpus = PatentCorpus.ReadPatents(corpusPath);
            var demands = PatentCorpus.ReadDemands(demandsPath);
            if (demands.Count == 0)
            {
                throw new ArgumentException($"no demands in {demandsPath}");
            }

            await Line(output, generated is { } n
                ? (FormattableString)$"patents: {n} generated from the {corpus.Count} real patents of {corpusPath} (recombined texts, seed {seed}); demands: {demands.Count} from {demandsPath}, {queries} queries after {warmUp} warm-up, top {Take}"
                : $"patents: the {corpus.Count} real patents of {corpusPath}; demands: {demands.Count} from {demandsPath}, {queries} queries after {warmUp} warm-up, top {Take}");
            IEnumerable<PatentDocument> Patents() => generated is { } n2
                ? BenchmarkPatentGenerator.Stream(corpus, n2, seed)
                : corpus.Select((p, i) => PatentCorpus.ToDocument(p, SearchEvaluation.SequentialGuid(i)));

            var today = DateOnly.FromDateTime(DateTime.Today);
            // On a shared two-core machine one run's 95th percentile moves by a fifth from run to run, and a query
            // that meets a garbage collection or a busy neighbour counts as slow. With rounds, each demand's latency is
            // also taken as its median over the rounds, and the percentiles are read over those medians: the engines
            // alternate round by round, each round with a fresh index (so that no timed demand was seen before by the
            // index that answers it, as in a single run), and what is left is the spread over demands.
            var latencies = engines.ToDictionary(engine => engine, _ => new List<List<double>>());
            for (var round = 1; round <= rounds; round++)
            {
                if (paired)
                {
                    var byEngine = await RunPairedAsync(engines, round, Patents, demands, queries, warmUp, matchOptions, today, round == 1 ? output : null, cancellationToken);
                    for (var e = 0; e < engines.Length; e++)
                    {
                        latencies[engines[e]].Add(byEngine[e]);
                    }

                    continue;
                }

                foreach (var engine in engines)
                {
                    latencies[engine].Add(await RunEngineAsync(
                        engine, Patents, demands, queries, warmUp, matchOptions, round == 1 && engine == "ours" ? sweep : [], today, round == 1 ? output : null, cancellationToken));
                }
            }

            // Each demand's latency: its median over the rounds (with one round, the round's).
            var perDemand = latencies.ToDictionary(
                entry => entry.Key, List<double> (entry) => [.. Enumerable.Range(0, queries).Select(i => Median(entry.Value.Select(r => r[i])))]);
            if (rounds > 1)
            {
                foreach (var (engine, byRound) in latencies)
                {
                    await Line(output, $"{engine}: median of {rounds} rounds per demand, top-{Take} latency {SearchBenchmark.Percentiles(perDemand[engine])}; one round's p95 from {byRound.Min(r => SearchBenchmark.Percentile(r, 95)):0.0} to {byRound.Max(r => SearchBenchmark.Percentile(r, 95)):0.0} ms");
                }
            }

            if (engines.Length == 2)
            {
                foreach (var percentile in (double[])[50, 95])
                {
                    var ratio = LatencyRatio.Of(perDemand["ours"], perDemand["baseline"], percentile);
                    await Line(output, $"ours/baseline at p{percentile:0}: {ratio.Ratio:0.00}x, 95% interval {ratio.Low:0.00}-{ratio.High:0.00}x over the {queries} demands resampled{(rounds > 1 ? $" (each demand's median of {rounds} rounds)" : "")}{(paired ? ", engines alternating demand by demand" : "")}");
                }
            }

            return 0;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or FileNotFoundException or InvalidDataException)
        {
            await error.WriteLineAsync(ex.Message);
            return 2;
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>Builds the engine's index, times the queries (printing the figures to <paramref name="output"/> unless it is null) and returns the latencies.</summary>
    private static async Task<List<double>> RunEngineAsync(
        string engine,
        Func<IEnumerable<PatentDocument>> patents,
        List<CorpusDemand> demands,
        int queries,
        int warmUp,
        MatchOptions matchOptions,
        string[] sweep,
        DateOnly today,
        TextWriter? output,
        CancellationToken cancellationToken)
    {
        var (search, index) = await BuildAsync(engine, patents, matchOptions, today, output, cancellationToken);
        using (index)
        {
            var latencies = await TimeQueriesAsync(engine, search, demands, queries, warmUp, output, cancellationToken);
            foreach (var change in sweep)
            {
                // The index reads its options at query time, so query-time options can change between runs.
                MatchCommand.Apply(matchOptions, change, "--sweep");

                await TimeQueriesAsync($"{engine} [{change}]", search, demands, queries, warmUp, output, cancellationToken);
            }

            return latencies;
        }
    }

    /// <summary>Builds the engine's index and prints its build time and memory; the caller disposes the index.</summary>
    private static async Task<(Func<CorpusDemand, int> Search, IDisposable Index)> BuildAsync(
        string engine, Func<IEnumerable<PatentDocument>> patents, MatchOptions matchOptions, DateOnly today, TextWriter? output, CancellationToken cancellationToken)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var started = Stopwatch.GetTimestamp();
        Func<CorpusDemand, int> search;
        IDisposable index;
        int indexed;
        if (engine == "baseline")
        {
            var baseline = new BaselinePatentIndex();
            baseline.Build(patents(), cancellationToken);
            index = baseline;
            indexed = -1;
            search = demand => baseline.Search($"{demand.Title}\n{demand.Content}", Take).Count;
        }
        else
        {
            var ours = new PatentMatchIndex(matchOptions);
            ours.Rebuild(patents(), cancellationToken);
            index = ours;
            indexed = ours.Count;
            search = demand => ours.Recommend(new DemandProfile(demand.Title, demand.Content), Take, today).Count;
        }

        var build = Stopwatch.GetElapsedTime(started);
        var heap = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        using var process = Process.GetCurrentProcess();
        await Line(output, $"{engine}: index build {build.TotalSeconds:0.0} s{(indexed >= 0 ? $" ({indexed} patents)" : "")}, managed heap +{heap / 1048576.0:0} MB, working set {process.WorkingSet64 / 1048576.0:0} MB, peak {process.PeakWorkingSet64 / 1048576.0:0} MB");
        return (search, index);
    }

    /// <summary>
    /// One paired round: both engines' indexes are built and warmed up, then each timed demand is asked of both, one
    /// after the other, the first to answer alternating from demand to demand and round to round. Whatever slows the
    /// machine for a moment (a neighbour, the other core's work) then falls on both engines' answers to the same demand
    /// rather than on one engine's whole run. Returns the latencies by engine, in the order of <paramref name="engines"/>.
    /// </summary>
    private static async Task<List<double>[]> RunPairedAsync(
        string[] engines,
        int round,
        Func<IEnumerable<PatentDocument>> patents,
        List<CorpusDemand> demands,
        int queries,
        int warmUp,
        MatchOptions matchOptions,
        DateOnly today,
        TextWriter? output,
        CancellationToken cancellationToken)
    {
        var built = new List<(Func<CorpusDemand, int> Search, IDisposable Index)>();
        try
        {
            foreach (var engine in engines)
            {
                built.Add(await BuildAsync(engine, patents, matchOptions, today, output, cancellationToken));
            }

            foreach (var (search, _) in built)
            {
                WarmUp(search, demands, queries, warmUp);
            }

            var latencies = engines.Select(_ => new List<double>(queries)).ToArray();
            var allocated = new long[engines.Length];
            var collections = new int[engines.Length];
            for (var i = 0; i < queries; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var demand = demands[i % demands.Count];
                for (var turn = 0; turn < engines.Length; turn++)
                {
                    var e = (i + round) % 2 == 0 ? turn : engines.Length - 1 - turn;
                    var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                    var collectionsBefore = GC.CollectionCount(0);
                    var queryStarted = Stopwatch.GetTimestamp();
                    built[e].Search(demand);
                    latencies[e].Add(Stopwatch.GetElapsedTime(queryStarted).TotalMilliseconds);
                    allocated[e] += GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
                    collections[e] += GC.CollectionCount(0) - collectionsBefore;
                }
            }

            for (var e = 0; e < engines.Length; e++)
            {
                await Line(output, $"{engines[e]} (paired): top-{Take} latency {SearchBenchmark.Percentiles(latencies[e])} ({queries} demands); allocated {allocated[e] / 1024.0 / queries:0} KB a query, {collections[e]} collections during its queries");
            }

            return latencies;
        }
        finally
        {
            foreach (var (_, index) in built)
            {
                index.Dispose();
            }
        }
    }

    /// <summary>
    /// Asks the engine the demands that are not timed (the timed ones are the first <paramref name="queries"/>), in
    /// turn, so that no timed demand has been seen before (the synonym bridge keeps the frequencies it read for as long
    /// as the index does not change: words shared with other demands are fair gains, a demand met twice is not). When
    /// every demand is timed, there are none left to warm up on but the timed ones.
    /// </summary>
    private static void WarmUp(Func<CorpusDemand, int> search, List<CorpusDemand> demands, int queries, int warmUp)
    {
        var (first, untimed) = demands.Count > queries ? (queries, demands.Count - queries) : (0, demands.Count);
        for (var i = 0; i < warmUp; i++)
        {
            search(demands[first + (i % untimed)]);
        }
    }

    private static async Task<List<double>> TimeQueriesAsync(
        string label, Func<CorpusDemand, int> search, List<CorpusDemand> demands, int queries, int warmUp, TextWriter? output, CancellationToken cancellationToken)
    {
        WarmUp(search, demands, queries, warmUp);

        var latencies = new List<double>(queries);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var collectionsBefore = GC.CollectionCount(0);
        var pausedBefore = GC.GetTotalPauseDuration();
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        for (var i = 0; i < queries; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var demand = demands[i % demands.Count];
            var queryStarted = Stopwatch.GetTimestamp();
            search(demand);
            latencies.Add(Stopwatch.GetElapsedTime(queryStarted).TotalMilliseconds);
        }

        // What the queries leave to the garbage collector, which pauses them: its collections fall on a few queries and
        // show in the high percentiles.
        var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)queries;
        var collections = GC.CollectionCount(0) - collectionsBefore;
        var paused = GC.GetTotalPauseDuration() - pausedBefore;
        process.Refresh();
        // Processor time of the whole process (every thread, the collector's too) per query: what a query costs the
        // machine, where the latency is what it costs the user.
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / queries;
        await Line(output, $"{label}: top-{Take} latency {SearchBenchmark.Percentiles(latencies)} ({queries} demands); processor {cpu:0.0} ms a query, allocated {allocated / 1024:0} KB a query, {collections} collections pausing {paused.TotalMilliseconds:0.0} ms in all");
        return latencies;
    }

    private static Task Line(TextWriter? output, FormattableString line) => output?.WriteLineAsync(line.ToString(CultureInfo.InvariantCulture)) ?? Task.CompletedTask;
}
