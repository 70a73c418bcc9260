using PatentTransfer.Matching.Demands;

namespace PatentTransfer.Matching.Tests.Demands;

public class DemandKeywordExtractorTests
{
    private static readonly DemandKeywordExtractor Extractor = new();

    private static IReadOnlyList<string> KeywordsOf(string id, int count = 5)
    {
        var row = RealDemands.Rows(RealDemands.AllFileName).Single(r => r.Id == id);
        return Extractor.Extract(DemandTextReader.Read(row.Title, row.Content).CoreText, count);
    }

    [Fact]
    public void TheSubjectOfARealDemandLeadsAndTheWordsOfEveryDemandAreLeftOut()
    {
        // "防爆锂离子电池的研发": jieba ranks 研发 and 问题 among its top words; they say nothing about the subject.
        var keywords = KeywordsOf("13a581e1-2d7e-4c8d-b350-e3ab36dbe6a0");

        Assert.Equal(5, keywords.Count);
        Assert.Equal(["防爆", "锂离子", "电池"], keywords.Take(3));
        Assert.DoesNotContain("研发", keywords);
        Assert.DoesNotContain("问题", keywords);
    }

    [Fact]
    public void KeywordsAreWordsOfTheTextWithLettersAndNotNumbers()
    {
        var row = RealDemands.Rows(RealDemands.AllFileName).Single(r => r.Id == "fe5abf02-4272-40fd-8b6e-a4e827c7e762");
        var core = DemandTextReader.Read(row.Title, row.Content).CoreText;

        var keywords = Extractor.Extract(core, 8);

        Assert.Contains("氮化硼", keywords);
        Assert.Contains("CBN", keywords);
        Assert.All(keywords, k => Assert.Contains(k, core, StringComparison.Ordinal));
        Assert.All(keywords, k => Assert.True(k.Count(char.IsLetter) >= 2, k));
        Assert.Equal(keywords.Count, keywords.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void NoTextOrNoCountGivesNoKeywords()
    {
        Assert.Empty(Extractor.Extract("", 5));
        Assert.Empty(Extractor.Extract("   ", 5));
        Assert.Empty(Extractor.Extract("防爆锂离子电池", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Extractor.Extract("防爆锂离子电池", -1));
    }
}
