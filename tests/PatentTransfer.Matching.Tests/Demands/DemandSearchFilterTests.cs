using PatentTransfer.Matching.Demands;
using static PatentTransfer.Matching.Tests.Demands.DemandCatalogue;

namespace PatentTransfer.Matching.Tests.Demands;

public class DemandSearchFilterTests
{
    private static readonly Dictionary<string, DemandSearchQuery> SingleFilters = new(StringComparer.Ordinal)
    {
        ["industry"] = Query() with { IndustryCodes = ["C33"] },
        ["industries"] = Query() with { IndustryCodes = ["C33", "A01", "Z99"] },
        ["city"] = Query() with { CityCode = "1306" },
        ["type"] = Query() with { Type = "TechnologyImport" },
        ["mode"] = Query() with { Modes = ["Licence"] },
        ["modes"] = Query() with { Modes = ["Equity", "Licence"] },
        ["payment"] = Query() with { PaymentPreferences = ["PayLater"] },
        ["valid on"] = Query() with { ValidOn = Today },
        ["budget"] = Query() with { Budget = new(20m, 50m, IncludeNegotiable: false) },
        ["no filter"] = Query() with { IndustryCodes = [], Modes = [], PaymentPreferences = [], CityCode = " ", Type = "" },
    };

    [Theory]
    [InlineData("industry", "coating steel")]
    [InlineData("industries", "coating steel greenhouse")]
    [InlineData("city", "toughness steel")]
    [InlineData("type", "battery tea")]
    [InlineData("mode", "battery greenhouse")]
    [InlineData("modes", "battery greenhouse steel")]
    [InlineData("payment", "greenhouse website")]
    [InlineData("valid on", "toughness battery greenhouse coating website tea")]
    [InlineData("budget", "toughness greenhouse coating")]
    [InlineData("no filter", "toughness battery greenhouse coating website steel tea")]
    public void EachFilterAloneKeepsExactlyTheDemandsItNames(string filter, string expected)
    {
        using var index = Index();

        AssertKeys(expected, index.Search(SingleFilters[filter]));
    }

    [Theory]
    [InlineData(new[] { "Public" }, "toughness battery website steel")]
    [InlineData(new[] { "Anonymised" }, "greenhouse tea")]
    [InlineData(new[] { "PlatformOnly" }, "coating")]
    [InlineData(new[] { "Public", "Anonymised" }, "toughness battery website steel greenhouse tea")]
    [InlineData(new[] { "Public", "Anonymised", "PlatformOnly" }, "toughness battery greenhouse coating website steel tea")]
    [InlineData(new[] { " Public ", "Public" }, "toughness battery website steel")]
    [InlineData(new[] { "public" }, "")]
    [InlineData(new[] { "Secret" }, "")]
    public void ListsOnlyTheConfidentialityLevelsTheCallerMaySee(string[] visible, string expected)
    {
        using var index = Index();

        AssertKeys(expected, index.Search(new DemandSearchQuery(visible)));
        AssertKeys(expected, index.Search(new DemandSearchQuery(visible, Sort: DemandSort.ClosingSoonest)));
    }

    [Fact]
    public void NoVisibleLevelShowsNothingWhateverElseIsAsked()
    {
        using var index = Index();

        AssertKeys("", index.Search(new DemandSearchQuery([])));
        AssertKeys("", index.Search(new DemandSearchQuery(["", "  "])));
        AssertKeys("", index.Search(new DemandSearchQuery([], "锂离子电池", Budget: new(null, null, IncludeNegotiable: true))));
    }

    [Theory]
    [InlineData(20.0, 50.0, false, "toughness greenhouse coating")]
    [InlineData(20.0, 50.0, true, "toughness greenhouse coating battery")]
    [InlineData(200.0, null, false, "coating steel")]
    [InlineData(null, 9.0, false, "greenhouse website")]
    [InlineData(10.0, 10.0, false, "greenhouse tea")]
    [InlineData(300.0, 300.0, false, "coating steel")]
    [InlineData(300.01, null, false, "coating")]
    [InlineData(null, 4.99, true, "website battery")]
    [InlineData(null, null, false, "toughness greenhouse coating website steel tea")]
    [InlineData(null, null, true, "toughness battery greenhouse coating website steel tea")]
    public void BudgetRangesOverlapInclusivelyAndNegotiableDemandsOnlyWhenAskedFor(double? min, double? max, bool includeNegotiable, string expected)
    {
        // Budgets: toughness 50–100, greenhouse 5–20, coating from 30, website up to 8, steel 100–300, tea 10,
        // battery negotiable.
        using var index = Index();

        var result = index.Search(Query() with { Budget = new((decimal?)min, (decimal?)max, includeNegotiable) });

        AssertKeys(expected, result);
    }

