using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;

namespace PatentTransfer.Matching.Text.Analysis;

/// <summary>
/// Overlapping pairs of Chinese characters (锂离子电池 → 锂离, 离子, 子电, 电池), Latin words and numbers whole, after the
/// same folding as the word analyzers. Pairs need no dictionary, so they meet where a segmenter cuts the same
/// words differently in a short demand and in a long patent (网页安全网关: 网页|安全网|关), and where an SME writes a
/// compound the dictionary does not know.
/// </summary>
public static class BigramAnalyzer
{
    public static Analyzer Create() => Analyzer.NewAnonymous(
        (_, reader) =>
        {
            var tokenizer = new StandardTokenizer(ChineseAnalyzers.Version, reader);
            TokenStream stream = new CJKWidthFilter(tokenizer);
            stream = new LowerCaseFilter(ChineseAnalyzers.Version, stream);
            stream = new CJKBigramFilter(stream, CJKScript.HAN, outputUnigrams: false);
            return new TokenStreamComponents(tokenizer, new StopFilter(ChineseAnalyzers.Version, stream, ChineseStopWords.Set));
        },
        static (_, reader) => new FoldingCharFilter(reader));
}
