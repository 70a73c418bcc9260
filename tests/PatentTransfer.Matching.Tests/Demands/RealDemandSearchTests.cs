using PatentTransfer.Matching.Demands;
using PatentTransfer.Matching.Search;
using PatentTransfer.Matching.Text.Analysis;
using static PatentTransfer.Matching.Tests.Demands.DemandCatalogue;
using static PatentTransfer.Matching.Tests.Highlights;

namespace PatentTransfer.Matching.Tests.Demands;

/// <summary>Searches over eight real SME demands (<see cref="RealDemands"/>): long, mixed texts in industry language.</summary>
public class RealDemandSearchTests
{
    private static readonly IReadOnlyList<DemandDocument> Real = RealDemands.Load();

    [Fact]
    public void TheSampleIsReadAndSplitIntoTheFormsSections()
    {
        Assert.Equal(8, Real.Count);
        var cbn = Real.Single(demand => demand.Title == "高韧性立方氮化硼CBN单晶的研制及其产业化");

        Assert.StartsWith("预期目标：", cbn.Targets, StringComparison.Ordinal);
        Assert.Contains("抗冲击韧性≥67%", cbn.Targets, StringComparison.Ordinal);
        Assert.StartsWith("现有工作基础：", cbn.Basis, StringComparison.Ordinal);
        Assert.DoesNotContain("预期目标", cbn.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AnalyzerKinds), MemberType = typeof(DemandCatalogue))]
    public void EachRealDemandComesFirstWhenItsWholeTextIsPasted(ChineseAnalyzerKind analyzer)
    {
        using var index = Index(Real, analyzer);

        Assert.All(Real, demand =>
        {
            var pasted = string.Join('\n', demand.Title, demand.Problem, demand.Targets, demand.Basis);
            var result = index.Search(Query(pasted));
            Assert.Equal(demand.Title, TitleOf(result.Hits[0]));
        });
    }

    [Theory]
    [MemberData(nameof(AnalyzerKinds), MemberType = typeof(DemandCatalogue))]
    public void AWordOfTheTargetsSectionFindsTheDemandAndMarksItThere(ChineseAnalyzerKind analyzer)
    {
        using var index = Index(Real, analyzer);
        var cbn = Real.Single(demand => demand.Title.Contains("CBN", StringComparison.Ordinal));
        Assert.DoesNotContain("堆积密度", cbn.Title + cbn.Problem + cbn.Basis, StringComparison.Ordinal);

        var hit = Assert.Single(index.Search(Query("堆积密度")).Hits);

        Assert.Equal(cbn.Id, hit.Id);
        Assert.Contains("<mark>堆积密度</mark>", hit.SnippetHighlighted, StringComparison.Ordinal);
        Assert.Contains(Unmarked(hit.SnippetHighlighted).Trim('…'), cbn.Targets, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AnalyzerKinds), MemberType = typeof(DemandCatalogue))]
    public void TypedSearchesFindTheDemandsAboutTheirWords(ChineseAnalyzerKind analyzer)
    {
        using var index = Index(Real, analyzer);

        Assert.Equal(
            ["基于硅碳负极材料的高能量密度、高安全性锂离子电池产业化", "防爆锂离子电池的研发"],
            Titles(index.Search(Query("锂离子电池"))).Order(StringComparer.Ordinal));
        Assert.Equal(["不锈钢和碳钢复合材料焊接方法"], Titles(index.Search(Query("焊接 碳钢"))));
        Assert.Equal(["海绵乡村中如何解决雨水路面渗透及净水难题"], Titles(index.Search(Query("雨水 净化"))));
        Assert.Equal(["电热电器智能化信息化技术"], Titles(index.Search(Query("物联网"))));
    }

    [Fact]
    public void SnippetsOfLongRealTextsAreCutAroundTheMatchAndKeepTheOriginalCharacters()
    {
        using var index = Index(Real);
        var battery = Real.Single(demand => demand.Title.StartsWith("基于硅碳负极材料", StringComparison.Ordinal));

        // 振实密度 is deep in the targets, after more than a snippet's length of text.
        var hit = Assert.Single(index.Search(Query("振实密度")).Hits);

        Assert.StartsWith("…", hit.SnippetHighlighted, StringComparison.Ordinal);
        Assert.Contains("<mark>振实密度</mark>", hit.SnippetHighlighted, StringComparison.Ordinal);
        Assert.Contains(Unmarked(hit.SnippetHighlighted).Trim('…'), battery.Targets, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Titles(DemandSearchResult result) => result.Hits.Select(TitleOf);

    private static string TitleOf(DemandHit hit) => Unmarked(hit.TitleHighlighted);
}