    [Fact]
    public void BudgetBoundsFinerThanAFenDoNotAdmitBudgetsOutsideThem()
    {
        using var index = Index();

        // 8.0000001 万元 is 80,000.001 yuan: above website's 8 万元 by less than a fen.
        AssertKeys("toughness greenhouse coating steel tea", index.Search(Query() with { Budget = new(8.0000001m, null, false) }));
        // 9.9999999 万元 is 99,999.999 yuan: below tea's 10 万元 by less than a fen.
        AssertKeys("greenhouse website", index.Search(Query() with { Budget = new(null, 9.9999999m, false) }));
        AssertKeys("greenhouse tea", index.Search(Query() with { Budget = new(10m, 10m, false) }));
        // Clamped, not overflowing: only an open-ended budget reaches the largest bound there is.
        AssertKeys("coating", index.Search(Query() with { Budget = new(decimal.MaxValue, null, false) }));
        AssertKeys("toughness greenhouse coating website steel tea", index.Search(Query() with { Budget = new(decimal.MinValue, decimal.MaxValue, false) }));
    }

    [Theory]
    [InlineData("2026-06-30", "toughness battery greenhouse coating website steel tea")]
    [InlineData("2026-07-01", "toughness battery greenhouse coating website tea")]
    [InlineData("2026-07-15", "toughness battery greenhouse coating website tea")]
    [InlineData("2026-07-16", "toughness battery greenhouse coating tea")]
    [InlineData("2027-04-20", "")]
    public void ValidOnLeavesOutDemandsWhoseLastDayHasPassed(string day, string expected)
    {
        using var index = Index();

        AssertKeys(expected, index.Search(Query() with { ValidOn = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture) }));
    }

    [Fact]
    public void FiltersCombineWithAnd()
    {
        using var index = Index();

        AssertKeys("battery coating", index.Search(Query() with { CityCode = "1301" }));
        AssertKeys("coating", index.Search(Query() with { CityCode = "1301", Type = "TechnicalProblem" }));
        AssertKeys("", index.Search(new DemandSearchQuery(["Public"], CityCode: "1301", Type: "TechnicalProblem")));
        AssertKeys("coating steel", index.Search(Query() with { IndustryCodes = ["C33"], Budget = new(200m, null, false) }));
        AssertKeys("coating", index.Search(Query() with { IndustryCodes = ["C33"], Budget = new(200m, null, false), ValidOn = Today }));
        AssertKeys("toughness website", index.Search(new DemandSearchQuery(["Public"], Modes: ["JointRnD"], Budget: new(null, 50m, true))));
        AssertKeys("greenhouse", index.Search(new DemandSearchQuery(["Anonymised"], Modes: ["Licence", "Buy"], PaymentPreferences: ["PayLater"])));
        AssertKeys("tea", index.Search(Query() with { Type = "TechnologyImport", Budget = new(1m, 15m, IncludeNegotiable: false), ValidOn = Today }));
    }

    [Fact]
    public void FiltersCombineWithText()
    {
        using var index = Index();

        AssertKeys("coating", index.Search(Query("漆渣")));
        AssertKeys("", index.Search(new DemandSearchQuery(["Public", "Anonymised"], "漆渣")));
        AssertKeys("coating", index.Search(new DemandSearchQuery(["PlatformOnly"], "漆渣")));
        AssertKeys("steel", index.Search(Query("不锈钢") with { Modes = ["Equity"] }));
        AssertKeys("", index.Search(Query("不锈钢") with { ValidOn = Today }));
        AssertKeys("battery", index.Search(Query("电池") with { Budget = new(1m, 2m, IncludeNegotiable: true) }));
    }

    private static void AssertKeys(string expected, DemandSearchResult result)
    {
        var keys = expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(keys, KeysOf(result).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(keys.Length, result.Total);
    }
}
