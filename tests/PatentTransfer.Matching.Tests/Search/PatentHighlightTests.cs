using System.Net;
using PatentTransfer.Matching.Search;
using PatentTransfer.Matching.Text.Analysis;
using static PatentTransfer.Matching.Tests.Highlights;
using static PatentTransfer.Matching.Tests.Search.TestCatalogue;

namespace PatentTransfer.Matching.Tests.Search;

public class PatentHighlightTests
{
    public static TheoryData<ChineseAnalyzerKind> AnalyzerKinds => [.. Analyzers];

    [Theory]
    [MemberData(nameof(AnalyzerKinds))]
    public void TitlesAreHtmlEncodedAroundTheMarks(ChineseAnalyzerKind analyzer)
    {
        using var index = Index(analyzer: analyzer);

        var hit = Assert.Single(index.Search(new PatentSearchQuery("网页 标签")).Hits);

        Assert.DoesNotContain("<script>", hit.TitleHighlighted, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", hit.TitleHighlighted, StringComparison.Ordinal);
        Assert.Contains("<mark>", hit.TitleHighlighted, StringComparison.Ordinal);
        Assert.Equal(Gateway.Title, Unmarked(hit.TitleHighlighted));
        AssertOnlyMarkIsMarkup(hit.TitleHighlighted);
    }

    [Theory]
    [MemberData(nameof(AnalyzerKinds))]
    public void AMatchInsideAnEncodedTitleIsMarkedAndStillEncoded(ChineseAnalyzerKind analyzer)
    {
        using var index = Index(analyzer: analyzer);

        var hit = Assert.Single(index.Search(new PatentSearchQuery("script")).Hits);

        Assert.Equal("一种过滤&lt;<mark>script</mark>&gt;标签的网页安全网关", hit.TitleHighlighted);
    }

    [Fact]
    public void SnippetsFromClaimsAreEncodedToo()
    {
        using var index = Index();

        var hit = Assert.Single(index.Search(new PatentSearchQuery("日志模块")).Hits);

        Assert.Contains("<mark>", hit.SnippetHighlighted, StringComparison.Ordinal);
        Assert.Contains("&lt;/script&gt;", hit.SnippetHighlighted, StringComparison.Ordinal);
        Assert.Contains("&amp;", hit.SnippetHighlighted, StringComparison.Ordinal);
        AssertOnlyMarkIsMarkup(hit.SnippetHighlighted);
        Assert.Contains(Unmarked(hit.SnippetHighlighted).Trim('…'), Gateway.Claims, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSnippetComesFromTheClaimsWhenOnlyTheyMatch()
    {
        using var index = Index();

        var hit = Assert.Single(index.Search(new PatentSearchQuery("反应釜")).Hits);

        Assert.Contains("<mark>反应釜</mark>", hit.SnippetHighlighted, StringComparison.Ordinal);
        Assert.Contains(Unmarked(hit.SnippetHighlighted).Trim('…'), Battery.Claims, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutTextTheSnippetIsTheBeginningOfTheAbstractUnmarked()
    {
        using var index = new PatentSearchIndex(new PatentSearchOptions { SnippetLength = 20 });
        index.Rebuild([Battery], TestContext.Current.CancellationToken);

        var hit = Assert.Single(index.Search(new PatentSearchQuery()).Hits);

        Assert.Equal(Battery.Title, hit.TitleHighlighted);
        Assert.Equal(Battery.Abstract[..20] + "…", hit.SnippetHighlighted);
    }

    [Theory]
    [MemberData(nameof(AnalyzerKinds))]
    public void MarksPointAtTheOriginalCharactersOfFoldedText(ChineseAnalyzerKind analyzer)
    {
        using var index = Index(analyzer: analyzer);

        var hit = Assert.Single(index.Search(new PatentSearchQuery("led")).Hits);

        Assert.Equal("一种<mark>ＬＥＤ</mark>路灯散热器", hit.TitleHighlighted);
    }

    [Fact]
    public void MarksStayOnTheRightCharactersAfterACharacterThatFoldsIntoSeveral()
    {
        // ㎏ folds to "kg": one character of the title becomes two of the analysed text.
        var scale = Patent("scale", "一种量程为5㎏的电子秤", "本实用新型公开了一种电子秤。", null);
        using var index = Index([scale]);

        var hit = Assert.Single(index.Search(new PatentSearchQuery("kg 电子")).Hits);

        Assert.Equal("一种量程为5<mark>㎏</mark>的<mark>电子</mark>秤", hit.TitleHighlighted);
    }

    [Fact]
    public void SimilarPatentsCarryEncodedTitlesWithoutMarks()
    {
        var other = Patent("filter", "一种网页安全过滤方法", "本发明公开了一种网页安全过滤方法，去除用户提交内容中的脚本代码，防止跨站脚本攻击。", null);
        using var index = Index([.. All, other]);

        var hit = Assert.Single(index.FindSimilar(other.Id, 1));

        Assert.Equal(Gateway.Id, hit.Id);
        Assert.Equal(WebUtility.HtmlEncode(Gateway.Title), hit.TitleHighlighted);
    }
}
