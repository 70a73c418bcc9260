using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using PatentTransfer.Matching.Recommend;

namespace PatentTransfer.Cli;

/// <summary>
/// <c>match</c>: the offline evaluation of the matching engine. Indexes the patents of a JSON-lines file (no
/// database), ranks patents for each demand of another and writes one line per demand, in input order, with the
/// best <c>--top</c> patents and their scores (the run format of shared/eval/score.py). Prints the index time and
/// the per-demand latency percentiles; with <c>--qrels</c> also the ranking figures.
/// </summary>
internal static class MatchCommand
{
    public const string Usage = """
          match --patents P.jsonl --demands D.jsonl [--top 10] [--out RUN.jsonl] [--engine ours|baseline]
                [--qrels QRELS.jsonl] [--set name=value,...] [--explain DEMAND_ID] [--reverse]
                              rank patents for each demand (no database): our engine, or the plain BM25 peer;
                              prints index time and latency p50/p95/p99, with --qrels MRR@10, Recall@10/50, nDCG@10;
                              --set changes matching options for an experiment (see MatchOptions); --explain prints
                              one demand's query terms and its best patents with the words they matched; --reverse
                              ranks demands for each patent instead (the holder's 匹配需求): one line per patent
                              {"patent_id", "results": [{"demand_id", "score"}]}, with --qrels only the judged patents,
                              scored against the judgments read the other way round
        """;

    /// <summary>Demands run once before timing, so that the percentiles measure searching rather than JIT compiling.</summary>
    private const int WarmUpDemands = 10;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            var options = CommandOptions.Parse(args.Skip(1), ["patents", "demands", "top", "out", "engine", "qrels", "explain", "reverse", "set"]);
            var patentsPath = ExistingFile(options.Required("patents"));
            var demandsPath = ExistingFile(options.Required("demands"));
            var top = options.Integer("top") ?? 10;
            if (top is < 1 or > 1000)
            {
                throw new ArgumentException("--top takes a number from 1 to 1000");
            }

            var engineName = options.Value("engine") ?? "ours";
            if (engineName is not ("ours" or "baseline"))
            {
                throw new ArgumentException($"unknown engine '{engineName}' (ours or baseline)");
            }

            var matchOptions = Settings(options);
            var qrels = options.Value("qrels") is { } q ? RankingMetrics.ReadJudgments(ExistingFile(q)) : null;
            if (options.Value("explain") is { } explain)
            {
                return await ExplainAsync(patentsPath, demandsPath, explain, matchOptions, output, cancellationToken);
            }

