using PatentTransfer.Matching.Recommend;
using PatentTransfer.Matching.Search;
using static PatentTransfer.Matching.Tests.Search.TestCatalogue;

namespace PatentTransfer.Matching.Tests.Recommend;

public class PatentMatchIndexTests
{
    private static readonly DateOnly Today = new(2026, 12, 6);

    // Written like the SME postings of the BDCI data: company facts first, then 需求内容 and 预期目标.
    private static readonly DemandProfile CathodeDemand = new(
        "动力电池正极材料循环寿命提升",
        "我公司成立于2008年，是国家高新技术企业，年产值5000万元，员工120人。需求内容：目前我公司三元正极材料颗粒大小不均，"
        + "电池循环寿命短，希望获得正极材料共沉淀制备工艺。预期目标：循环寿命≥2000次。拟投入资金100万元，合作方式为技术转让。");

    private static PatentMatchIndex Index(IEnumerable<PatentDocument>? patents = null, MatchWeights? weights = null)
    {
        var index = new PatentMatchIndex(new MatchOptions(), weights);
        index.Rebuild(patents ?? All, TestContext.Current.CancellationToken);
        return index;
    }

    private static string[] Keys(IEnumerable<PatentRecommendation> results) => results.Select(r => KeyOf(r.PatentId)).ToArray();

    [Fact]
    public void RecommendsThePatentThatSolvesTheDemandFirst()
    {
        using var index = Index();

        var results = index.Recommend(CathodeDemand, 3, Today);

        Assert.Equal("battery", Keys(results)[0]);
    }

    [Fact]
    public void CompanyFactsBudgetAndHeadingsAreNotPartOfTheQuery()
    {
        using var index = Index([.. All, Patent("company", "一种企业员工考勤方法", "本发明公开了一种企业员工考勤方法，记录员工出勤，统计年产值与投入资金。", null)]);

        var words = index.QueryTerms(CathodeDemand).Where(t => !t.IsBigram).Select(t => t.Text).ToList();

        Assert.Contains("正极", words);
        Assert.Contains("循环", words);
        Assert.DoesNotContain("员工", words);
        Assert.DoesNotContain("年产值", words);
        Assert.DoesNotContain("资金", words);
        Assert.DoesNotContain("需求", words);
    }

    [Fact]
    public void TitleWordsWeighMoreThanTheSameWordsInTheText()
    {
        using var index = Index();

        var terms = index.QueryTerms(new DemandProfile("电池正极", "我们做灌溉系统，也了解电池。")).Where(t => !t.IsBigram).ToDictionary(t => t.Text);

        Assert.Equal(QueryTermSource.Title, terms["正极"].Source);
        Assert.True(terms["正极"].Weight > terms["灌溉"].Weight);
    }

    [Fact]
    public void TheSentenceThatSaysWhatIsWantedWeighsMore()
    {
        using var index = Index();

        var terms = index.QueryTerms(new DemandProfile("改进", "我们生产路灯，散热不好。希望获得灌溉系统的技术。")).Where(t => !t.IsBigram).ToDictionary(t => t.Text);

        Assert.True(terms["灌溉"].Weight > terms["路灯"].Weight);
    }

    [Fact]
    public void KeywordsOfTheSmeJoinTheQuery()
    {
        using var index = Index();

        var terms = index.QueryTerms(new DemandProfile("散热改进", "产品发热严重。") { Keywords = ["路灯"] });

        Assert.Contains(terms, t => t.Text == "路灯" && t.Source == QueryTermSource.Keyword);
    }

    [Fact]
    public void InvalidPatentsAreNeverRecommended()
    {
        using var index = Index();

        // The gateway patent is the only one about web security, and it is no longer valid.
        var results = index.Recommend(new DemandProfile("网页安全网关", "网站经常被跨站脚本攻击，需要过滤脚本代码的网关。"), 10, Today);

        Assert.DoesNotContain("gateway", Keys(results));
    }

    [Fact]
    public void DismissedPatentsAreLeftOut()
    {
        using var index = Index();
        var battery = All.Single(p => KeyOf(p.Id) == "battery").Id;

        var results = index.Recommend(CathodeDemand, 10, Today, new HashSet<Guid> { battery });

        Assert.DoesNotContain("battery", Keys(results));
        Assert.NotEmpty(results);
    }

    [Fact]
    public void ADemandWithoutAnyWordOfThePatentsGetsNothing()
    {
        using var index = Index();

        Assert.Empty(index.Recommend(new DemandProfile("量子", "纠缠"), 10, Today));
    }

    [Fact]
    public void EachResultIsExplainedByItsWordsAndFactors()
    {
        using var index = Index();

        var battery = index.Recommend(CathodeDemand with { IpcHints = ["H01M4"], CityCode = "1301" }, 3, Today)[0];

        Assert.Contains(battery.MatchedTerms, t => t.Text == "正极");
        Assert.InRange(battery.MatchedTerms.Sum(t => t.Share), 0.5, 1.0 + 1e-9);
        Assert.All(battery.MatchedTerms, t => Assert.True(t.Text.Length > 1, $"single character {t.Text} listed"));
        Assert.DoesNotContain(battery.MatchedTerms, t => t.Text == "员工");
        var text = battery.Factors[0];
        Assert.Equal(MatchFactorKind.Text, text.Kind);
        Assert.Equal(1.0, text.Contribution, 6);
        Assert.Contains(battery.Factors, f => f.Kind == MatchFactorKind.Ipc && f.Detail == "H01M4/525");
        Assert.Contains(battery.Factors, f => f.Kind == MatchFactorKind.Region && f.Detail == "1301");
        Assert.Equal(battery.Factors.Sum(f => f.Contribution), battery.Score, 6);
    }

