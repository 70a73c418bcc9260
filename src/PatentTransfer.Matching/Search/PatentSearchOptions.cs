using PatentTransfer.Matching.Text.Analysis;

namespace PatentTransfer.Matching.Search;

/// <summary>How the patent search index is built (configuration section "PatentSearch").</summary>
public sealed class PatentSearchOptions
{
    public const string SectionName = "PatentSearch";

    /// <summary>The Chinese segmenter; SmartCn by measurement (docs/decisions/0008-chinese-analyzer.md).</summary>
    public ChineseAnalyzerKind Analyzer { get; set; } = ChineseAnalyzerKind.SmartCn;

    /// <summary>Folder of an on-disk index; null keeps the index in memory (it is rebuilt from the database at start).</summary>
    public string? IndexDirectory { get; set; }

    /// <summary>Folder of jieba's dictionary files; null is <c>jieba/</c> next to the application.</summary>
    public string? JiebaResourceDirectory { get; set; }

    /// <summary>Drop function words (的, 了, 以及 …) and punctuation; on by default.</summary>
    public bool RemoveStopWords { get; set; } = true;

    /// <summary>Per-field weights of a query word; decision 0008 records how they move the development-set figures.</summary>
    public PatentFieldBoosts FieldBoosts { get; set; } = PatentFieldBoosts.Default;

    /// <summary>
    /// How much the fields other than the best-matching one add to a word's score: 0 counts only the best field,
    /// 1 adds all fields up.
    /// </summary>
    public float FieldTieBreaker { get; set; } = 0.3f;

    /// <summary>Longest snippet, in characters of the original text.</summary>
    public int SnippetLength { get; set; } = 120;

    /// <summary>Memory the writer fills before it flushes a segment during a rebuild.</summary>
    public double RebuildRamBufferMegabytes { get; set; } = 256;

    /// <summary>
    /// The analyzer these settings describe. The demand index takes its analysis from here too, so that one setting
    /// chooses how every text of the portal is segmented and a word means the same term in both indexes.
    /// </summary>
    internal Lucene.Net.Analysis.Analyzer CreateAnalyzer() => ChineseAnalyzers.Create(Analyzer, RemoveStopWords, JiebaResourceDirectory);
}

/// <summary>Weights of the analysed text fields in a query.</summary>
public sealed record PatentFieldBoosts(float Title, float Abstract, float Claims, float Keywords)
{
    public static PatentFieldBoosts Default { get; } = new(2f, 1f, 0.5f, 2f);

    /// <summary>Parses "title,abstract,claims,keywords", e.g. "2,1,0.5,2" (invariant culture).</summary>
    public static PatentFieldBoosts Parse(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 4)
        {
            throw new FormatException("field boosts are four numbers: title,abstract,claims,keywords");
        }

        var values = parts.Select(p => float.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return new PatentFieldBoosts(values[0], values[1], values[2], values[3]);
    }
}
