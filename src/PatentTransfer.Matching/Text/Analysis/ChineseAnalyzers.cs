using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace PatentTransfer.Matching.Text.Analysis;

/// <summary>
/// Builds the analyzers used for patents and queries alike. Both fold the text first (<see cref="FoldingCharFilter"/>),
/// stem the odd English word and, unless asked not to, drop the same Chinese and English function words, so that
/// a comparison between them measures the segmenter and nothing else.
/// </summary>
public static class ChineseAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static Analyzer Create(ChineseAnalyzerKind kind, bool removeStopWords = true, string? jiebaResourceDirectory = null)
    {
        var stopWords = removeStopWords ? ChineseStopWords.Set : SmartChineseAnalyzer.DefaultStopSet;
        switch (kind)
        {
            case ChineseAnalyzerKind.Jieba:
                JiebaResources.EnsureConfigured(jiebaResourceDirectory);
                return Analyzer.NewAnonymous(
                    (_, reader) =>
                    {
                        var tokenizer = new JiebaTokenizer(reader, searchMode: true);
                        return new TokenStreamComponents(tokenizer, new StopFilter(Version, new PorterStemFilter(tokenizer), stopWords));
                    },
                    static (_, reader) => new FoldingCharFilter(reader));
            case ChineseAnalyzerKind.SmartCn:
                // The same chain as SmartChineseAnalyzer (which is sealed), with folding in front and a chosen stop set.
                return Analyzer.NewAnonymous(
                    (_, reader) =>
                    {
                        var tokenizer = new HMMChineseTokenizer(reader);
                        return new TokenStreamComponents(tokenizer, new StopFilter(Version, new PorterStemFilter(tokenizer), stopWords));
                    },
                    static (_, reader) => new FoldingCharFilter(reader, segmenterPunctuation: true));
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown analyzer");
        }
    }

    /// <summary>Parses a command-line or configuration name: "jieba" or "smartcn" (any case).</summary>
    public static ChineseAnalyzerKind Parse(string name) => name.Trim().ToUpperInvariant() switch
    {
        "JIEBA" => ChineseAnalyzerKind.Jieba,
        "SMARTCN" or "SMARTCHINESE" => ChineseAnalyzerKind.SmartCn,
        _ => throw new ArgumentException($"unknown analyzer '{name}' (jieba or smartcn)", nameof(name)),
    };
}

/// <summary>
/// Chinese function words (的, 了, 和, 以及 …), Chinese and ASCII punctuation and English stop words: jieba's list
/// (jieba.NET, MIT licence), embedded so that both analyzers share it.
/// </summary>
internal static class ChineseStopWords
{
    public static CharArraySet Set { get; } = Load();

    private static CharArraySet Load()
    {
        using var stream = typeof(ChineseStopWords).Assembly.GetManifestResourceStream("PatentTransfer.Matching.stopwords-zh.txt")
            ?? throw new InvalidOperationException("the embedded stop word list is missing");
        using var reader = new StreamReader(stream);
        var words = new CharArraySet(ChineseAnalyzers.Version, 700, ignoreCase: true);
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim() is { Length: > 0 } word)
            {
                words.Add(word);
            }
        }

        // SmartCn emits punctuation as tokens; its own stop set is what removes them.
        words.UnionWith(SmartChineseAnalyzer.DefaultStopSet);
        return words.AsReadOnly();
    }
}
