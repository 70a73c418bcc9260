using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using PatentTransfer.Matching.Recommend;
using PatentTransfer.Matching.Search;
using PatentTransfer.Matching.Text.Analysis;

namespace PatentTransfer.Cli;

/// <summary>
/// <c>search eval</c>: indexes a patent corpus with each analyzer in turn, runs each demand (title and content) as a
/// query and prints, per analyzer, the index time and the ranking figures of shared/eval/score.py (MRR@10,
/// Recall@10, Recall@50, nDCG@10) against the judgments; optionally writes the runs for score.py. The "index"
/// engine is the portal's <see cref="PatentSearchIndex"/>; the "baseline" engine is the documented peer (one field
/// of title+abstract+claims, BM25, the demand as an OR of its distinct terms), kept to check that the set-up
/// reproduces the published figure before comparing anything.
/// </summary>
internal static class SearchEvaluation
{
    public sealed record Settings(
        string PatentsPath,
        string QueriesPath,
        string QrelsPath,
        string? RunDirectory,
        IReadOnlyList<ChineseAnalyzerKind> Analyzers,
        bool Baseline,
        int Take,
        PatentFieldBoosts? Boosts,
        float? TieBreaker,
        bool KeepStopWords);

    public static async Task<int> RunAsync(Settings settings, TextWriter output, CancellationToken cancellationToken)
    {
        var patents = PatentCorpus.ReadPatents(settings.PatentsPath);
        var demands = PatentCorpus.ReadDemands(settings.QueriesPath);
        var judgments = RankingMetrics.ReadJudgments(settings.QrelsPath);
        var ids = patents.Select((_, i) => SequentialGuid(i)).ToArray();
        var corpusIds = ids.Select((id, i) => (id, patents[i].Id)).ToDictionary(p => p.id, p => p.Item2);
        var engineName = settings.Baseline ? "baseline" : "index";
        var defaults = new PatentSearchOptions();
        await WriteAsync(output, $"{demands.Count} demands from {settings.QueriesPath}, {judgments.Count} judged in {settings.QrelsPath}; {patents.Count} patents from {settings.PatentsPath}");
        if (settings.Baseline)
        {
            await WriteAsync(output, $"engine baseline: one field of title+abstract+claims, BM25, the demand as an OR of its distinct terms, top {settings.Take}");
        }
        else
        {
            await WriteAsync(output, $"engine index: field boosts {Describe(settings.Boosts ?? defaults.FieldBoosts)}, tie-breaker {settings.TieBreaker ?? defaults.FieldTieBreaker}, stop words {(settings.KeepStopWords ? "kept" : "removed")}, top {settings.Take}");
        }

        await WriteAsync(output, $"{"analyzer",-9} {"index s",8} {"MRR@10",7} {"R@10",6} {"R@50",6} {"nDCG@10",7} {"query p50 ms",12} {"p95 ms",7}");

        foreach (var analyzer in settings.Analyzers)
        {
            using var engine = settings.Baseline
                ? (IEvaluatedEngine)new BaselineEngine(analyzer)
                : new IndexEngine(IndexOptions(settings, analyzer));
            var started = Stopwatch.GetTimestamp();
            engine.Build(patents.Select((p, i) => PatentCorpus.ToDocument(p, ids[i])), cancellationToken);
            var buildTime = Stopwatch.GetElapsedTime(started);

            var latencies = new List<double>(demands.Count);
            var rankings = new Dictionary<string, IReadOnlyList<RunResult>>(StringComparer.Ordinal);
            foreach (var demand in demands)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var queryStarted = Stopwatch.GetTimestamp();
                var results = engine.Search($"{demand.Title}\n{demand.Content}", settings.Take);
                latencies.Add(Stopwatch.GetElapsedTime(queryStarted).TotalMilliseconds);
                rankings[demand.Id] = results.Select(r => new RunResult(corpusIds[r.Id], r.Score)).ToList();
            }

            var figures = RankingMetrics.Score(judgments, rankings.ToDictionary(r => r.Key, r => (IReadOnlyList<string>)r.Value.Select(x => x.PatentId).ToList()));
            await WriteAsync(output,
                $"{analyzer,-9} {buildTime.TotalSeconds,8:0.00} {figures.Mrr10,7:0.000} {figures.Recall10,6:0.000} {figures.Recall50,6:0.000} {figures.Ndcg10,7:0.000} {SearchBenchmark.Percentile(latencies, 50),12:0.0} {SearchBenchmark.Percentile(latencies, 95),7:0.0}");

            if (settings.RunDirectory is { } folder)
            {
                System.IO.Directory.CreateDirectory(folder);
                var path = Path.Combine(folder, $"{engineName}-{analyzer.ToString().ToLowerInvariant()}.jsonl");
                await using var run = new StreamWriter(path);
                foreach (var demand in demands)
                {
                    await run.WriteLineAsync(JsonSerializer.Serialize(new RunLine(demand.Id, rankings[demand.Id]), PatentCorpus.JsonOptions));
                }

                await WriteAsync(output, $"  run written to {path}");
            }
        }

