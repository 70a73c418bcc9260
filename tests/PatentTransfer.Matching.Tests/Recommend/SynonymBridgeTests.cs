using PatentTransfer.Matching.Recommend;
using PatentTransfer.Matching.Recommend.Synonyms;
using PatentTransfer.Matching.Search;
using static PatentTransfer.Matching.Tests.Search.TestCatalogue;

namespace PatentTransfer.Matching.Tests.Recommend;

/// <summary>A rare word of the demand met in a patent as its near-synonym (the SME's 挖机, the patent's 挖掘机).</summary>
public class SynonymBridgeTests
{
    private static readonly DateOnly Today = new(2026, 12, 6);

    // The same patent but for 挖掘机, which makes "excavator" a little longer: without the synonym it is no better than "plain".
    private static readonly PatentDocument Excavator = Patent("excavator", "一种油箱装置", "本发明公开了一种挖掘机的液压油箱，包括箱体和透气阀。", null);
    private static readonly PatentDocument Plain = Patent("plain", "一种油箱装置", "本发明公开了一种液压油箱，包括箱体和透气阀。", null);
    private static readonly DemandProfile Demand = new("液压油箱进灰", "我们给挖机配套液压油箱，透气阀容易进灰，希望改进。");

    private static PatentMatchIndex Index(MatchOptions options, params PatentDocument[] patents)
    {
        var index = new PatentMatchIndex(options);
        index.Rebuild([.. patents, .. All], TestContext.Current.CancellationToken);
        return index;
    }

    private static string[] Keys(IEnumerable<PatentRecommendation> results) => results.Select(r => KeyOf(r.PatentId)).ToArray();

    [Fact]
    public void APatentUsingASynonymOfARareDemandWordIsCreditedAndTheExplanationSaysWhichWord()
    {
        using var without = Index(new MatchOptions { SynonymWeight = 0 }, Excavator, Plain);
        using var with = Index(new MatchOptions(), Excavator, Plain);

        var plainly = without.Recommend(Demand, 2, Today).ToDictionary(r => KeyOf(r.PatentId), r => r.Score);
        Assert.True(plainly["plain"] >= plainly["excavator"]);
        var results = with.Recommend(Demand, 2, Today);
        Assert.Equal(["excavator", "plain"], Keys(results));
        Assert.True(results[0].Score > results[1].Score);
        var bridge = Assert.Single(results[0].MatchedTerms, t => t.DemandWord is not null);
        Assert.Equal(("挖掘机", "挖机"), (bridge.Text, bridge.DemandWord));
        Assert.InRange(bridge.Share, 0.01, 0.99);
        Assert.InRange(results[0].MatchedTerms.Sum(t => t.Share), 0.5, 1.000001);
        Assert.DoesNotContain(results[1].MatchedTerms, t => t.DemandWord is not null);
    }

    [Fact]
    public void AWordThePatentsUseThemselvesIsNotBridged()
    {
        // 挖机 is now a word of two patents: the demand's word is found as it is, and needs no synonym.
        var shorthand = Patent("shorthand", "一种挖机铲斗", "本实用新型公开了一种挖机铲斗。", null);
        var another = Patent("another", "一种挖机驾驶室", "本实用新型公开了一种挖机驾驶室。", null);
        using var index = Index(new MatchOptions(), Excavator, Plain, shorthand, another);

        var results = index.Recommend(Demand, 10, Today);

        Assert.DoesNotContain(results.SelectMany(r => r.MatchedTerms), t => t.DemandWord is not null);
    }

    [Fact]
    public void AWordThatStopsBeingRareWhenPatentsAreAddedIsNoLongerBridged()
    {
        // The bridge keeps the document frequencies it read for as long as the index stays the same: the first search
        // reads 挖机 as rare, and the patents added after it make it common, which the next search must see.
        using var index = Index(new MatchOptions(), Excavator, Plain);
        Assert.Contains(index.Recommend(Demand, 2, Today).SelectMany(r => r.MatchedTerms), t => t.DemandWord == "挖机");

        index.UpsertMany(
        [
            Patent("shorthand", "一种挖机铲斗", "本实用新型公开了一种挖机铲斗。", null),
            Patent("another", "一种挖机驾驶室", "本实用新型公开了一种挖机驾驶室。", null),
        ]);

        Assert.DoesNotContain(index.Recommend(Demand, 10, Today).SelectMany(r => r.MatchedTerms), t => t.DemandWord is not null);
    }

    [Fact]
    public void TheTableReadsTheLongestKnownWordAtEachPlace()
    {
        var table = SynonymTable.Parse(new StringReader("# comment\n挖掘\t开挖\n挖掘机械\t挖土机\n机械\t机器\n撕裂\t撕破\n"));

        var found = table.Find("我们的挖掘机械布料撕裂了").Select(f => (f.Word, string.Join(' ', f.Synonyms))).ToList();

        Assert.Equal([("挖掘机械", "挖土机"), ("撕裂", "撕破")], found);
        // A word at the very end, and a text of one character.
        Assert.Equal(["机械", "撕裂"], table.Find("机械撕裂").Select(f => f.Word));
        Assert.Empty(table.Find("机"));
    }

    [Fact]
    public void TheShippedTableBridgesTheTradesWordsToTheDraftersWords()
    {
        var found = SynonymTable.Shipped.Find("挖机").Single();

        Assert.Contains("挖掘机", found.Synonyms);
        Assert.Contains("撕破", SynonymTable.Shipped.Find("撕裂").Single().Synonyms);
    }
}
