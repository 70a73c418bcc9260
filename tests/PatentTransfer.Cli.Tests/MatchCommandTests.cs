using System.Text.Json;
using System.Text.RegularExpressions;
using PatentTransfer.Cli;

namespace PatentTransfer.Cli.Tests;

/// <summary>The offline evaluation command, through the CLI's own entry point, on small files written by each test.</summary>
public sealed class MatchCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pt-match-").FullName;

    private static readonly string[] Patents =
    [
        """{"id": "P-BATTERY", "title": "一种锂离子电池正极材料的制备方法", "abstract": "本发明公开了一种锂离子电池正极材料的制备方法，采用共沉淀法制得前驱体，提高了循环寿命。", "claims": "1.一种锂离子电池正极材料的制备方法，其特征在于：采用共沉淀法。", "source": "test"}""",
        """{"id": "P-IRRIGATION", "title": null, "abstract": "本实用新型公开了一种温室大棚智能灌溉系统，包括土壤湿度传感器和滴灌管路。", "claims": null, "extra": 1}""",
        """{"id": "P-ROAD", "title": "一种装配式混凝土路面的施工方法", "abstract": "本发明公开了一种装配式混凝土路面的施工方法，将预制混凝土板拼装。", "claims": null}""",
    ];

    private static readonly string[] Demands =
    [
        """{"id": "D-2", "title": "大棚自动浇水", "content": "我们种蔬菜，大棚人工浇水费工，想要根据土壤湿度自动滴灌的系统。"}""",
        """{"id": "D-1", "title": "电池正极材料", "content": "需求内容：三元正极材料循环寿命短，希望获得共沉淀工艺。"}""",
        """{"id": "D-3", "title": "量子纠缠", "content": "量子"}""",
    ];

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private async Task<(int Code, string Output, string Error, List<JsonElement> Run)> MatchAsync(params string[] extra)
    {
        var run = Path.Combine(_folder, "run.jsonl");
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(
            ["match", "--patents", Write("p.jsonl", Patents), "--demands", Write("d.jsonl", Demands), "--top", "2", "--out", run, .. extra],
            output,
            error,
            TestContext.Current.CancellationToken);
        var lines = File.Exists(run) ? File.ReadAllLines(run).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList() : [];
        return (code, output.ToString(), error.ToString(), lines);
    }

    /// <summary>Runs <c>bench match</c> over 40 patents generated from the test's three, with the test's demands.</summary>
    private async Task<(int Code, string Output, string Error)> BenchAsync(params string[] extra)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(
            ["bench", "match", "--patents", "40", "--corpus", Write("p.jsonl", Patents), "--demands", Write("d.jsonl", Demands), .. extra],
            output,
            error,
            TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    private static string[] PatentIds(JsonElement line) =>
        line.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("patent_id").GetString()!).ToArray();

    [Theory]
    [InlineData("ours")]
    [InlineData("baseline")]
    public async Task WritesOneLineForEachDemandInInputOrderBestFirst(string engine)
    {
        var (code, output, error, run) = await MatchAsync("--engine", engine);

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Equal(["D-2", "D-1", "D-3"], run.Select(l => l.GetProperty("demand_id").GetString()));
        Assert.Equal("P-IRRIGATION", PatentIds(run[0])[0]);
        Assert.Equal("P-BATTERY", PatentIds(run[1])[0]);
        Assert.Empty(PatentIds(run[2]));
        Assert.All(run, line => Assert.True(PatentIds(line).Length <= 2));
        var scores = run[1].GetProperty("results").EnumerateArray().Select(r => r.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.Contains($"engine {engine}: indexed 3 patents", output, StringComparison.Ordinal);
        Assert.Matches(@"latency p50 [\d.]+ ms, p95 [\d.]+ ms, p99 [\d.]+ ms", output);
    }

    [Fact]
    public async Task WithJudgmentsItPrintsTheRankingFigures()
    {
        var qrels = Write("qrels.jsonl", ["""{"demand_id": "D-1", "patent_id": "P-BATTERY", "grade": 3}""", """{"demand_id": "D-2", "patent_id": "P-IRRIGATION", "grade": 3}"""]);

        var (code, output, _, _) = await MatchAsync("--qrels", qrels);

        Assert.Equal(0, code);
        Assert.Contains("MRR@10 1.000  Recall@10 1.000", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ours")]
    [InlineData("baseline")]
    public async Task ReversedItRanksDemandsForEachJudgedPatentAndScoresThem(string engine)
    {
        var qrels = Write("qrels.jsonl", ["""{"demand_id": "D-1", "patent_id": "P-BATTERY", "grade": 3}""", """{"demand_id": "D-2", "patent_id": "P-IRRIGATION", "grade": 3}"""]);

        var (code, output, error, run) = await MatchAsync("--reverse", "--engine", engine, "--qrels", qrels);

        Assert.Equal(0, code);
        Assert.Equal("", error);
        // Only the judged patents, in the order of the patent file; each line names its demands best first.
        Assert.Equal(["P-BATTERY", "P-IRRIGATION"], run.Select(l => l.GetProperty("patent_id").GetString()));
        Assert.Equal("D-1", run[0].GetProperty("results")[0].GetProperty("demand_id").GetString());
        Assert.Equal("D-2", run[1].GetProperty("results")[0].GetProperty("demand_id").GetString());
        Assert.Contains("indexed 3 demands", output, StringComparison.Ordinal);
        Assert.Contains("MRR@10 1.000  Recall@10 1.000", output, StringComparison.Ordinal);
        Assert.Contains("(2 judged patents)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OptionsCanBeChangedForAnExperiment()
    {
        var (code, _, error, run) = await MatchAsync("--set", "BigramWeight=0, TitleBoost=3");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Equal(3, run.Count);
    }

    [Theory]
    [InlineData("--engine", "magic", "unknown engine 'magic'")]
    [InlineData("--top", "0", "--top takes a number from 1 to 1000")]
    [InlineData("--set", "NoSuchOption=1", "unknown matching option 'NoSuchOption'")]
    [InlineData("--set", "BigramWeight", "--set takes name=value pairs")]
    [InlineData("--set", "BigramWeight=much", "")]
    [InlineData("--tops", "2", "unknown option --tops; this command takes --patents, --demands, --top")]
    public async Task BadOptionsAreRefusedWithAReason(string option, string value, string message)
    {
        var (code, _, error, run) = await MatchAsync(option, value);

        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Empty(run);
    }

    [Fact]
    public async Task ExplainPrintsADemandsQueryAndWhatItsBestPatentsMatched()
    {
        var (code, output, error, _) = await MatchAsync("--explain", "D-1");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("D-1 电池正极材料", output, StringComparison.Ordinal);
        Assert.Matches(@"terms: .*正极:", output);
        Assert.Contains("1. P-BATTERY", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingFileIsNamed()
    {
        var error = new StringWriter();

        var code = await CliApp.RunAsync(["match", "--patents", Path.Combine(_folder, "none.jsonl"), "--demands", "x"], new StringWriter(), error, TestContext.Current.CancellationToken);

        Assert.Equal(2, code);
        Assert.Contains("none.jsonl", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBenchmarkTimesBothEnginesOnGeneratedPatents()
    {
        var (code, output, error) = await BenchAsync("--queries", "5", "--sweep", "BigramWeight=0");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("patents: 40 generated from the 3 real patents", output, StringComparison.Ordinal);
        Assert.Matches(@"baseline: index build [\d.]+ s", output);
        Assert.Contains("ours: index build", output, StringComparison.Ordinal);
        Assert.Matches(@"ours \[BigramWeight=0\]: top-10 latency p50 [\d.]+ ms", output);
    }

    [Fact]
    public async Task RoundsAddEachDemandsMedianLatencyForBothEngines()
    {
        var (code, output, error) = await BenchAsync("--queries", "4", "--warmup", "3", "--rounds", "3");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("4 queries after 3 warm-up", output, StringComparison.Ordinal);
        // The first round prints as a single run does (its figures, what a query costs the machine); later rounds only add to the medians.
        Assert.Single(Regex.Matches(output, "ours: index build"));
        Assert.Matches(@"ours: top-10 latency p50 [\d.]+ ms, p95 [\d.]+ ms, p99 [\d.]+ ms \(4 demands\); processor [\d.]+ ms a query, allocated \d+ KB a query, \d+ collections", output);
        Assert.Matches(@"baseline: median of 3 rounds per demand, top-10 latency p50 [\d.]+ ms, p95 [\d.]+ ms, p99 [\d.]+ ms; one round's p95 from [\d.]+ to [\d.]+ ms", output);
        Assert.Matches(@"ours: median of 3 rounds per demand, top-10 latency p50 [\d.]+ ms", output);
        // Engines one after the other (not paired): the ratio line says only what it was read over.
        Assert.Matches(@"ours/baseline at p95: [\d.]+x, 95% interval [\d.]+-[\d.]+x over the 4 demands resampled \(each demand's median of 3 rounds\)\r?\n", output);
    }

    [Fact]
    public async Task PairedAsksBothEnginesEachDemandAndGivesTheRatioWithAnInterval()
    {
        var (code, output, error) = await BenchAsync("--queries", "3", "--warmup", "2", "--rounds", "2", "--paired");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        // Both indexes are built for each round, but only the first round prints.
        Assert.Single(Regex.Matches(output, "baseline: index build"));
        Assert.Single(Regex.Matches(output, "ours: index build"));
        Assert.Matches(@"baseline \(paired\): top-10 latency p50 [\d.]+ ms, p95 [\d.]+ ms, p99 [\d.]+ ms \(3 demands\); allocated \d+ KB a query, \d+ collections during its queries", output);
        Assert.Matches(@"ours \(paired\): top-10 latency p50 [\d.]+ ms", output);
        Assert.Matches(@"ours: median of 2 rounds per demand, top-10 latency p50 [\d.]+ ms", output);
        Assert.Matches(@"ours/baseline at p95: [\d.]+x, 95% interval [\d.]+-[\d.]+x over the 3 demands resampled \(each demand's median of 2 rounds\), engines alternating demand by demand", output);
    }

    [Theory]
    [InlineData("--help", "unknown option --help; this command takes --corpus, --demands, --patents")]
    [InlineData("--engine ours --paired", "--paired times both engines on each demand")]
    public async Task TheBenchmarkRefusesWhatItCannotDoBeforeBuildingAnything(string arguments, string message)
    {
        var (code, output, error) = await BenchAsync(arguments.Split(' '));

        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("index build", output, StringComparison.Ordinal);
    }
}
