using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Analysis.TokenAttributes;
using PatentTransfer.Matching.Search;
using PatentTransfer.Matching.Text.Analysis;

namespace PatentTransfer.Cli;

/// <summary>
/// <c>bench search</c>: builds the index over generated benchmark patents (<see cref="BenchmarkPatentGenerator"/>)
/// and times realistic searches in process: short queries of 1–4 words taken from real titles, a fifth of them with
/// filters, and a few filter-only browses, each returning a page of 20 highlighted hits.
/// Prints figures; nothing is asserted.
/// </summary>
internal static class SearchBenchmark
{
    public sealed record Settings(string CorpusPath, int Patents, int Queries, ChineseAnalyzerKind Analyzer, int Seed, int Take);

    private const int WarmUpQueries = 50;

    /// <summary>Share of searches without text: someone browsing by filters alone.</summary>
    private const double BrowseShare = 0.05;

    /// <summary>Share of text searches that also set one to three filters.</summary>
    private const double FilteredShare = 0.2;
    private const int SimilarQueries = 50;

    public static async Task<int> RunAsync(Settings settings, TextWriter output, CancellationToken cancellationToken)
    {
        var corpus = PatentCorpus.ReadPatents(settings.CorpusPath);
        await WriteAsync(output, $"corpus: {corpus.Count} real patents from {settings.CorpusPath}");

        var started = Stopwatch.GetTimestamp();
        var patents = BenchmarkPatentGenerator.Generate(corpus, settings.Patents, settings.Seed);
        var characters = patents.Sum(p => (long)p.Title.Length + p.Abstract.Length + (p.Claims?.Length ?? 0));
        await WriteAsync(output, $"generated {patents.Count} benchmark patents (recombined real texts, seed {settings.Seed}, {characters / (double)patents.Count:0} characters each on average) in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");

        using var index = new PatentSearchIndex(new PatentSearchOptions { Analyzer = settings.Analyzer });
        started = Stopwatch.GetTimestamp();
        index.Rebuild(patents, cancellationToken);
        var build = Stopwatch.GetElapsedTime(started);
        await WriteAsync(output, $"index build ({settings.Analyzer}, {Environment.ProcessorCount} cores): {index.Count} patents in {build.TotalSeconds:0.0} s, {patents.Count / build.TotalSeconds:0} docs/s");
        await WriteAsync(output, $"memory after build: working set {WorkingSetMegabytes():0} MB, managed heap {GC.GetTotalMemory(forceFullCollection: true) / 1048576.0:0} MB");

        var queries = BenchmarkQueries(corpus, settings.Queries + WarmUpQueries, settings.Seed + 1, settings.Take);
        foreach (var query in queries.Take(WarmUpQueries))
        {
            index.Search(query);
        }

        var latencies = new List<double>(settings.Queries);
        long totalHits = 0;
        foreach (var query in queries.Skip(WarmUpQueries))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var queryStarted = Stopwatch.GetTimestamp();
            var result = index.Search(query);
            latencies.Add(Stopwatch.GetElapsedTime(queryStarted).TotalMilliseconds);
            totalHits += result.Total;
        }

        await WriteLatenciesAsync(output, $"search ({latencies.Count} queries after {WarmUpQueries} warm-up, page of {settings.Take})", latencies);
        await WriteAsync(output, $"  {queries.Skip(WarmUpQueries).Count(q => q.Text is null)} filter-only, {queries.Skip(WarmUpQueries).Count(HasFilter)} with filters; mean total hits {totalHits / (double)latencies.Count:0}");

        var random = new Random(settings.Seed + 2);
        var similar = new List<double>(SimilarQueries);
        for (var i = 0; i < SimilarQueries; i++)
        {
            var id = patents[random.Next(patents.Count)].Id;
            var queryStarted = Stopwatch.GetTimestamp();
            index.FindSimilar(id, 10);
            similar.Add(Stopwatch.GetElapsedTime(queryStarted).TotalMilliseconds);
        }

