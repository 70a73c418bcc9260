using PatentTransfer.Matching.Demands;
using static PatentTransfer.Matching.Tests.Demands.DemandCatalogue;

namespace PatentTransfer.Matching.Tests.Demands;

public class DemandSearchSortAndPagingTests
{
    private static readonly string[] NewestFirst = ["greenhouse", "website", "battery", "coating", "toughness", "steel", "tea"];

    [Theory]
    [InlineData(DemandSort.Relevance, "greenhouse website battery coating toughness steel tea")]
    [InlineData(DemandSort.NewestPublished, "greenhouse website battery coating toughness steel tea")]
    [InlineData(DemandSort.ClosingSoonest, "steel website greenhouse battery tea toughness coating")]
    [InlineData(DemandSort.BudgetHighest, "steel toughness coating greenhouse tea website battery")]
    public void SortsTheWholeHall(DemandSort sort, string expected)
    {
        using var index = Index();

        Assert.Equal(expected.Split(' '), KeysOf(index.Search(Query() with { Sort = sort })));
    }

    [Fact]
    public void ClosingSoonestWithValidOnStartsWithTheNextToClose()
    {
        using var index = Index();

        var result = index.Search(Query() with { Sort = DemandSort.ClosingSoonest, ValidOn = Today });

        Assert.Equal(["website", "greenhouse", "battery", "tea", "toughness", "coating"], KeysOf(result));
    }

    [Fact]
    public void BudgetHighestRanksAnOpenEndedBudgetByItsStatedBoundAndNegotiableLast()
    {
        // coating states "from 30": below toughness's 100 at most, above greenhouse's 20. battery is negotiable.
        using var index = Index();

        var keys = KeysOf(index.Search(Query() with { Sort = DemandSort.BudgetHighest, Budget = new(null, null, IncludeNegotiable: true) }));

        Assert.Equal(["toughness", "coating", "greenhouse"], keys[1..4]);
        Assert.Equal("battery", keys[^1]);
    }

    [Theory]
    [MemberData(nameof(AnalyzerKinds), MemberType = typeof(DemandCatalogue))]
    public void RelevanceWithTextPutsTheBestMatchFirst(Text.Analysis.ChineseAnalyzerKind analyzer)
    {
        // Both mention 不锈钢; only steel has it in its title, where a word weighs double.
        var pipe = Demand("pipe", "管道防腐涂层", "输水管道内壁腐蚀，需要不锈钢内衬以外更便宜的办法。") with { PublishedOn = new DateOnly(2026, 6, 30) };
        using var index = Index([.. All, pipe], analyzer);

        Assert.Equal(["steel", "pipe"], KeysOf(index.Search(Query("不锈钢"))));
        Assert.Equal(["pipe", "steel"], KeysOf(index.Search(Query("不锈钢") with { Sort = DemandSort.NewestPublished })));
    }

    [Theory]
    [InlineData(null, DemandSort.Relevance)]
    [InlineData("散热器", DemandSort.Relevance)]
    [InlineData("散热器", DemandSort.NewestPublished)]
    [InlineData(null, DemandSort.ClosingSoonest)]
    [InlineData(null, DemandSort.BudgetHighest)]
    public void TiesComeOutInTheSameOrderWhateverTheOrderOfIndexing(string? text, DemandSort sort)
    {
        // Same texts, dates and budget: nothing but the tie-break tells them apart.
        var twins = Enumerable.Range(1, 6)
            .Select(i => Demand($"twin{i}", "散热器国产化", "需要替代进口散热器。") with { BudgetMin = 10m, BudgetMax = 20m })
            .ToList();
        using var forwards = Index(twins);
        using var backwards = Index(Enumerable.Reverse(twins));
        var query = Query(text) with { Sort = sort };

        Assert.Equal(KeysOf(forwards.Search(query)), KeysOf(backwards.Search(query)));
        Assert.Equal(
            KeysOf(forwards.Search(query)).Skip(2).Take(2),
            KeysOf(backwards.Search(query with { Page = 2, PageSize = 2 })));
    }

    [Fact]
    public void PagesFollowOnWithoutGapsOrRepeatsAndCarryTheTotal()
    {
        using var index = Index();
        var pages = new List<string>();

        for (var page = 1; page <= 3; page++)
        {
            var result = index.Search(Query() with { Sort = DemandSort.NewestPublished, Page = page, PageSize = 3 });
            Assert.Equal(All.Count, result.Total);
            Assert.Equal(page < 3 ? 3 : 1, result.Hits.Count);
            pages.AddRange(KeysOf(result));
        }

        Assert.Equal(NewestFirst, pages);
    }

    [Fact]
    public void TextSearchPagesCarryTheTotalOfAllMatches()
    {
        using var index = Index();

        var first = index.Search(Query("需要") with { PageSize = 1 });
        var second = index.Search(Query("需要") with { Page = 2, PageSize = 1 });

        Assert.Equal((4, 4), (first.Total, second.Total));
        Assert.NotEqual(KeysOf(first), KeysOf(second));
    }

    [Fact]
    public void PageSizeZeroCountsWithoutHits()
    {
        using var index = Index();

        var result = index.Search(Query() with { ValidOn = Today, PageSize = 0 });

        Assert.Equal(6, result.Total);
        Assert.Empty(result.Hits);
    }

    [Theory]
    [InlineData(2, 7)]
    [InlineData(3, 1000)]
    [InlineData(int.MaxValue, DemandSearchQuery.MaxPageSize)]
    public void APageBeyondTheEndIsEmptyButKeepsTheTotal(int page, int pageSize)
    {
        using var index = Index();

        var result = index.Search(Query() with { Page = page, PageSize = pageSize });

        Assert.Equal(All.Count, result.Total);
        Assert.Empty(result.Hits);
    }
}
