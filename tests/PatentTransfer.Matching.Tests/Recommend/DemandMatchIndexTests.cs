using PatentTransfer.Matching.Recommend;
using static PatentTransfer.Matching.Tests.Search.TestCatalogue;

namespace PatentTransfer.Matching.Tests.Recommend;

public class DemandMatchIndexTests
{
    private static readonly DateOnly Today = new(2026, 12, 6);

    private static readonly DemandMatchDocument Cathode = new(
        TestKeys.NewId("cathode"),
        new DemandProfile(
            "动力电池正极材料循环寿命提升",
            "我公司成立于2008年，年产值5000万元。需求内容：三元正极材料颗粒大小不均，电池循环寿命短，希望获得共沉淀制备工艺。预期目标：循环寿命≥2000次。")
        {
            IpcHints = ["H01M4"],
            CityCode = "1301",
        });

    private static readonly DemandMatchDocument Irrigation = new(
        TestKeys.NewId("irrigation"),
        new DemandProfile("大棚自动浇水", "蔬菜大棚人工浇水费工，想要根据土壤湿度自动滴灌的系统。") { AcceptedModes = ["OrdinaryLicence"], PrefersPayLater = true });

    private static readonly DemandMatchDocument Pavement = new(
        TestKeys.NewId("pavement"),
        new DemandProfile("路面快速修补", "城市道路破损后修补慢，希望用预制混凝土板快速更换。") { Keywords = ["装配式"] });

    private static DemandMatchIndex Index()
    {
        var index = new DemandMatchIndex(new MatchOptions());
        index.Rebuild([Cathode, Irrigation, Pavement], TestContext.Current.CancellationToken);
        return index;
    }

    [Fact]
    public void FindsTheDemandsAPatentAnswersBestFirst()
    {
        using var index = Index();

        Assert.Equal("cathode", KeyOf(index.Recommend(Battery, 3, Today)[0].DemandId));
        Assert.Equal("irrigation", KeyOf(index.Recommend(Greenhouse, 3, Today)[0].DemandId));
        Assert.Equal("pavement", KeyOf(index.Recommend(Road, 3, Today)[0].DemandId));
    }

    [Fact]
    public void ADemandThatSharesAlmostNothingWithThePatentIsNotListed()
    {
        using var index = Index();
        using var unfloored = new DemandMatchIndex(new MatchOptions { MinRelevance = 0 });
        unfloored.Rebuild([Cathode, Irrigation, Pavement], TestContext.Current.CancellationToken);

        // Every demand shares a word or a pair with the battery patent (提升, 希望 …); only one is about it.
        var everything = unfloored.Recommend(Battery, 3, Today);
        Assert.True(everything.Count > 1);
        Assert.Contains(everything.Skip(1), r => r.Factors.Single(f => f.Kind == MatchFactorKind.Text).Contribution < index.Options.MinRelevance);
        var listed = index.Recommend(Battery, 3, Today);
        Assert.Equal("cathode", KeyOf(listed[0].DemandId));
        Assert.All(listed, r => Assert.True(r.Factors.Single(f => f.Kind == MatchFactorKind.Text).Contribution >= index.Options.MinRelevance));
        Assert.True(listed.Count < everything.Count);
    }

    [Fact]
    public void TheSameFactorsExplainThePairFromThisSide()
    {
        using var index = Index();

        var result = index.Recommend(Greenhouse, 1, Today)[0];

        Assert.Contains(result.MatchedTerms, t => t.Text == "滴灌");
        Assert.Equal(MatchFactorKind.Text, result.Factors[0].Kind);
        Assert.Contains(result.Factors, f => f.Kind == MatchFactorKind.Modes && f.Contribution > 0);
        Assert.Contains(result.Factors, f => f.Kind == MatchFactorKind.PayLater);
        Assert.Equal(
            MatchFit.Factors(Irrigation.Profile, Greenhouse.Facts(), new MatchWeights(), Today).Select(f => (f.Kind, f.Contribution)),
            result.Factors.Skip(1).Select(f => (f.Kind, f.Contribution)));
    }

    [Fact]
    public void ClosedDemandsLeaveTheIndex()
    {
        using var index = Index();
        index.Delete(Cathode.Id);

        Assert.DoesNotContain(index.Recommend(Battery, 3, Today), r => r.DemandId == Cathode.Id);
        Assert.Equal(2, index.Count);
    }
}