            var run = new RunSettings(patentsPath, demandsPath, top, options.Value("out"), engineName, matchOptions, qrels);
            return options.Flag("reverse") ? await ReverseAsync(run, output, cancellationToken) : await RunAsync(run, output, cancellationToken);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or FileNotFoundException or InvalidDataException or JsonException)
        {
            await error.WriteLineAsync(ex.Message);
            return 2;
        }
    }

    /// <summary>Matching options with the <c>--set name=value,...</c> changes applied.</summary>
    public static MatchOptions Settings(CommandOptions options)
    {
        var matchOptions = new MatchOptions();
        Apply(matchOptions, options.Value("set"), "--set");
        return matchOptions;
    }

    /// <summary>Applies "name=value,name=value" to <paramref name="matchOptions"/>; <paramref name="option"/> names the option in a refusal.</summary>
    public static void Apply(MatchOptions matchOptions, string? settings, string option)
    {
        foreach (var setting in (settings ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = setting.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2)
            {
                throw new ArgumentException($"{option} takes name=value pairs, not '{setting}'");
            }

            matchOptions.Set(parts[0], parts[1]);
        }
    }

    private static async Task<int> RunAsync(
        RunSettings run, TextWriter output, CancellationToken cancellationToken)
    {
        var (patentsPath, demandsPath, top, outPath, engineName, matchOptions, qrels) = run;
        var patents = PatentCorpus.ReadPatents(patentsPath);
        var demands = PatentCorpus.ReadDemands(demandsPath);
        var ids = patents.Select((_, i) => SearchEvaluation.SequentialGuid(i)).ToArray();
        var corpusIds = ids.Select((id, i) => (id, patents[i].Id)).ToDictionary(p => p.id, p => p.Item2);
        var documents = patents.Select((p, i) => PatentCorpus.ToDocument(p, ids[i]));
        var today = DateOnly.FromDateTime(DateTime.Today);

        using var engine = engineName == "baseline" ? (IEngine)new Baseline() : new Ours(matchOptions);
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var started = Stopwatch.GetTimestamp();
        engine.Build(documents, cancellationToken);
        var buildTime = Stopwatch.GetElapsedTime(started);
        var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
        await Line(output, $"engine {engineName}: indexed {patents.Count} patents from {patentsPath} in {buildTime.TotalSeconds:0.00} s (managed heap +{(memoryAfter - memoryBefore) / 1048576.0:0} MB)");

        foreach (var demand in demands.Take(WarmUpDemands))
        {
            engine.Rank(demand, top, today);
        }

        var latencies = new List<double>(demands.Count);
        var runs = new List<(string DemandId, IReadOnlyList<(string PatentId, double Score)> Results)>(demands.Count);
        foreach (var demand in demands)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var queryStarted = Stopwatch.GetTimestamp();
            var ranked = engine.Rank(demand, top, today);
            latencies.Add(Stopwatch.GetElapsedTime(queryStarted).TotalMilliseconds);
            runs.Add((demand.Id, ranked.Select(r => (corpusIds[r.Id], r.Score)).ToList()));
        }

        await ReportAsync(
            output,
            $"{demands.Count} demands from {demandsPath}, top {top}",
            latencies,
            outPath,
            runs.Select(r => JsonSerializer.Serialize(new RunLine(r.DemandId, [.. r.Results.Select(x => new RunResult(x.PatentId, Math.Round(x.Score, 6)))]), PatentCorpus.JsonOptions)),
            qrels,
            runs.ToDictionary(r => r.DemandId, r => (IReadOnlyList<string>)[.. r.Results.Select(x => x.PatentId)]),
            "judged demands");
        return 0;
    }

    /// <summary>
    /// The other direction: the demands indexed (our <see cref="DemandMatchIndex"/>, or the BM25 peer over title and
    /// text), each patent's title, abstract and claims the query. With judgments only the judged patents are asked.
    /// </summary>
    private static async Task<int> ReverseAsync(
        RunSettings run, TextWriter output, CancellationToken cancellationToken)
    {
        var (patentsPath, demandsPath, top, outPath, engineName, matchOptions, qrels) = run;
        var patents = PatentCorpus.ReadPatents(patentsPath);
        var demands = PatentCorpus.ReadDemands(demandsPath);
        var judgments = qrels?
            .SelectMany(q => q.Value.Select(p => (Patent: p.Key, Demand: q.Key, Grade: p.Value)))
            .GroupBy(j => j.Patent, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToDictionary(j => j.Demand, j => j.Grade, StringComparer.Ordinal), StringComparer.Ordinal);
        var queries = patents
            .Select((p, i) => (Patent: p, Document: PatentCorpus.ToDocument(p, SearchEvaluation.SequentialGuid(i))))
            .Where(q => judgments is null || judgments.ContainsKey(q.Patent.Id))
            .ToList();
        var demandIds = demands.Select((d, i) => (Guid: SearchEvaluation.SequentialGuid(i), d.Id)).ToDictionary(d => d.Guid, d => d.Id);
        var today = DateOnly.FromDateTime(DateTime.Today);

        using var demandIndex = engineName == "ours" ? new DemandMatchIndex(matchOptions) : null;
        using var peer = engineName == "baseline" ? new BaselinePatentIndex() : null;
        var started = Stopwatch.GetTimestamp();
        demandIndex?.Rebuild(demands.Select((d, i) => new DemandMatchDocument(SearchEvaluation.SequentialGuid(i), new DemandProfile(d.Title, d.Content))), cancellationToken);
        peer?.Build(demands.Select((d, i) => PatentCorpus.ToDocument(new CorpusPatent(d.Id, null, d.Title, d.Content, null), SearchEvaluation.SequentialGuid(i))), cancellationToken);
        await Line(output, $"engine {engineName}: indexed {demands.Count} demands from {demandsPath} in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.00} s");

        IReadOnlyList<(Guid Id, double Score)> Rank(Matching.Search.PatentDocument patent) => demandIndex is not null
            ? [.. demandIndex.Recommend(patent, top, today).Select(r => (r.DemandId, r.Score))]
            : [.. peer!.Search($"{patent.Title}\n{patent.Abstract}\n{patent.Claims}", top).Select(h => (h.Id, (double)h.Score))];

        var latencies = new List<double>(queries.Count);
        var runs = new List<(string PatentId, IReadOnlyList<(string DemandId, double Score)> Results)>(queries.Count);
        foreach (var (patent, document) in queries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var queryStarted = Stopwatch.GetTimestamp();
            var ranked = Rank(document);
            latencies.Add(Stopwatch.GetElapsedTime(queryStarted).TotalMilliseconds);
            runs.Add((patent.Id, ranked.Select(r => (demandIds[r.Id], r.Score)).ToList()));
        }

        await ReportAsync(
            output,
            $"{queries.Count} patents from {patentsPath}, top {top}",
            latencies,
            outPath,
            runs.Select(r => JsonSerializer.Serialize(new ReverseRunLine(r.PatentId, [.. r.Results.Select(x => new ReverseRunResult(x.DemandId, Math.Round(x.Score, 6)))]), PatentCorpus.JsonOptions)),
            judgments,
            runs.ToDictionary(r => r.PatentId, r => (IReadOnlyList<string>)[.. r.Results.Select(x => x.DemandId)]),
            "judged patents");
        return 0;
    }

    /// <summary>What both directions print and write: latency percentiles, the run file, and the figures against judgments.</summary>
    private static async Task ReportAsync(
        TextWriter output,
        string what,
        List<double> latencies,
        string? outPath,
        IEnumerable<string> runLines,
        Dictionary<string, Dictionary<string, int>>? judgments,
        Dictionary<string, IReadOnlyList<string>> rankings,
        string judged)
    {
        await Line(output, $"{what}: latency {SearchBenchmark.Percentiles(latencies)}");
        if (outPath is not null)
        {
            if (Path.GetDirectoryName(Path.GetFullPath(outPath)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }

            await File.WriteAllLinesAsync(outPath, runLines);
            await Line(output, $"run written to {outPath}");
        }

        if (judgments is not null)
        {
            var figures = RankingMetrics.Score(judgments, rankings);
            await Line(output, $"MRR@10 {figures.Mrr10:0.000}  Recall@10 {figures.Recall10:0.000}  Recall@50 {figures.Recall50:0.000}  nDCG@10 {figures.Ndcg10:0.000}  ({figures.Demands} {judged})");
        }
    }

    /// <summary>One demand's query terms with their weights, and its best ten patents with the words they matched.</summary>
    private static async Task<int> ExplainAsync(
        string patentsPath, string demandsPath, string demandId, MatchOptions matchOptions, TextWriter output, CancellationToken cancellationToken)
    {
        var patents = PatentCorpus.ReadPatents(patentsPath);
        var demand = PatentCorpus.ReadDemands(demandsPath).FirstOrDefault(d => d.Id == demandId)
            ?? throw new ArgumentException($"no demand '{demandId}' in {demandsPath}");
        var ids = patents.Select((_, i) => SearchEvaluation.SequentialGuid(i)).ToArray();
        var byId = ids.Select((id, i) => (id, patents[i])).ToDictionary(p => p.id, p => p.Item2);
        using var index = new PatentMatchIndex(matchOptions);
        index.Rebuild(patents.Select((p, i) => PatentCorpus.ToDocument(p, ids[i])), cancellationToken);
        var profile = new DemandProfile(demand.Title, demand.Content);
        await Line(output, $"{demand.Id} {demand.Title}");
        await Line(output, $"terms: {string.Join(' ', index.QueryTerms(profile).Select(t => $"{t.Text}{(t.IsBigram ? "²" : "")}:{t.Weight:0.0}"))}");
        var rank = 0;
        foreach (var hit in index.Recommend(profile, 10, DateOnly.FromDateTime(DateTime.Today)))
        {
            var patent = byId[hit.PatentId];
            await Line(output, $"{++rank}. {patent.Id} {hit.Score:0.000} bm25 {hit.TextScore:0.00} {PatentTexts.SubjectOf(patent.Title, patent.Abstract)}");
            await Line(output, $"     {string.Join(' ', hit.MatchedTerms.Select(m => $"{(m.DemandWord is null ? m.Text : $"{m.Text}≈{m.DemandWord}")}:{m.Share:0.00}"))}");
        }

        return 0;
    }

    private static Task Line(TextWriter output, FormattableString line) => output.WriteLineAsync(line.ToString(CultureInfo.InvariantCulture));

    private static string ExistingFile(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"file not found: {path}", path);

    private sealed record RunSettings(
        string PatentsPath,
        string DemandsPath,
        int Top,
        string? OutPath,
        string Engine,
        MatchOptions Options,
        Dictionary<string, Dictionary<string, int>>? Judgments);

    private sealed record RunLine(string DemandId, IReadOnlyList<RunResult> Results);

    private sealed record RunResult(string PatentId, double Score);

    private sealed record ReverseRunLine(string PatentId, IReadOnlyList<ReverseRunResult> Results);

    private sealed record ReverseRunResult(string DemandId, double Score);

    private interface IEngine : IDisposable
    {
        void Build(IEnumerable<Matching.Search.PatentDocument> patents, CancellationToken cancellationToken);

        IReadOnlyList<(Guid Id, double Score)> Rank(CorpusDemand demand, int top, DateOnly today);
    }

    private sealed class Baseline : IEngine
    {
        private readonly BaselinePatentIndex _index = new();

        public void Build(IEnumerable<Matching.Search.PatentDocument> patents, CancellationToken cancellationToken) => _index.Build(patents, cancellationToken);

        public IReadOnlyList<(Guid Id, double Score)> Rank(CorpusDemand demand, int top, DateOnly today) =>
            [.. _index.Search($"{demand.Title}\n{demand.Content}", top).Select(h => (h.Id, (double)h.Score))];

        public void Dispose() => _index.Dispose();
    }

    private sealed class Ours(MatchOptions options) : IEngine
    {
        private readonly PatentMatchIndex _index = new(options);

        public void Build(IEnumerable<Matching.Search.PatentDocument> patents, CancellationToken cancellationToken) => _index.Rebuild(patents, cancellationToken);

        public IReadOnlyList<(Guid Id, double Score)> Rank(CorpusDemand demand, int top, DateOnly today) =>
            [.. _index.Recommend(new DemandProfile(demand.Title, demand.Content), top, today).Select(r => (r.PatentId, r.Score))];

        public void Dispose() => _index.Dispose();
    }
}