        await WriteLatenciesAsync(output, $"similar patents ({SimilarQueries} lookups, 10 each)", similar);
        await WriteAsync(output, $"memory at end: working set {WorkingSetMegabytes():0} MB");
        return 0;
    }

    /// <summary>Nearest-rank percentile of sorted or unsorted values.</summary>
    /// <summary>"p50 1.2 ms, p95 3.4 ms, p99 5.6 ms", as every benchmark line of the CLI gives them.</summary>
    public static string Percentiles(IReadOnlyList<double> latencies) => string.Create(
        CultureInfo.InvariantCulture,
        $"p50 {Percentile(latencies, 50):0.0} ms, p95 {Percentile(latencies, 95):0.0} ms, p99 {Percentile(latencies, 99):0.0} ms");

    public static double Percentile(IReadOnlyList<double> values, double percentile)
    {
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    private static List<PatentSearchQuery> BenchmarkQueries(IReadOnlyList<CorpusPatent> corpus, int count, int seed, int take)
    {
        var random = new Random(seed);
        // Words as a user would type them, cut by jieba whatever the analyzer under test, so that both analyzers
        // answer the same queries: whole words of two characters or more from real titles, without the 一种 that
        // opens nearly every title and that nobody types.
        using var analyzer = ChineseAnalyzers.Create(ChineseAnalyzerKind.Jieba);
        var titles = corpus.Select(p => p.Title).OfType<string>()
            .Select(title => Words(analyzer, title).Where(w => w.Length >= 2 && w != "一种").ToList())
            .Where(words => words.Count > 0)
            .ToArray();
        var queries = new List<PatentSearchQuery>(count);
        while (queries.Count < count)
        {
            string? text = null;
            if (random.NextDouble() >= BrowseShare)
            {
                var words = titles[random.Next(titles.Length)];
                var length = Math.Min(words.Count, random.Next(1, 5));
                var start = random.Next(0, words.Count - length + 1);
                text = string.Join(' ', words.Skip(start).Take(length));
            }

            var query = new PatentSearchQuery(text, Take: take, Sort: random.NextDouble() switch
            {
                < 0.8 => PatentSort.Relevance,
                < 0.9 => PatentSort.GrantDateNewest,
                _ => PatentSort.PriceLowest,
            });
            if (text is null || random.NextDouble() < FilteredShare)
            {
                query = WithFilters(query, random);
            }

            queries.Add(query);
        }

        return queries;
    }

    private static PatentSearchQuery WithFilters(PatentSearchQuery query, Random random)
    {
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var subclass = BenchmarkPatentGenerator.IpcSubclasses[random.Next(BenchmarkPatentGenerator.IpcSubclasses.Count)];
            query = random.Next(8) switch
            {
                0 => query with { CityCode = BenchmarkPatentGenerator.CityCodes[random.Next(BenchmarkPatentGenerator.CityCodes.Count)] },
                1 => query with { PatentType = random.NextDouble() < 0.7 ? "Invention" : "UtilityModel" },
                2 => query with { IpcPrefix = random.Next(3) switch { 0 => subclass[..1], 1 => subclass[..3], _ => subclass } },
                3 => query with { ListedOnly = true },
                4 => query with { ValidOnly = true },
                5 => query with { PriceMin = 10_000m, PriceMax = random.Next(1, 20) * 100_000m, ListedOnly = true },
                6 => query with { OfferedMode = BenchmarkPatentGenerator.OfferedModes[random.Next(BenchmarkPatentGenerator.OfferedModes.Count)] },
                _ => query with { SleepingOnly = true },
            };
        }

        return query;
    }

    private static bool HasFilter(PatentSearchQuery query) =>
        query.CityCode is not null || query.PatentType is not null || query.IpcPrefix is not null || query.ListedOnly || query.ValidOnly
        || query.PriceMin is not null || query.OfferedMode is not null || query.SleepingOnly;

    private static List<string> Words(Lucene.Net.Analysis.Analyzer analyzer, string text)
    {
        var words = new List<string>();
        using var stream = analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            // Whole words only, not the shorter words jieba adds inside them.
            if (increment.PositionIncrement > 0)
            {
                words.Add(term.ToString());
            }
        }

        stream.End();
        return words;
    }

    private static async Task WriteLatenciesAsync(TextWriter output, string label, List<double> latencies) =>
        await WriteAsync(output,
            $"{label}: {Percentiles(latencies)}, mean {latencies.Average():0.0} ms, max {latencies.Max():0.0} ms");

    private static double WorkingSetMegabytes()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64 / 1048576.0;
    }

    private static Task WriteAsync(TextWriter output, FormattableString line) =>
        output.WriteLineAsync(line.ToString(CultureInfo.InvariantCulture));
}
