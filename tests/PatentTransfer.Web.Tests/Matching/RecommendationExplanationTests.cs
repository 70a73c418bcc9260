using PatentTransfer.Domain.Demands;
using PatentTransfer.Domain.Listings;
using PatentTransfer.Matching.Recommend;
using PatentTransfer.Web.Features.Demands;
using PatentTransfer.Web.Features.Matching;
using static PatentTransfer.Web.Tests.Demands.DemandTestData;

namespace PatentTransfer.Web.Tests.Matching;

/// <summary>What the engine is told about a demand, and how its factors are worded for the SME.</summary>
public class RecommendationExplanationTests
{
    private static readonly DateOnly Today = new(2026, 12, 6);

    private static Demand DemandOf(Action<DemandInput>? change = null)
    {
        var input = Input(Today);
        change?.Invoke(input);
        return new Demand(Guid.NewGuid(), Guid.NewGuid(), input.ToDetails(), Today, DateTimeOffset.UtcNow);
    }

    private static readonly MatchWeights Weights = new();

    private static ExplainedFactor Explain(MatchFactorKind kind, double contribution, string detail, DemandProfile? demand = null) =>
        MatchExplanation.Explain(new MatchFactor(kind, contribution, detail), demand ?? new DemandProfile("t", "c") { IpcHints = ["C22C"], CityCode = "1301" }, Weights, 3);

