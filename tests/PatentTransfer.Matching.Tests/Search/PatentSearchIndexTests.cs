using PatentTransfer.Matching.Search;
using PatentTransfer.Matching.Text.Analysis;
using static PatentTransfer.Matching.Tests.Search.TestCatalogue;

namespace PatentTransfer.Matching.Tests.Search;

public class PatentSearchIndexTests
{
    public static TheoryData<ChineseAnalyzerKind> AnalyzerKinds => [.. Analyzers];

    [Theory]
    [MemberData(nameof(AnalyzerKinds))]
    public void FindsAPatentByWordsThatAppearOnlyInItsClaims(ChineseAnalyzerKind analyzer)
    {
        using var index = Index(analyzer: analyzer);
        // 反应釜 and 氢氧化钠 are in the battery patent's claims, not in its title or abstract, nor in any other patent.
        Assert.DoesNotContain("反应釜", Battery.Title + Battery.Abstract, StringComparison.Ordinal);

        var result = index.Search(new PatentSearchQuery("反应釜 氢氧化钠"));

        Assert.Equal(["battery"], KeysOf(result));
        Assert.Equal(1, result.Total);
    }

    [Theory]
    [MemberData(nameof(AnalyzerKinds))]
    public void FindsPatentsByTitleWordsAndRanksTheBestMatchFirst(ChineseAnalyzerKind analyzer)
    {
        using var index = Index(analyzer: analyzer);

        var result = index.Search(new PatentSearchQuery("锂离子电池 负极"));

        Assert.Equal("anode", KeysOf(result)[0]);
    }

    [Theory]
    [MemberData(nameof(AnalyzerKinds))]
    public void ATypedSearchRequiresAllItsWords(ChineseAnalyzerKind analyzer)
    {
        using var index = Index(analyzer: analyzer);

        Assert.Equal(2, index.Search(new PatentSearchQuery("锂离子电池")).Total);
        Assert.Empty(index.Search(new PatentSearchQuery("锂离子电池 灌溉")).Hits);
    }

    [Fact]
    public void EmptyTextListsEveryPatentNewestGrantFirst()
    {
        using var index = Index();

        foreach (var text in new[] { null, "", "   " })
        {
            var result = index.Search(new PatentSearchQuery(text));

            Assert.Equal(All.Count, result.Total);
            Assert.Equal(["gateway", "battery", "medicine", "anode", "greenhouse", "mining", "lamp", "road"], KeysOf(result));
        }
    }

    [Fact]
    public void AnEmptyIndexFindsNothing()
    {
        using var index = new PatentSearchIndex(new PatentSearchOptions());

        var result = index.Search(new PatentSearchQuery("电池"));

        Assert.Equal((0, 0), (result.Total, result.Hits.Count));
        Assert.Equal(0, index.Count);
    }

    [Fact]
    public void UpsertReplacesThePatentWithTheSameIdAndTheNextSearchSeesIt()
    {
        using var index = Index();
        var changed = Battery with { Title = "一种钠离子电池正极材料的制备方法", Claims = null, CityCode = "1309" };

        index.Upsert(changed);

        Assert.Equal(All.Count, index.Count);
        Assert.Empty(index.Search(new PatentSearchQuery("反应釜")).Hits);
        Assert.Equal(["battery"], KeysOf(index.Search(new PatentSearchQuery("钠离子"))));
        Assert.Equal(["battery"], KeysOf(index.Search(new PatentSearchQuery(CityCode: "1309"))));
        Assert.DoesNotContain("battery", KeysOf(index.Search(new PatentSearchQuery(CityCode: "1301"))));
    }

    [Fact]
    public void UpsertAddsAPatentThatIsNotThereYet()
    {
        using var index = Index([Battery, Road]);

        index.Upsert(Greenhouse);

        Assert.Equal(3, index.Count);
        Assert.Equal(["greenhouse"], KeysOf(index.Search(new PatentSearchQuery("灌溉"))));
    }

