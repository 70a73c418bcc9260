using PatentTransfer.Matching.Search;
using static PatentTransfer.Matching.Tests.Search.TestCatalogue;

namespace PatentTransfer.Matching.Tests.Search;

public class PatentSearchSortAndPagingTests
{
    private static readonly string[] NewestFirst = ["gateway", "battery", "medicine", "anode", "greenhouse", "mining", "lamp", "road"];

    [Fact]
    public void GrantDateNewestPutsPatentsWithoutAGrantDateLast()
    {
        using var index = Index();

        Assert.Equal(NewestFirst, KeysOf(index.Search(new PatentSearchQuery(Sort: PatentSort.GrantDateNewest))));
    }

    [Fact]
    public void GrantDateNewestAppliesToTextSearchesToo()
    {
        using var index = Index();

        Assert.Equal(["battery", "anode"], KeysOf(index.Search(new PatentSearchQuery("锂离子电池", Sort: PatentSort.GrantDateNewest))));
    }

    [Fact]
    public void PriceLowestPutsPatentsWithoutAPriceLastNewestFirst()
    {
        using var index = Index();

        var keys = KeysOf(index.Search(new PatentSearchQuery(Sort: PatentSort.PriceLowest)));

        Assert.Equal(["greenhouse", "gateway", "anode", "battery"], keys[..4]);
        Assert.Equal(["medicine", "mining", "lamp", "road"], keys[4..]);
    }

    [Fact]
    public void PriceLowestWithAFilterSortsOnlyWhatMatches()
    {
        using var index = Index();

        var result = index.Search(new PatentSearchQuery(ListedOnly: true, Sort: PatentSort.PriceLowest));

        Assert.Equal(["greenhouse", "gateway", "anode", "battery", "medicine"], KeysOf(result));
        Assert.Equal(5, result.Total);
    }

    [Theory]
    [InlineData(null, PatentSort.Relevance)]
    [InlineData("散热器", PatentSort.Relevance)]
    [InlineData("散热器", PatentSort.GrantDateNewest)]
    [InlineData(null, PatentSort.PriceLowest)]
    public void TiesComeOutInTheSameOrderWhateverTheOrderOfIndexing(string? text, PatentSort sort)
    {
        // Same text, date and price: nothing but the tie-break tells them apart.
        var twins = Enumerable.Range(1, 6)
            .Select(i => Patent($"twin{i}", "一种散热器", "本实用新型公开了一种散热器。", null) with { GrantDate = new DateOnly(2022, 1, 1), Price = 1000m })
            .ToList();
        using var forwards = Index(twins);
        using var backwards = Index(Enumerable.Reverse(twins));
        var query = new PatentSearchQuery(text, Sort: sort);

        Assert.Equal(KeysOf(forwards.Search(query)), KeysOf(backwards.Search(query)));
        Assert.Equal(
            KeysOf(forwards.Search(query)).Skip(2).Take(2),
            KeysOf(backwards.Search(query with { Skip = 2, Take = 2 })));
    }

    [Fact]
    public void PagesFollowOnWithoutGapsOrRepeatsAndCarryTheTotal()
    {
        using var index = Index();
        var pages = new List<string>();

        for (var skip = 0; skip < All.Count; skip += 3)
        {
            var page = index.Search(new PatentSearchQuery(Sort: PatentSort.GrantDateNewest, Skip: skip, Take: 3));
            Assert.Equal(All.Count, page.Total);
            Assert.Equal(Math.Min(3, All.Count - skip), page.Hits.Count);
            pages.AddRange(KeysOf(page));
        }

        Assert.Equal(NewestFirst, pages);
    }

    [Fact]
    public void TextSearchPagesCarryTheTotalOfAllMatches()
    {
        using var index = Index();

        var first = index.Search(new PatentSearchQuery("锂离子电池", Take: 1));
        var second = index.Search(new PatentSearchQuery("锂离子电池", Skip: 1, Take: 1));

        Assert.Equal((2, 2), (first.Total, second.Total));
        Assert.NotEqual(KeysOf(first), KeysOf(second));
    }

    [Fact]
    public void TakeZeroCountsWithoutHits()
    {
        using var index = Index();

        var result = index.Search(new PatentSearchQuery(ListedOnly: true, Take: 0));

        Assert.Equal(5, result.Total);
        Assert.Empty(result.Hits);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(1000)]
    [InlineData(int.MaxValue)]
    public void APageBeyondTheEndIsEmptyButKeepsTheTotal(int skip)
    {
        using var index = Index();

        var result = index.Search(new PatentSearchQuery(Skip: skip, Take: PatentSearchQuery.MaxTake));

        Assert.Equal(All.Count, result.Total);
        Assert.Empty(result.Hits);
    }
}