    [Fact]
    public void TheProfileCarriesWhatTheSmeWantsSolvedAndItsTerms()
    {
        var demand = DemandOf(input =>
        {
            input.TargetScene = "矿山球磨机";
            input.Modes = [DemandMode.Buy, DemandMode.Licence, DemandMode.JointRnD];
            input.PaymentPreferences = [PaymentPreference.LumpSum, PaymentPreference.PayLater];
        });

        var profile = DemandProfiles.Of(demand, "1301");

        Assert.Equal(demand.Title, profile.Title);
        Assert.Contains(demand.Description, profile.Content, StringComparison.Ordinal);
        Assert.Contains("冲击韧性 ≥ 67 J/cm²", profile.Content, StringComparison.Ordinal);
        Assert.Contains("矿山球磨机", profile.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("中频感应炉", profile.Content, StringComparison.Ordinal);
        Assert.Equal(["耐磨", "衬板"], profile.Keywords);
        Assert.Equal(["C22C"], profile.IpcHints);
        Assert.Equal("new-materials", profile.IndustryCode);
        Assert.Equal(["Transfer", "ExclusiveLicence", "SoleLicence", "OrdinaryLicence"], profile.AcceptedModes);
        Assert.Equal((500_000m, 1_200_000m), (profile.BudgetMin, profile.BudgetMax));
        Assert.True(profile.PrefersPayLater);
        Assert.Equal("1301", profile.CityCode);
    }

    [Fact]
    public void ANegotiableBudgetTheCatchAllIndustryAndJointRnDAloneAreNotWeighed()
    {
        var demand = DemandOf(input =>
        {
            input.BudgetNegotiable = true;
            input.IndustryCode = "other";
            input.IpcHint = null;
            input.Type = DemandType.JointRnD;
            input.Modes = [DemandMode.JointRnD];
        });

        var profile = DemandProfiles.Of(demand, null);

        Assert.Equal((null, null), (profile.BudgetMin, profile.BudgetMax));
        Assert.Null(profile.IndustryCode);
        Assert.Empty(profile.IpcHints);
        Assert.Empty(profile.AcceptedModes);
        Assert.False(profile.PrefersPayLater);
        Assert.Equal([OfferMode.Equity], DemandProfiles.AcceptedModes([DemandMode.Equity]));
    }

    [Theory]
    [InlineData("C22C38/04", "C22C38/10", FactorVariant.IpcGroup, "同一IPC大组")]
    [InlineData("C22C", "C22C37/10", FactorVariant.IpcSubclass, "同一IPC小类")]
    [InlineData("C22C38/04", "C22C37/10", FactorVariant.IpcSubclass, "同一IPC小类")]
    [InlineData("C22", "C22C37/10", FactorVariant.IpcClass, "同一IPC大类")]
    [InlineData("C22B", "C22C37/10", FactorVariant.IpcClass, "同一IPC大类")]
    [InlineData("C21D", "C22C37/10", FactorVariant.IpcSection, "同一IPC部")]
    public void TheIpcFactorIsNamedByTheLevelTheClassesShare(string hint, string code, FactorVariant variant, string label)
    {
        var factor = Explain(MatchFactorKind.Ipc, 0.105, code, new DemandProfile("t", "c") { IpcHints = [hint] });

        Assert.Equal(variant, factor.Variant);
        Assert.Equal(label + " +0.11", MatchExplanation.Chip(factor));
    }

    [Fact]
    public void TextIsAShareAndEveryOtherFactorIsSigned()
    {
        Assert.Equal("文本相关 0.82", MatchExplanation.Chip(Explain(MatchFactorKind.Text, 0.8234, "")));
        Assert.Equal("开放许可 +0.04", MatchExplanation.Chip(Explain(MatchFactorKind.OpenLicence, 0.04, "")));
        Assert.Equal("超出预算 −0.03", MatchExplanation.Chip(Explain(MatchFactorKind.Price, -0.03, "2000000/1200000")));
        Assert.Equal("价格在预算内 +0.06", MatchExplanation.Chip(Explain(MatchFactorKind.Price, 0.06, "80000/1200000")));
        Assert.Equal("转化方式不符 −0.04", MatchExplanation.Chip(Explain(MatchFactorKind.Modes, -0.04, "")));
        Assert.Equal("保护期较短 −0.03", MatchExplanation.Chip(Explain(MatchFactorKind.RemainingTerm, -0.025, "3.2")));
        // A factor too small for two decimals is still shown as something.
        Assert.Equal("京津 +0.004", MatchExplanation.Chip(Explain(MatchFactorKind.Region, 0.004, "1101")));
    }

    [Fact]
    public void TheDetailNamesTheFigures()
    {
        Assert.Equal("本专利含需求中的 3 个词，文字相关度为本次最相关专利的 82%。", MatchExplanation.Detail(Explain(MatchFactorKind.Text, 0.82, ""), null));
        Assert.Equal("报价 2,000,000.00 元，超出需求的预算上限 1,200,000.00 元。",
            MatchExplanation.Detail(Explain(MatchFactorKind.Price, -0.03, "2000000/1200000"), null));
        Assert.Equal("挂牌提供需求可接受的方式：普通许可、转让。",
            MatchExplanation.Detail(Explain(MatchFactorKind.Modes, 0.04, "OrdinaryLicence Transfer"), null));
        Assert.Equal("保护期还剩约 3.2 年。", MatchExplanation.Detail(Explain(MatchFactorKind.RemainingTerm, -0.025, "3.2"), null));
        Assert.Equal(FactorVariant.SameCity, Explain(MatchFactorKind.Region, 0.03, "1301").Variant);
        Assert.Equal(FactorVariant.Hebei, Explain(MatchFactorKind.Region, 0.015, "1306").Variant);
        Assert.Equal(FactorVariant.Neighbour, Explain(MatchFactorKind.Region, 0.0075, "1201").Variant);
    }

    [Fact]
    public void AFactorThePortalDoesNotKnowYetIsShownByItsEngineName()
    {
        var factor = Explain((MatchFactorKind)99, 0.02, "x");

        Assert.Equal(FactorVariant.Unknown, factor.Variant);
        Assert.Equal("99 +0.02", MatchExplanation.Chip(factor));
        Assert.Equal("99 x", MatchExplanation.Detail(factor, null));
    }

    [Fact]
    public void AWordThePatentHasAsASynonymOfTheDemandsIsShownWithBoth()
    {
        var word = new MatchedTerm("液压", 0.4);
        var synonym = new MatchedTerm("挖掘机", 0.15, "挖机");

        Assert.Equal("液压", MatchExplanation.Word(word));
        Assert.Equal("“液压”占文字相关度的 40%", MatchExplanation.WordDetail(word));
        Assert.Equal("挖掘机≈挖机", MatchExplanation.Word(synonym));
        Assert.Equal("专利用词“挖掘机”与需求中的“挖机”意思相近，占文字相关度的 15%", MatchExplanation.WordDetail(synonym));
    }
}
