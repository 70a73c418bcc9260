using PatentTransfer.Matching.Search;
using static PatentTransfer.Matching.Tests.Search.TestCatalogue;

namespace PatentTransfer.Matching.Tests.Search;

public class PatentSearchFilterTests
{
    private static readonly Dictionary<string, PatentSearchQuery> SingleFilters = new(StringComparer.Ordinal)
    {
        ["industry"] = new(IndustryCode: "C38"),
        ["patent type"] = new(PatentType: "UtilityModel"),
        ["holder type"] = new(HolderType: "University"),
        ["city"] = new(CityCode: "1301"),
        ["offered mode"] = new(OfferedMode: "OrdinaryLicence"),
        ["open licence"] = new(OpenLicenceOnly: true),
        ["free for SMEs"] = new(FreeOnly: true),
        ["pay later"] = new(PayLaterOnly: true),
        ["sleeping"] = new(SleepingOnly: true),
        ["valid"] = new(ValidOnly: true),
        ["listed"] = new(ListedOnly: true),
        ["ipc"] = new(IpcPrefix: "H01M"),
        ["price from"] = new(PriceMin: 80_000m),
        ["price up to"] = new(PriceMax: 80_000m),
        ["price between"] = new(PriceMin: 30_000m, PriceMax: 120_000.50m),
    };

    [Theory]
    [InlineData("industry", "battery anode lamp")]
    [InlineData("patent type", "greenhouse lamp")]
    [InlineData("holder type", "battery medicine mining")]
    [InlineData("city", "battery greenhouse gateway")]
    [InlineData("offered mode", "anode greenhouse")]
    [InlineData("open licence", "anode")]
    [InlineData("free for SMEs", "greenhouse")]
    [InlineData("pay later", "greenhouse gateway")]
    [InlineData("sleeping", "battery greenhouse medicine mining")]
    [InlineData("valid", "battery anode greenhouse road medicine lamp")]
    [InlineData("listed", "battery anode greenhouse medicine gateway")]
    [InlineData("ipc", "battery anode")]
    [InlineData("price from", "battery anode gateway")]
    [InlineData("price up to", "greenhouse gateway")]
    [InlineData("price between", "greenhouse anode gateway")]
    public void EachFilterAloneKeepsExactlyThePatentsItNames(string filter, string expected)
    {
        using var index = Index();

        var result = index.Search(SingleFilters[filter]);

        AssertKeys(expected, result);
    }

    [Theory]
    [InlineData("H", "battery anode gateway lamp")]
    [InlineData("H01", "battery anode lamp")]
    [InlineData("H01M", "battery anode")]
    [InlineData("H01M4", "battery anode")]
    [InlineData("h01m 4/", "battery anode")]
    [InlineData("H01M10/", "battery")]
    [InlineData("H01M10/05", "battery")]
    [InlineData("Ｈ０１Ｍ１０／０５２５", "battery")]
    [InlineData("H01M1", "")]
    [InlineData("E", "road mining")]
    [InlineData("A61K36", "medicine")]
    [InlineData("A61P3/10", "medicine")]
    [InlineData("A61P3/1", "medicine")]
    [InlineData("G06F", "")]
    public void IpcPrefixMatchesAnyCodeAtSectionClassSubclassGroupOrLonger(string prefix, string expected)
    {
        using var index = Index();

        AssertKeys(expected, index.Search(new PatentSearchQuery(IpcPrefix: prefix)));
    }

    [Fact]
    public void FiltersCombineWithAnd()
    {
        using var index = Index();

        AssertKeys("greenhouse gateway", index.Search(new PatentSearchQuery(CityCode: "1301", ListedOnly: true, PayLaterOnly: true)));
        AssertKeys("gateway", index.Search(new PatentSearchQuery(CityCode: "1301", ListedOnly: true, PayLaterOnly: true, PatentType: "Invention")));
        AssertKeys("anode", index.Search(new PatentSearchQuery(IpcPrefix: "H", ValidOnly: true, PriceMax: 200_000m)));
        AssertKeys("battery medicine", index.Search(new PatentSearchQuery(HolderType: "University", SleepingOnly: true, ListedOnly: true)));
        AssertKeys("", index.Search(new PatentSearchQuery(CityCode: "1301", HolderType: "StateOwnedEnterprise")));
    }

    [Fact]
    public void FiltersCombineWithText()
    {
        using var index = Index();

        AssertKeys("anode", index.Search(new PatentSearchQuery("锂离子电池", HolderType: "ResearchInstitute")));
        AssertKeys("battery", index.Search(new PatentSearchQuery("锂离子电池", IpcPrefix: "H01M10")));
        AssertKeys("", index.Search(new PatentSearchQuery("锂离子电池", CityCode: "1306")));
    }

    [Fact]
    public void PriceBoundsAreInclusiveAndPatentsWithoutAPriceAreLeftOut()
    {
        using var index = Index();

        AssertKeys("anode", index.Search(new PatentSearchQuery(PriceMin: 120_000.50m, PriceMax: 120_000.50m)));
        AssertKeys("greenhouse anode gateway battery", index.Search(new PatentSearchQuery(PriceMin: 0m)));
        AssertKeys("greenhouse anode gateway battery", index.Search(new PatentSearchQuery(PriceMax: decimal.MaxValue)));
    }

    [Fact]
    public void PriceBoundsBetweenWholeFenDoNotAdmitPricesOutsideThem()
    {
        using var index = Index();

        AssertKeys("", index.Search(new PatentSearchQuery(PriceMin: 120_000.501m, PriceMax: 120_000.509m)));
        AssertKeys("greenhouse gateway", index.Search(new PatentSearchQuery(PriceMax: 120_000.499m)));
        AssertKeys("battery", index.Search(new PatentSearchQuery(PriceMin: 120_000.501m)));
    }

    [Fact]
    public void ExactFiltersIgnoreSurroundingSpaces()
    {
        using var index = Index();

        AssertKeys("battery greenhouse gateway", index.Search(new PatentSearchQuery(CityCode: " 1301 ")));
    }

    private static void AssertKeys(string expected, PatentSearchResult result)
    {
        var keys = expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(keys, KeysOf(result).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(keys.Length, result.Total);
    }
}
