using PatentTransfer.Matching.Search;

namespace PatentTransfer.Cli;

/// <summary>
/// GENERATED BENCHMARK DATA, NOT REAL PATENTS. Makes any number of patents for load measurements by recombining
/// the real texts of the KPPatent-ZH corpus: titles are spliced from two real titles, abstracts and claims are
/// shuffled sentences of real abstracts and claims, and owners, codes, dates and prices are random. The holder
/// name and application number say so. Deterministic for a seed, so runs compare.
/// </summary>
internal static class BenchmarkPatentGenerator
{
    public const string HolderName = "基准测试生成数据（非真实专利）";

    private static readonly string[] Subclasses =
    [
        "A01B", "A01G", "A23L", "A61B", "A61K", "A61P", "B01D", "B01J", "B02C", "B08B", "B21D", "B23K", "B23P", "B29C",
        "B32B", "B60L", "B65G", "C01B", "C02F", "C04B", "C07D", "C08G", "C08L", "C09D", "C12N", "C21D", "C22C", "C25D",
        "E01C", "E02D", "E04B", "E04G", "E21B", "E21D", "F16K", "F24S", "F27D", "G01N", "G05B", "G06F", "G06N", "G06T",
        "H01L", "H01M", "H02J", "H02K", "H04L", "H04W",
    ];

    private static readonly string[] Cities = ["1301", "1302", "1303", "1304", "1305", "1306", "1307", "1308", "1309", "1310", "1311", "1331"];
    private static readonly string[] Industries = ["C26", "C27", "C30", "C31", "C34", "C35", "C38", "C39", "D44", "E47", "I65", "M73"];
    private static readonly string[] Modes = ["Transfer", "ExclusiveLicence", "SoleLicence", "OrdinaryLicence", "Equity"];

    public static IReadOnlyList<string> CityCodes => Cities;

    public static IReadOnlyList<string> IpcSubclasses => Subclasses;

    public static IReadOnlyList<string> OfferedModes => Modes;

    public static List<PatentDocument> Generate(IReadOnlyList<CorpusPatent> corpus, int count, int seed) =>
        Stream(corpus, count, seed).ToList();

    /// <summary>
    /// The same patents as <see cref="Generate"/>, made one at a time as they are read: a million patents held at
    /// once would take gigabytes before the index has seen any of them.
    /// </summary>
    public static IEnumerable<PatentDocument> Stream(IReadOnlyList<CorpusPatent> corpus, int count, int seed)
    {
        var random = new Random(seed);
        var titles = corpus.Select(p => p.Title).OfType<string>().Where(t => t.Length >= 4).ToArray();
        var abstractSentences = corpus.SelectMany(p => Sentences(p.Abstract)).ToArray();
        var claimLines = corpus.Select(p => p.Claims).OfType<string>()
            .SelectMany(c => c.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
        if (titles.Length == 0 || abstractSentences.Length == 0)
        {
            throw new InvalidDataException("the corpus has no titles or abstracts to recombine");
        }

        var claimsShare = (double)corpus.Count(p => p.Claims is not null) / corpus.Count;
        var guid = new byte[16];
        for (var i = 0; i < count; i++)
        {
            random.NextBytes(guid);
            var listed = random.NextDouble() < 0.3;
            var modes = listed ? Modes.Where(_ => random.NextDouble() < 0.35).DefaultIfEmpty("Transfer").ToArray() : [];
            yield return new PatentDocument(
                new Guid(guid),
                ApplicationNumber: $"BENCH{i:D9}",
                PublicationNumber: null,
                Title: SpliceTitle(titles, random),
                Abstract: string.Concat(Enumerable.Range(0, random.Next(3, 7)).Select(_ => abstractSentences[random.Next(abstractSentences.Length)])),
                Claims: claimLines.Length > 0 && random.NextDouble() < claimsShare
                    ? string.Join('\n', Enumerable.Range(0, random.Next(3, 11)).Select(_ => claimLines[random.Next(claimLines.Length)]))
                    : null,
                Keywords: [],
                IpcCodes: Enumerable.Range(0, random.Next(1, 4))
                    .Select(_ => $"{Subclasses[random.Next(Subclasses.Length)]}{random.Next(1, 100)}/{random.Next(0, 100):00}").ToArray(),
                IndustryCode: Industries[random.Next(Industries.Length)],
                PatentType: Pick(random, ("Invention", 0.6), ("UtilityModel", 0.35), ("Design", 0.05)),
                HolderType: Pick(random, ("University", 0.4), ("ResearchInstitute", 0.2), ("StateOwnedEnterprise", 0.2), ("PrivateEnterprise", 0.2)),
                CityCode: Cities[random.Next(Cities.Length)],
                HolderName: HolderName,
                GrantDate: random.NextDouble() < 0.95 ? new DateOnly(2010, 1, 1).AddDays(random.Next(0, 16 * 365)) : null,
                IsValid: random.NextDouble() < 0.8,
                IsSleeping: random.NextDouble() < 0.6,
                IsListed: listed,
                OfferedModes: modes,
                Price: listed && random.NextDouble() < 0.7 ? random.Next(10, 5000) * 1000m : null,
                OpenLicence: random.NextDouble() < 0.1,
                FreeForSmes: random.NextDouble() < 0.05,
                PayLater: random.NextDouble() < 0.1);
        }
    }

    /// <summary>Sentences of a text, each with its closing 。 or ；.</summary>
    public static IEnumerable<string> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '。' or '；' or ';')
            {
                if (i + 1 - start > 4)
                {
                    yield return text[start..(i + 1)];
                }

                start = i + 1;
            }
        }

        if (text.Length - start > 4)
        {
            yield return text[start..] + "。";
        }
    }

    private static string SpliceTitle(string[] titles, Random random)
    {
        var head = titles[random.Next(titles.Length)];
        var tail = titles[random.Next(titles.Length)];
        return head[..(head.Length / 2)] + tail[(tail.Length / 2)..];
    }

    private static string Pick(Random random, params (string Value, double Share)[] choices)
    {
        var roll = random.NextDouble();
        foreach (var (value, share) in choices)
        {
            roll -= share;
            if (roll < 0)
            {
                return value;
            }
        }

        return choices[^1].Value;
    }
}
