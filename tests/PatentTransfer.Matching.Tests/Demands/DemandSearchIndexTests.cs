using PatentTransfer.Matching.Demands;
using PatentTransfer.Matching.Search;
using PatentTransfer.Matching.Text.Analysis;
using static PatentTransfer.Matching.Tests.Demands.DemandCatalogue;

namespace PatentTransfer.Matching.Tests.Demands;

public class DemandSearchIndexTests
{
    public static TheoryData<ChineseAnalyzerKind, string, string> WordsOfOneTextField => new()
    {
        // Each word is in one text of the toughness demand and in no other text of any demand.
        { ChineseAnalyzerKind.SmartCn, "targets", "堆积密度" },
        { ChineseAnalyzerKind.Jieba, "targets", "堆积密度" },
        { ChineseAnalyzerKind.SmartCn, "problem", "触媒" },
        { ChineseAnalyzerKind.Jieba, "problem", "触媒" },
        { ChineseAnalyzerKind.SmartCn, "product", "砂轮" },
        { ChineseAnalyzerKind.Jieba, "product", "砂轮" },
        { ChineseAnalyzerKind.SmartCn, "basis", "厂房" },
        { ChineseAnalyzerKind.Jieba, "basis", "厂房" },
        { ChineseAnalyzerKind.SmartCn, "keywords", "超硬材料" },
        { ChineseAnalyzerKind.Jieba, "keywords", "超硬材料" },
    };

    [Theory]
    [MemberData(nameof(WordsOfOneTextField))]
    public void FindsADemandByAWordThatAppearsInOnlyOneOfItsTexts(ChineseAnalyzerKind analyzer, string field, string word)
    {
        var texts = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["title"] = Toughness.Title,
            ["problem"] = Toughness.Problem,
            ["targets"] = Toughness.Targets,
            ["basis"] = Toughness.Basis,
            ["product"] = Toughness.Product,
            ["keywords"] = string.Join(' ', Toughness.Keywords),
        };
        Assert.Contains(word, texts[field], StringComparison.Ordinal);
        Assert.All(texts.Where(text => text.Key != field), text => Assert.DoesNotContain(word, text.Value ?? "", StringComparison.Ordinal));
        using var index = Index(analyzer: analyzer);

        var result = index.Search(Query(word));