    [Fact]
    public void UpsertManyAddsAndReplacesInOneGoAndTheNextSearchSeesAll()
    {
        using var index = Index([Battery, Road]);

        index.UpsertMany([Greenhouse, Battery with { Title = "一种钠离子电池正极材料的制备方法", Claims = null }]);

        Assert.Equal(3, index.Count);
        Assert.Equal(["greenhouse"], KeysOf(index.Search(new PatentSearchQuery("灌溉"))));
        Assert.Equal(["battery"], KeysOf(index.Search(new PatentSearchQuery("钠离子"))));
        Assert.Empty(index.Search(new PatentSearchQuery("反应釜")).Hits);
    }

    [Fact]
    public void DeleteRemovesThePatentAndTheNextSearchSeesIt()
    {
        using var index = Index();

        index.Delete(Battery.Id);
        index.Delete(Guid.NewGuid());

        Assert.Equal(All.Count - 1, index.Count);
        Assert.Empty(index.Search(new PatentSearchQuery("反应釜")).Hits);
        Assert.Equal(["anode"], KeysOf(index.Search(new PatentSearchQuery("锂离子电池"))));
        Assert.Empty(index.FindSimilar(Battery.Id, 5));
    }

    [Fact]
    public void RebuildReplacesTheWholeIndex()
    {
        using var index = Index();

        index.Rebuild([Road, Lamp], TestContext.Current.CancellationToken);

        Assert.Equal(2, index.Count);
        Assert.Empty(index.Search(new PatentSearchQuery("锂离子电池")).Hits);
    }

    [Fact]
    public void RebuildRefusesAnIdTwiceAndKeepsTheIndexAsItWas()
    {
        using var index = Index();

        Assert.Throws<ArgumentException>(() => index.Rebuild([Road, Lamp, Road with { Title = "重复" }], TestContext.Current.CancellationToken));

        Assert.Equal(All.Count, index.Count);
    }

    [Theory]
    [MemberData(nameof(AnalyzerKinds))]
    public void FindSimilarListsRelatedPatentsButNeverThePatentItself(ChineseAnalyzerKind analyzer)
    {
        using var index = Index(analyzer: analyzer);

        var similar = KeysOf(index.FindSimilar(Battery.Id, 5));

        Assert.DoesNotContain("battery", similar);
        Assert.Equal("anode", similar[0]);
    }

    [Fact]
    public void FindSimilarOfAnUnknownPatentIsEmpty()
    {
        using var index = Index();

        Assert.Empty(index.FindSimilar(Guid.NewGuid(), 5));
        Assert.Empty(index.FindSimilar(Battery.Id, 0));
    }

    [Fact]
    public async Task SearchesRunConcurrentlyWithChangesAndSeeEachChangeOnceItReturns()
    {
        using var index = Index();
        await using var searches = await BackgroundSearches.StartAsync(4, () =>
        {
            var result = index.Search(new PatentSearchQuery("锂离子电池", Take: 5));
            // Hits are read from the same point-in-time view as the total, whatever the writer does meanwhile.
            Assert.Equal(result.Total, result.Hits.Count);
        }, TestContext.Current.CancellationToken);

        for (var i = 0; i < 50; i++)
        {
            var added = Patent("extra", $"一种锂离子电池隔膜{i}", "本发明公开了一种锂离子电池隔膜。", null);
            index.Upsert(added);
            Assert.Contains("extra", KeysOf(index.Search(new PatentSearchQuery("隔膜", Take: 100))));
            index.Delete(added.Id);
            Assert.Empty(index.Search(new PatentSearchQuery("隔膜")).Hits);
        }

        await searches.StopAsync();
        Assert.Equal(All.Count, index.Count);
    }

    [Fact]
    public void RefusesBadPagesAndPriceRanges()
    {
        using var index = Index();

        Assert.Throws<ArgumentOutOfRangeException>(() => index.Search(new PatentSearchQuery(Skip: -1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.Search(new PatentSearchQuery(Take: PatentSearchQuery.MaxTake + 1)));
        Assert.Throws<ArgumentException>(() => index.Search(new PatentSearchQuery(PriceMin: 2m, PriceMax: 1m)));
    }

    [Fact]
    public void ADisposedIndexRefusesWork()
    {
        var index = Index();
        index.Dispose();
        index.Dispose();

        Assert.Throws<ObjectDisposedException>(() => index.Search(new PatentSearchQuery()));
        Assert.Throws<ObjectDisposedException>(() => index.Upsert(Battery));
    }
}
