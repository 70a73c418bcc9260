using PatentTransfer.Matching.Recommend;

namespace PatentTransfer.Matching.Tests.Recommend;

public class MatchFitTests
{
    private static readonly DateOnly Today = new(2026, 12, 6);
    private static readonly MatchWeights Weights = new();

    private static PatentFacts Neutral { get; } = new(
        Guid.NewGuid(), [], null, "UtilityModel", null, [], null, null,
        OpenLicence: false, FreeForSmes: false, PayLater: false, IsSleeping: false, IsListed: false);

    private static DemandProfile Demand { get; } = new("需求", "内容");

    private static IReadOnlyList<MatchFactor> Factors(DemandProfile demand, PatentFacts patent) => MatchFit.Factors(demand, patent, Weights, Today);

    private static MatchFactor Single(DemandProfile demand, PatentFacts patent, MatchFactorKind kind) =>
        Assert.Single(Factors(demand, patent), f => f.Kind == kind);

    [Fact]
    public void ADemandWithoutFactsAndANeutralPatentHaveNoFactors() => Assert.Empty(Factors(Demand, Neutral));

    [Theory]
    [InlineData("H01M10/0525", "H01M10/0525", 1.0)]
    [InlineData("H01M10/0525", "H01M10/052", 1.0)]
    [InlineData("H01M", "H01M4/525", 1.0)]
    [InlineData("H01M10/0525", "H01M4/525", 0.7)]
    [InlineData("H01", "H01M4/525", 1.0)]
    [InlineData("H01M10/0525", "H01L33/64", 0.4)]
    [InlineData("H01M10/0525", "H04L9/40", 0.1)]
    [InlineData("H", "H04L9/40", 1.0)]
    [InlineData("H01M10/0525", "A01G25/02", 0.0)]
    [InlineData("h01m 10/0525", "H01M10/0525", 1.0)]
    public void IpcProximityFallsWithTheLevelTheCodesShare(string hint, string code, double expected) =>
        Assert.Equal(expected, MatchFit.IpcProximity(hint, code), 3);

    [Fact]
    public void TheClosestIpcCodeCounts()
    {
        var factor = Single(Demand with { IpcHints = ["A01G", "H01M10/0525"] }, Neutral with { IpcCodes = ["H01M4/525", "H01M10/0525"] }, MatchFactorKind.Ipc);

        Assert.Equal(Weights.Ipc, factor.Contribution, 6);
        Assert.Equal("H01M10/0525", factor.Detail);
    }

    [Fact]
    public void SameIndustryAdds() =>
        Assert.Equal(Weights.Industry, Single(Demand with { IndustryCode = "C38" }, Neutral with { IndustryCode = "C38" }, MatchFactorKind.Industry).Contribution);

    [Fact]
    public void AnotherIndustryIsNeutral() =>
        Assert.DoesNotContain(Factors(Demand with { IndustryCode = "C38" }, Neutral with { IndustryCode = "A01" }), f => f.Kind == MatchFactorKind.Industry);

    [Fact]
    public void AListingOfferingAnAcceptedModeAddsAndOneOfferingNoneTakesAway()
    {
        var demand = Demand with { AcceptedModes = ["Transfer", "OrdinaryLicence"] };
        var listed = Neutral with { IsListed = true };

        Assert.Equal(Weights.Modes, Single(demand, listed with { OfferedModes = ["OrdinaryLicence", "Equity"] }, MatchFactorKind.Modes).Contribution);
        Assert.Equal(-Weights.Modes, Single(demand, listed with { OfferedModes = ["Equity"] }, MatchFactorKind.Modes).Contribution);
        Assert.DoesNotContain(Factors(demand, Neutral with { OfferedModes = ["Equity"] }), f => f.Kind == MatchFactorKind.Modes);
    }

    [Fact]
    public void APriceWithinBudgetAdds() =>
        Assert.Equal(Weights.Price, Single(Demand with { BudgetMax = 200_000m }, Neutral with { Price = 150_000m }, MatchFactorKind.Price).Contribution);

    [Theory]
    [InlineData(210_000, 0.25)]
    [InlineData(300_000, 0.5)]
    [InlineData(500_000, 1.0)]
    public void APriceOverBudgetTakesAwayMoreTheFurtherOverItIs(int price, double share) =>
        Assert.Equal(-Weights.Price * share, Single(Demand with { BudgetMax = 200_000m }, Neutral with { Price = price }, MatchFactorKind.Price).Contribution, 6);

    [Fact]
    public void AFreeLicenceAddsAndIsNeverOverBudget()
    {
        var factors = Factors(Demand with { BudgetMax = 1_000m }, Neutral with { Price = 50_000m, FreeForSmes = true });

        Assert.Contains(factors, f => f.Kind == MatchFactorKind.Free && f.Contribution == Weights.Free);
        Assert.DoesNotContain(factors, f => f.Kind == MatchFactorKind.Price);
    }

    [Fact]
    public void PayLaterCountsOnlyWhereTheSmeAskedForIt()
    {
        var patent = Neutral with { PayLater = true };

        Assert.Equal(Weights.PayLater, Single(Demand with { PrefersPayLater = true }, patent, MatchFactorKind.PayLater).Contribution);
        Assert.DoesNotContain(Factors(Demand, patent), f => f.Kind == MatchFactorKind.PayLater);
    }

    [Fact]
    public void OpenLicenceSleepingListedAndInventionAdd()
    {
        var factors = Factors(Demand, Neutral with { OpenLicence = true, IsSleeping = true, IsListed = true, PatentType = "Invention" });

        Assert.Equal(
            [MatchFactorKind.OpenLicence, MatchFactorKind.Sleeping, MatchFactorKind.PatentType, MatchFactorKind.Listed],
            factors.Select(f => f.Kind));
        Assert.All(factors, f => Assert.True(f.Contribution > 0));
    }

    [Theory]
    [InlineData(1, -1.0)]
    [InlineData(3, -0.5)]
    [InlineData(8, 0.0)]
    public void LittleRemainingTermTakesAway(int years, double share)
    {
        var factors = Factors(Demand, Neutral with { ExpiryDate = Today.AddYears(years).AddDays(-1) });

        Assert.Equal(Weights.RemainingTerm * share, factors.Where(f => f.Kind == MatchFactorKind.RemainingTerm).Sum(f => f.Contribution), 6);
    }

    [Theory]
    [InlineData("1301", "1301", 1.0)]
    [InlineData("1301", "1306", 0.5)]
    [InlineData("1301", "1100", 0.25)]
    [InlineData("1301", "1200", 0.25)]
    [InlineData("1301", "3100", 0.0)]
    public void RegionCountsSameCityThenHebeiThenJingJinJi(string demandCity, string holderCity, double share) =>
        Assert.Equal(
            Weights.Region * share,
            Factors(Demand with { CityCode = demandCity }, Neutral with { CityCode = holderCity }).Where(f => f.Kind == MatchFactorKind.Region).Sum(f => f.Contribution),
            6);
}
