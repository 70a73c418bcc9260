using System.Net;
using PatentTransfer.Matching.Demands;
using PatentTransfer.Matching.Search;
using PatentTransfer.Matching.Text.Analysis;
using static PatentTransfer.Matching.Tests.Demands.DemandCatalogue;
using static PatentTransfer.Matching.Tests.Highlights;

namespace PatentTransfer.Matching.Tests.Demands;

public class DemandHighlightTests
{
    [Theory]
    [MemberData(nameof(AnalyzerKinds), MemberType = typeof(DemandCatalogue))]
    public void TitlesAreHtmlEncodedAroundTheMarks(ChineseAnalyzerKind analyzer)
    {
        using var index = Index(analyzer: analyzer);

        var hit = Assert.Single(index.Search(Query("注入 网站")).Hits);

        Assert.DoesNotContain("<script>", hit.TitleHighlighted, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", hit.TitleHighlighted, StringComparison.Ordinal);
        Assert.Contains("<mark>", hit.TitleHighlighted, StringComparison.Ordinal);
        Assert.Equal(Website.Title, Unmarked(hit.TitleHighlighted));
        AssertOnlyMarkIsMarkup(hit.TitleHighlighted);
    }

    [Theory]
    [MemberData(nameof(AnalyzerKinds), MemberType = typeof(DemandCatalogue))]
    public void AMatchInsideAnEncodedTitleIsMarkedAndStillEncoded(ChineseAnalyzerKind analyzer)
    {
        using var index = Index(analyzer: analyzer);

        var hit = Assert.Single(index.Search(Query("script")).Hits);

        Assert.Equal("网站防止&lt;<mark>script</mark>&gt;注入的改造", hit.TitleHighlighted);
    }

    [Fact]
    public void WithoutTextTheTitleIsEncodedAndTheSnippetIsTheBeginningOfTheProblem()
    {
        using var index = new DemandSearchIndex(new DemandSearchOptions { SnippetLength = 20 }, new PatentSearchOptions());
        index.Rebuild([Website], TestContext.Current.CancellationToken);

        var hit = Assert.Single(index.Search(Query()).Hits);

        Assert.Equal(WebUtility.HtmlEncode(Website.Title), hit.TitleHighlighted);
        Assert.Equal(Website.Problem[..20] + "…", hit.SnippetHighlighted);
    }

    [Fact]
    public void SnippetsAreEncodedToo()
    {
        using var index = Index();

        var hit = Assert.Single(index.Search(Query("转义")).Hits);

        Assert.Contains("<mark>转义</mark>", hit.SnippetHighlighted, StringComparison.Ordinal);
        Assert.Contains("&amp;", hit.SnippetHighlighted, StringComparison.Ordinal);
        AssertOnlyMarkIsMarkup(hit.SnippetHighlighted);
        Assert.Equal(Website.Problem, Unmarked(hit.SnippetHighlighted));
    }

    [Theory]
    [InlineData("堆积密度", "targets")]
    [InlineData("砂轮", "product")]
    [InlineData("厂房", "basis")]
    [InlineData("触媒", "problem")]
    public void TheSnippetComesFromTheTextThatMatches(string word, string field)
    {
        using var index = Index();
        var source = field switch
        {
            "targets" => Toughness.Targets,
            "product" => Toughness.Product,
            "basis" => Toughness.Basis,
            _ => Toughness.Problem,
        };

        var hit = Assert.Single(index.Search(Query(word)).Hits);

        Assert.Contains($"<mark>{word}</mark>", hit.SnippetHighlighted, StringComparison.Ordinal);
        Assert.Contains(Unmarked(hit.SnippetHighlighted).Trim('…'), source, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSnippetPrefersTheProblemWhenItHoldsAsManyOfTheWords()
    {
        // 焊缝 is in steel's problem and in its targets.
        using var index = Index();

        var hit = Assert.Single(index.Search(Query("焊缝")).Hits);

        Assert.Contains("<mark>焊缝</mark>", hit.SnippetHighlighted, StringComparison.Ordinal);
        Assert.Equal(Steel.Problem, Unmarked(hit.SnippetHighlighted));
    }

    [Fact]
    public void ALaterTextWinsTheSnippetWhenItHoldsMoreOfTheWords()
    {
        // 焊缝 is in steel's problem and targets; 晶间 only in the targets.
        using var index = Index();

        var hit = Assert.Single(index.Search(Query("焊缝 晶间")).Hits);

        // The two words touch, so they are one mark.
        Assert.Equal("<mark>焊缝晶间</mark>腐蚀试验合格", hit.SnippetHighlighted);
    }
}
