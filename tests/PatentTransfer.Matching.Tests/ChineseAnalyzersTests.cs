using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using PatentTransfer.Matching.Text;
using PatentTransfer.Matching.Text.Analysis;

namespace PatentTransfer.Matching.Tests;

/// <summary>The SmartCn chain every index uses: folding, the segmenter's punctuation (decision 0018), stop words.</summary>
public sealed class ChineseAnalyzersTests : IDisposable
{
    private readonly Analyzer _analyzer = ChineseAnalyzers.Create(ChineseAnalyzerKind.SmartCn);

    public void Dispose() => _analyzer.Dispose();

    private List<(string Text, int Start, int End)> Tokens(string text)
    {
        using var stream = _analyzer.GetTokenStream("f", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        var tokens = new List<(string, int, int)>();
        while (stream.IncrementToken())
        {
            tokens.Add((term.ToString(), offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return tokens;
    }

    [Theory]
    [InlineData("我们生产路灯，散热不好。")]
    [InlineData("我们生产路灯,散热不好。")]
    [InlineData("我们生产路灯；散热不好")]
    [InlineData("我们生产路灯;散热不好")]
    public void AWordBeforeACommaOfEitherWidthStaysWhole(string text)
    {
        // SmartCn as shipped cuts 路灯 before the ideographic comma (路/灯); the chain reads every comma as the
        // segmenter reads an ASCII one, which keeps it whole.
        Assert.Equal([("生产", 2, 4), ("路灯", 4, 6), ("散热", 7, 9), ("不好", 9, 11)], Tokens(text));
    }

    [Theory]
    [InlineData("温度：（25±2）度，湿度≤50%;精度φ0.5mm!")]
    [InlineData("Email: a.b@c.com (联系人) 电话:0311-1234567")]
    [InlineData("1.一种装置,其特征在于:包括(a)壳体;(b)盖板+密封圈#2*3=6&<阀门>$5。")]
    public void EveryWordPointsAtItsOwnCharactersOfTheOriginalText(string text)
    {
        var words = Tokens(text).Where(t => t.Text != ",").ToList();

        Assert.NotEmpty(words);
        Assert.All(words, t => Assert.Equal(t.Text, TextFolding.Fold(text[t.Start..t.End])));
    }
}