        Assert.Equal(["toughness"], KeysOf(result));
        Assert.Equal(1, result.Total);
    }

    [Theory]
    [MemberData(nameof(AnalyzerKinds), MemberType = typeof(DemandCatalogue))]
    public void ATypedSearchRequiresAllItsWords(ChineseAnalyzerKind analyzer)
    {
        using var index = Index(analyzer: analyzer);

        Assert.Equal(["battery"], KeysOf(index.Search(Query("锂离子电池 爆炸"))));
        Assert.Empty(index.Search(Query("锂离子电池 灌溉")).Hits);
    }

    [Theory]
    [MemberData(nameof(AnalyzerKinds), MemberType = typeof(DemandCatalogue))]
    public void FoldsFullWidthTextAsThePatentIndexDoes(ChineseAnalyzerKind analyzer)
    {
        var lamp = Demand("lamp", "ＬＥＤ路灯散热改进", "现有路灯散热差，灯珠光衰快。");
        using var index = Index([.. All, lamp], analyzer);

        var hit = Assert.Single(index.Search(Query("led")).Hits);
        Assert.Equal(lamp.Id, hit.Id);
        Assert.Equal(["lamp"], KeysOf(index.Search(Query("Ｌｅｄ"))));
        // The mark sits on the original full-width characters, not on their folded form.
        Assert.Equal("<mark>ＬＥＤ</mark>路灯散热改进", hit.TitleHighlighted);
    }

    [Fact]
    public void SegmentsWithTheAnalyzerChosenInThePatentSearchOptions()
    {
        // SmartCn cuts 网页安全网关 into 网页|安全网|关, so "网页安全" misses it; jieba's search mode finds it
        // (decision 0008). The demand index must show the same difference as the patent index.
        var gateway = Demand("gateway", "网页安全网关升级", "现有网关无法拦截新型攻击。");
        using var jieba = new DemandSearchIndex(new DemandSearchOptions(), new PatentSearchOptions { Analyzer = ChineseAnalyzerKind.Jieba });
        using var smartCn = new DemandSearchIndex(new DemandSearchOptions(), new PatentSearchOptions());
        jieba.Rebuild([gateway], TestContext.Current.CancellationToken);
        smartCn.Rebuild([gateway], TestContext.Current.CancellationToken);

        Assert.Equal((ChineseAnalyzerKind.Jieba, ChineseAnalyzerKind.SmartCn), (jieba.Analyzer, smartCn.Analyzer));
        Assert.Equal(["gateway"], KeysOf(jieba.Search(Query("网页安全"))));
        Assert.Empty(smartCn.Search(Query("网页安全")).Hits);
    }

    [Fact]
    public void StopWordsFollowThePatentSearchOptions()
    {
        // 以及 is a stop word. Dropped, the search needs only 红茶 and 绿茶; kept, it is a third required word the
        // demand does not have.
        var demand = Demand("stop", "红茶绿茶加工", "茶叶加工。");
        using var removing = new DemandSearchIndex(new DemandSearchOptions(), new PatentSearchOptions());
        using var keeping = new DemandSearchIndex(new DemandSearchOptions(), new PatentSearchOptions { RemoveStopWords = false });
        removing.Rebuild([demand], TestContext.Current.CancellationToken);
        keeping.Rebuild([demand], TestContext.Current.CancellationToken);

        Assert.Equal(1, removing.Search(Query("红茶 以及 绿茶")).Total);
        Assert.Equal(0, keeping.Search(Query("红茶 以及 绿茶")).Total);
    }

    [Fact]
    public void EmptyTextListsEveryDemandNewestPublishedFirst()
    {
        using var index = Index();

        foreach (var text in new[] { null, "", "   " })
        {
            var result = index.Search(Query(text));

            Assert.Equal(All.Count, result.Total);
            Assert.Equal(["greenhouse", "website", "battery", "coating", "toughness", "steel", "tea"], KeysOf(result));
        }
    }

    [Fact]
    public void AnEmptyIndexFindsNothing()
    {
        using var index = new DemandSearchIndex(new DemandSearchOptions(), new PatentSearchOptions());

        var result = index.Search(Query("电池"));

        Assert.Equal((0, 0), (result.Total, result.Hits.Count));
        Assert.Equal(0, index.Count);
    }

    [Fact]
    public void UpsertReplacesTheDemandWithTheSameIdAndTheNextSearchSeesIt()
    {
        using var index = Index();
        var changed = Toughness with { Targets = "磨耗比提高一倍", CityCode = "1309", BudgetMin = null, BudgetMax = null };

        index.Upsert(changed);

        Assert.Equal(All.Count, index.Count);
        Assert.Empty(index.Search(Query("堆积密度")).Hits);
        Assert.Equal(["toughness"], KeysOf(index.Search(Query("磨耗比"))));
        Assert.Equal(["toughness"], KeysOf(index.Search(Query() with { CityCode = "1309" })));
        Assert.DoesNotContain("toughness", KeysOf(index.Search(Query() with { CityCode = "1306" })));
        Assert.DoesNotContain("toughness", KeysOf(index.Search(Query() with { Budget = new(50m, 100m, IncludeNegotiable: false) })));
    }

    [Fact]
    public void UpsertAddsADemandThatIsNotThereYet()
    {
        using var index = Index([Toughness, Steel]);

        index.Upsert(Greenhouse);

        Assert.Equal(3, index.Count);
        Assert.Equal(["greenhouse"], KeysOf(index.Search(Query("灌溉"))));
    }

    [Fact]
    public void UpsertManyAddsAndReplacesInOneGoAndTheNextSearchSeesAll()
    {
        using var index = Index([Toughness, Steel]);

        index.UpsertMany([Greenhouse, Toughness with { Targets = "磨耗比提高一倍" }]);

        Assert.Equal(3, index.Count);
        Assert.Equal(["greenhouse"], KeysOf(index.Search(Query("灌溉"))));
        Assert.Equal(["toughness"], KeysOf(index.Search(Query("磨耗比"))));
        Assert.Empty(index.Search(Query("堆积密度")).Hits);
    }

    [Fact]
    public void DeleteRemovesTheDemandAndTheNextSearchSeesIt()
    {
        using var index = Index();

        index.Delete(Battery.Id);
        index.Delete(Guid.NewGuid());

        Assert.Equal(All.Count - 1, index.Count);
        Assert.Empty(index.Search(Query("锂离子电池")).Hits);
        Assert.DoesNotContain("battery", KeysOf(index.Search(Query())));
    }

    [Fact]
    public void DeleteManyRemovesEveryNamedDemandAndIgnoresUnknownIds()
    {
        using var index = Index();

        index.DeleteMany([Battery.Id, Tea.Id, Battery.Id, Guid.NewGuid()]);
        index.DeleteMany([]);

        Assert.Equal(All.Count - 2, index.Count);
        Assert.Empty(index.Search(Query("锂离子电池")).Hits);
        Assert.Empty(index.Search(Query("红茶")).Hits);
        Assert.Equal(["toughness"], KeysOf(index.Search(Query("触媒"))));
    }

    [Fact]
    public void RebuildReplacesTheWholeIndex()
    {
        using var index = Index();

        index.Rebuild([Steel, Tea], TestContext.Current.CancellationToken);

        Assert.Equal(2, index.Count);
        Assert.Empty(index.Search(Query("锂离子电池")).Hits);
        Assert.Equal(["tea"], KeysOf(index.Search(Query("红茶"))));
    }

    [Fact]
    public void RebuildRefusesAnIdTwiceAndKeepsTheIndexAsItWas()
    {
        using var index = Index();

        var failure = Assert.Throws<ArgumentException>(() => index.Rebuild([Steel, Tea, Steel with { Title = "重复" }], TestContext.Current.CancellationToken));

        Assert.Equal("demands", failure.ParamName);
        Assert.Equal(All.Count, index.Count);
    }

    public static TheoryData<string> FaultyDemands => ["no id", "no confidentiality", "negative lowest budget", "negative highest budget", "inverted budget"];

    [Theory]
    [MemberData(nameof(FaultyDemands))]
    public void RefusesADemandTheHallCouldNotListRightAndKeepsTheIndexAsItWas(string fault)
    {
        using var index = Index();
        var demand = Faulty(fault);

        Assert.Throws<ArgumentException>(() => index.Upsert(demand));
        Assert.Throws<ArgumentException>(() => index.UpsertMany([Demand("fine", "一种需求", "需求说明。"), demand]));
        Assert.Throws<ArgumentException>(() => index.Rebuild([Steel, demand], TestContext.Current.CancellationToken));
        // The next change reopens the searchers: nothing of the refused calls may surface with it.
        index.Upsert(Tea);

        Assert.Equal(All.Count, index.Count);
        Assert.DoesNotContain("fine", KeysOf(index.Search(Query() with { PageSize = 100 })));
    }

    private static DemandDocument Faulty(string fault)
    {
        var demand = Demand("faulty", "一种需求", "需求说明。");
        return fault switch
        {
            "no id" => demand with { Id = Guid.Empty },
            "no confidentiality" => demand with { Confidentiality = " " },
            "negative lowest budget" => demand with { BudgetMin = -1m },
            "negative highest budget" => demand with { BudgetMax = -1m },
            "inverted budget" => demand with { BudgetMin = 20m, BudgetMax = 10m },
            _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, "unknown fault"),
        };
    }

    [Fact]
    public async Task SearchesRunConcurrentlyWithChangesAndSeeEachChangeOnceItReturns()
    {
        using var index = Index();
        await using var searches = await BackgroundSearches.StartAsync(2, () =>
        {
            var result = index.Search(Query("锂离子电池") with { PageSize = 5 });
            // Hits are read from the same point-in-time view as the total, whatever the writer does meanwhile.
            Assert.Equal(result.Total, result.Hits.Count);
        }, TestContext.Current.CancellationToken);

        for (var i = 0; i < 30; i++)
        {
            var added = Demand("extra", $"锂离子电池隔膜国产化{i}", "需要国产隔膜替代进口。");
            index.Upsert(added);
            Assert.Contains("extra", KeysOf(index.Search(Query("隔膜") with { PageSize = 100 })));
            index.Delete(added.Id);
            Assert.Empty(index.Search(Query("隔膜")).Hits);
        }

        await searches.StopAsync();
        Assert.Equal(All.Count, index.Count);
    }

    [Fact]
    public void RefusesBadPagesAndBudgetRanges()
    {
        using var index = Index();

        Assert.Throws<ArgumentOutOfRangeException>(() => index.Search(Query() with { Page = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.Search(Query() with { PageSize = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.Search(Query() with { PageSize = DemandSearchQuery.MaxPageSize + 1 }));
        Assert.Throws<ArgumentException>(() => index.Search(Query() with { Budget = new(2m, 1m, IncludeNegotiable: true) }));
        Assert.Throws<ArgumentNullException>(() => index.Search(Query() with { VisibleConfidentiality = null! }));
    }

    [Fact]
    public void RefusesToShareTheFolderOfThePatentIndex()
    {
        var folder = Path.Combine(Path.GetTempPath(), "patenttransfer-test-" + Guid.NewGuid().ToString("N"));

        var failure = Assert.Throws<ArgumentException>(() => new DemandSearchIndex(
            new DemandSearchOptions { IndexDirectory = folder + "/./" },
            new PatentSearchOptions { IndexDirectory = folder }));

        Assert.Equal("options", failure.ParamName);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void KeepsDemandsInItsOwnFolderAcrossRestarts()
    {
        var folder = Directory.CreateTempSubdirectory("patenttransfer-test-");
        try
        {
            using (var first = new DemandSearchIndex(new DemandSearchOptions { IndexDirectory = folder.FullName }, new PatentSearchOptions()))
            {
                first.Rebuild(All, TestContext.Current.CancellationToken);
            }

            using var second = new DemandSearchIndex(new DemandSearchOptions { IndexDirectory = folder.FullName }, new PatentSearchOptions());

            Assert.Equal(All.Count, second.Count);
            Assert.Equal(["toughness"], KeysOf(second.Search(Query("堆积密度"))));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void ADisposedIndexRefusesWork()
    {
        var index = Index();
        index.Dispose();
        index.Dispose();

        Assert.Throws<ObjectDisposedException>(() => index.Search(Query("电池")));
        Assert.Throws<ObjectDisposedException>(() => index.Upsert(Battery));
        Assert.Throws<ObjectDisposedException>(() => index.Count);
    }
}