        return 0;
    }

    /// <summary>Deterministic ids, so that two runs over the same file index the same documents the same way.</summary>
    public static Guid SequentialGuid(int index) => new(index + 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    private static string Describe(PatentFieldBoosts boosts) =>
        string.Create(CultureInfo.InvariantCulture, $"title {boosts.Title}, abstract {boosts.Abstract}, claims {boosts.Claims}, keywords {boosts.Keywords}");

    private static Task WriteAsync(TextWriter output, FormattableString line) =>
        output.WriteLineAsync(line.ToString(CultureInfo.InvariantCulture));

    private static PatentSearchOptions IndexOptions(Settings settings, ChineseAnalyzerKind analyzer)
    {
        var options = new PatentSearchOptions { Analyzer = analyzer, RemoveStopWords = !settings.KeepStopWords };
        if (settings.Boosts is not null)
        {
            options.FieldBoosts = settings.Boosts;
        }

        if (settings.TieBreaker is { } tie)
        {
            options.FieldTieBreaker = tie;
        }

        return options;
    }

    private sealed record RunLine(string DemandId, IReadOnlyList<RunResult> Results);

    private sealed record RunResult(string PatentId, float Score);

    private readonly record struct Scored(Guid Id, float Score);

    private interface IEvaluatedEngine : IDisposable
    {
        void Build(IEnumerable<PatentDocument> patents, CancellationToken cancellationToken);

        IReadOnlyList<Scored> Search(string text, int take);
    }

    private sealed class IndexEngine(PatentSearchOptions options) : IEvaluatedEngine
    {
        private readonly PatentSearchIndex _index = new(options);

        public void Build(IEnumerable<PatentDocument> patents, CancellationToken cancellationToken) => _index.Rebuild(patents, cancellationToken);

        public IReadOnlyList<Scored> Search(string text, int take) =>
            _index.Search(new PatentSearchQuery(text, Take: take)).Hits.Select(h => new Scored(h.Id, h.Score)).ToList();

        public void Dispose() => _index.Dispose();
    }

    /// <summary>The peer of shared/eval/README.md (<see cref="BaselinePatentIndex"/>).</summary>
    private sealed class BaselineEngine(ChineseAnalyzerKind analyzer) : IEvaluatedEngine
    {
        private readonly BaselinePatentIndex _index = new(analyzer);

        public void Build(IEnumerable<PatentDocument> patents, CancellationToken cancellationToken) => _index.Build(patents, cancellationToken);

        public IReadOnlyList<Scored> Search(string text, int take) =>
            _index.Search(text, take).Select(h => new Scored(h.Id, h.Score)).ToList();

        public void Dispose() => _index.Dispose();
    }
}
