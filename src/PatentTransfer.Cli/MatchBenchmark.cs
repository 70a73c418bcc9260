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
                      [--seed 42] [--set name=value,...] [--sweep "name=value,...;name=value,..."]
                              time index build, memory and top-10 matching latency of our engine and the BM25 peer
                              over the real corpus or N generated patents (recombined real texts); --sweep
                              repeats our engine's queries on the same index with query-time options changed
        """;

    public const string ShippedDemands = "src/PatentTransfer.Infrastructure/Data/Seeding/ReferenceData/bdci2019-requirements.jsonl";

    // Enough for .NET's tiered compilation to have replaced the first, unoptimised code of both engines: with 20, the
    // first timed run of our engine (more code than the baseline's) still ran partly unoptimised and measured up to
    // twice its steady state, and whichever setting a sweep timed first looked slowest.
    private const int WarmUpQueries = 500;
    private const int Take = 10;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            var options = CommandOptions.Parse(args.Skip(2));
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
            var matchOptions = MatchCommand.Settings(options);
            var sweep = (options.Value("sweep") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

            var corpus = PatentCorpus.ReadPatents(corpusPath);
            var demands = PatentCorpus.ReadDemands(demandsPath);
            if (demands.Count == 0)
            {
                throw new ArgumentException($"no demands in {demandsPath}");
            }

            await Line(output, generated is { } n
                ? (FormattableString)$"patents: {n} generated from the {corpus.Count} real patents of {corpusPath} (recombined texts, seed {seed}); demands: {demands.Count} from {demandsPath}, {queries} queries after {WarmUpQueries} warm-up, top {Take}"
                : $"patents: the {corpus.Count} real patents of {corpusPath}; demands: {demands.Count} from {demandsPath}, {queries} queries after {WarmUpQueries} warm-up, top {Take}");
            IEnumerable<PatentDocument> Patents() => generated is { } n2
                ? BenchmarkPatentGenerator.Stream(corpus, n2, seed)
                : corpus.Select((p, i) => PatentCorpus.ToDocument(p, SearchEvaluation.SequentialGuid(i)));

            var today = DateOnly.FromDateTime(DateTime.Today);
            foreach (var engine in engines)
            {
                await RunEngineAsync(engine, Patents, demands, queries, matchOptions, engine == "ours" ? sweep : [], today, output, cancellationToken);
            }

            return 0;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or FileNotFoundException or InvalidDataException)
        {
            await error.WriteLineAsync(ex.Message);
            return 2;
        }
    }

    private static async Task RunEngineAsync(
        string engine,
        Func<IEnumerable<PatentDocument>> patents,
        List<CorpusDemand> demands,
        int queries,
        MatchOptions matchOptions,
        string[] sweep,
        DateOnly today,
        TextWriter output,
        CancellationToken cancellationToken)
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

        using (index)
        {
            var build = Stopwatch.GetElapsedTime(started);
            var heap = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
            using var process = Process.GetCurrentProcess();
            await Line(output, $"{engine}: index build {build.TotalSeconds:0.0} s{(indexed >= 0 ? $" ({indexed} patents)" : "")}, managed heap +{heap / 1048576.0:0} MB, working set {process.WorkingSet64 / 1048576.0:0} MB, peak {process.PeakWorkingSet64 / 1048576.0:0} MB");

            await TimeQueriesAsync(engine, search, demands, queries, output, cancellationToken);
            foreach (var change in sweep)
            {
                // The index reads its options at query time, so query-time options can change between runs.
                foreach (var setting in change.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var parts = setting.Split('=', 2, StringSplitOptions.TrimEntries);
                    matchOptions.Set(parts[0], parts.Length == 2 ? parts[1] : throw new ArgumentException($"--sweep takes name=value pairs, not '{setting}'"));
                }

                await TimeQueriesAsync($"{engine} [{change}]", search, demands, queries, output, cancellationToken);
            }
        }
    }

    private static async Task TimeQueriesAsync(
        string label, Func<CorpusDemand, int> search, List<CorpusDemand> demands, int queries, TextWriter output, CancellationToken cancellationToken)
    {
        // Warm up on the demands that are not timed (the timed ones are the first `queries`), in turn, so that no timed
        // demand has been seen before (the synonym bridge keeps the frequencies it read for as long as the index does not
        // change: words shared with other demands are fair gains, a demand met twice is not). When every demand is
        // timed, there are none left to warm up on but the timed ones.
        var (first, untimed) = demands.Count > queries ? (queries, demands.Count - queries) : (0, demands.Count);
        for (var i = 0; i < WarmUpQueries; i++)
        {
            search(demands[first + (i % untimed)]);
        }

        var latencies = new List<double>(queries);
        for (var i = 0; i < queries; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var demand = demands[i % demands.Count];
            var queryStarted = Stopwatch.GetTimestamp();
            search(demand);
            latencies.Add(Stopwatch.GetElapsedTime(queryStarted).TotalMilliseconds);
        }

        await Line(output, $"{label}: top-{Take} latency p50 {SearchBenchmark.Percentile(latencies, 50):0.0} ms, p95 {SearchBenchmark.Percentile(latencies, 95):0.0} ms, p99 {SearchBenchmark.Percentile(latencies, 99):0.0} ms ({queries} demands)");
    }

    private static Task Line(TextWriter output, FormattableString line) => output.WriteLineAsync(line.ToString(CultureInfo.InvariantCulture));
}