    [Fact]
    public void StructuredFitDecidesBetweenPatentsOfEqualText()
    {
        var twin = Battery with { Id = TestKeys.NewId("twin"), IpcCodes = [], IsListed = false, IsSleeping = false, OfferedModes = [], Price = null, CityCode = "1309" };
        using var index = Index([Battery, twin, Greenhouse]);

        var results = index.Recommend(CathodeDemand with { IpcHints = ["H01M4/525"] }, 2, Today);

        Assert.Equal(["battery", "twin"], Keys(results));
        Assert.Equal(results[0].TextScore, results[1].TextScore);
        Assert.True(results[0].Score > results[1].Score);
    }

    [Fact]
    public void RelevanceOutweighsStructuredFit()
    {
        // The greenhouse patent fits every structured wish of this demand; the battery patent only its text.
        using var index = Index();
        var demand = CathodeDemand with { IpcHints = ["A01G25/02"], CityCode = "1301", PrefersPayLater = true, BudgetMax = 50_000m };

        Assert.Equal("battery", Keys(index.Recommend(demand, 3, Today))[0]);
    }

    [Fact]
    public void APatentThatSharesAlmostNothingWithTheDemandIsNotRecommendedHoweverWellItFits()
    {
        // Free, pay later, open licence, sleeping, listed, in the SME's city and field: and about irrigation, sharing
        // one everyday word with a demand about battery cathodes.
        var irrigation = Patent("irrigation", "一种农田灌溉控制方法", "本发明公开了一种农田灌溉控制方法，按土壤湿度开关阀门，延长寿命。", null) with
        {
            IpcCodes = ["H01M4/525"], CityCode = "1301", IsSleeping = true, IsListed = true, OpenLicence = true, FreeForSmes = true, PayLater = true,
        };
        var demand = CathodeDemand with { IpcHints = ["H01M4/525"], CityCode = "1301", PrefersPayLater = true };
        using var index = Index([Battery, irrigation]);
        using var unfloored = new PatentMatchIndex(new MatchOptions { MinRelevance = 0 });
        unfloored.Rebuild([Battery, irrigation], TestContext.Current.CancellationToken);

        var everything = unfloored.Recommend(demand, 10, Today);
        Assert.Equal(["battery", "irrigation"], Keys(everything));
        Assert.True(everything[1].Factors.Single(f => f.Kind == MatchFactorKind.Text).Contribution < index.Options.MinRelevance);
        Assert.Equal(["battery"], Keys(index.Recommend(demand, 10, Today)));
    }

    [Fact]
    public void APatentAddedOrChangedIsSeenByTheNextRecommendation()
    {
        using var index = Index();
        var demand = new DemandProfile("秸秆粉碎还田", "玉米秸秆需要就地粉碎还田的机械。");
        Assert.DoesNotContain("straw", Keys(index.Recommend(demand, 5, Today)));

        var straw = Patent("straw", "一种玉米秸秆粉碎还田机", "本实用新型公开了一种玉米秸秆粉碎还田机，包括机架和粉碎刀辊。", null);
        index.Upsert(straw);
        Assert.Equal("straw", Keys(index.Recommend(demand, 5, Today))[0]);

        index.Upsert(straw with { IsValid = false });
        Assert.DoesNotContain("straw", Keys(index.Recommend(demand, 5, Today)));

        index.Upsert(straw);
        index.Delete(straw.Id);
        Assert.DoesNotContain("straw", Keys(index.Recommend(demand, 5, Today)));
    }

    [Fact]
    public void APatentWithoutTitleIsFoundByTheSubjectOfItsAbstract()
    {
        var untitled = Patent("untitled", "", "本发明公开了一种秸秆压块燃料成型机，包括料仓和挤压螺杆。", null);
        using var index = Index([.. All, untitled]);

        var results = index.Recommend(new DemandProfile("秸秆燃料成型", "想把秸秆压成块做燃料。"), 3, Today);

        Assert.Equal("untitled", Keys(results)[0]);
        Assert.Contains(results[0].MatchedTerms, t => t.Text == "秸秆");
    }

    [Fact]
    public void APatentThatNamesTheDemandsThingsTogetherBeatsOneThatScattersThem()
    {
        // Both patents hold every word of the demand; "scattered" repeats them in a shorter text, so BM25 alone puts it first.
        const string Filler = "该装置结构简单，安装方便，维护成本低，适合中小型企业推广使用，可以根据现场条件灵活布置，运行稳定可靠，使用寿命长，外形美观大方。";
        var together = Patent("together", "一种热能设备", "本发明公开了一种锅炉烟气余热回收装置。" + Filler + Filler, null);
        var scattered = Patent("scattered", "一种热能设备", "本发明公开了一种锅炉装置，锅炉。" + Filler + "设有烟气通道，烟气通道通烟气。" + Filler + "另设余热回收箱，回收余热。", null);
        var demand = new DemandProfile("锅炉烟气余热回收", "希望回收锅炉烟气的余热。");

        using var plain = new PatentMatchIndex(new MatchOptions { ProximityWeight = 0 });
        plain.Rebuild([together, scattered, .. All], TestContext.Current.CancellationToken);
        using var index = Index([together, scattered, .. All]);

        Assert.Equal(["scattered", "together"], Keys(plain.Recommend(demand, 2, Today)));
        Assert.Equal(["together", "scattered"], Keys(index.Recommend(demand, 2, Today)));
    }
}
