using System.Globalization;
using PatentTransfer.Matching.Search;
using PatentTransfer.Matching.Text.Analysis;

namespace PatentTransfer.Cli;

/// <summary>The search index's offline commands: <c>search eval</c> and <c>bench search</c>. They need no database.</summary>
internal static class SearchCommands
{
    public const string Usage = """
          search eval --patents FILE --queries FILE --qrels FILE [--analyzer jieba|smartcn|both] [--engine index|baseline]
                      [--runs DIR] [--take 100] [--boosts T,A,C,K] [--tie 0.3] [--keep-stopwords]
                              index the patents with each analyzer (both by default), run each demand as a query and
                              print index time, MRR@10, Recall@10/50 and nDCG@10; --runs writes run files for score.py
          bench search [--patents 100000] [--corpus FILE] [--queries 200] [--analyzer jieba|smartcn] [--seed 42]
                              time index build and searches over generated benchmark patents (recombined real
                              texts; the corpus defaults to the copy shipped under src/PatentTransfer.Infrastructure)
        """;

    public static bool Handles(string[] args) => args is ["search", ..] or ["bench", "search", ..];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            var options = CommandOptions.Parse(args.Skip(2), ["patents", "queries", "qrels", "corpus", "analyzer", "engine", "runs", "take", "boosts", "tie", "keep-stopwords", "seed"]);
            return args switch
            {
                ["search", "eval", ..] => await SearchEvaluation.RunAsync(EvaluationSettings(options), output, cancellationToken),
                ["bench", "search", ..] => await SearchBenchmark.RunAsync(BenchmarkSettings(options), output, cancellationToken),
                _ => await UnknownAsync(args, output, error),
            };
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or FileNotFoundException or InvalidDataException)
        {
            await error.WriteLineAsync(ex.Message);
            return 2;
        }
    }

    private static SearchEvaluation.Settings EvaluationSettings(CommandOptions options)
    {
        var engine = options.Value("engine") ?? "index";
        if (engine is not ("index" or "baseline"))
        {
            throw new ArgumentException($"unknown engine '{engine}' (index or baseline)");
        }

        var analyzers = options.Value("analyzer") is { } name && !name.Equals("both", StringComparison.OrdinalIgnoreCase)
            ? [ChineseAnalyzers.Parse(name)]
            : Enum.GetValues<ChineseAnalyzerKind>();
        return new SearchEvaluation.Settings(
            ExistingFile(options.Required("patents")),
            ExistingFile(options.Required("queries")),
            ExistingFile(options.Required("qrels")),
            options.Value("runs"),
            analyzers,
            Baseline: engine == "baseline",
            Take: Math.Clamp(options.Integer("take") ?? 100, 50, PatentSearchQuery.MaxTake),
            Boosts: options.Value("boosts") is { } boosts ? PatentFieldBoosts.Parse(boosts) : null,
            TieBreaker: options.Value("tie") is { } tie ? float.Parse(tie, CultureInfo.InvariantCulture) : null,
            KeepStopWords: options.Flag("keep-stopwords"));
    }

    private static SearchBenchmark.Settings BenchmarkSettings(CommandOptions options)
    {
        // --patents takes the number of generated patents, as in "--patents 100000"; a file name there is taken as
        // the corpus, like in "search eval".
        var patents = options.Value("patents");
        var count = 100_000;
        var corpus = options.Value("corpus");
        if (patents is not null)
        {
            if (int.TryParse(patents, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                count = parsed;
            }
            else
            {
                corpus ??= patents;
            }
        }

        corpus ??= PatentCorpus.FindShippedCopy()
            ?? throw new ArgumentException($"the patent corpus was not found at {PatentCorpus.ShippedCopy}; pass --corpus FILE (kppatent-zh.jsonl)");
        if (count < 1)
        {
            throw new ArgumentException("--patents must be at least 1");
        }

        return new SearchBenchmark.Settings(
            ExistingFile(corpus),
            count,
            Queries: Math.Max(1, options.Integer("queries") ?? 200),
            Analyzer(options),
            Seed: options.Integer("seed") ?? 42,
            Take: 20);
    }

    private static ChineseAnalyzerKind Analyzer(CommandOptions options) =>
        options.Value("analyzer") is { } name ? ChineseAnalyzers.Parse(name) : new PatentSearchOptions().Analyzer;

    private static string ExistingFile(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"file not found: {path}", path);

    private static async Task<int> UnknownAsync(string[] args, TextWriter output, TextWriter error)
    {
        await error.WriteLineAsync($"unknown command '{string.Join(' ', args.Take(2))}'");
        await output.WriteLineAsync(CliApp.Usage);
        return 2;
    }
}
