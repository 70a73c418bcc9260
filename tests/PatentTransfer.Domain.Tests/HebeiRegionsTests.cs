using PatentTransfer.Domain.Regions;

namespace PatentTransfer.Domain.Tests;

/// <summary>
/// The plan's hierarchy built from a few rows as the statistical table has them (the full table is checked in
/// the infrastructure tests, which read the embedded copy).
/// </summary>
public class HebeiRegionsTests
{
    private static readonly DivisionRow[] Rows =
    [
        new("13", "河北省", "province", null),
        new("1301", "石家庄市", "city", "13"),
        new("1306", "保定市", "city", "13"),
        new("130102", "长安区", "county", "1301"),
        new("130181", "辛集市", "county", "1301"),
        new("130602", "竞秀区", "county", "1306"),
        new("130629", "容城县", "county", "1306"),
        new("130632", "安新县", "county", "1306"),
        new("130638", "雄县", "county", "1306"),
        new("130682", "定州市", "county", "1306"),
    ];

    private static Dictionary<string, Region> Build(IEnumerable<DivisionRow> rows) =>
        HebeiRegions.Build(rows).ToDictionary(r => r.Code, StringComparer.Ordinal);

    [Fact]
    public void KeepsEveryRowAndAddsXiongAn()
    {
        var regions = HebeiRegions.Build(Rows);

        Assert.Equal(Rows.Length + 1, regions.Count);
        Assert.Equal(
            Rows.Select(r => r.Code).Append(HebeiRegions.XiongAnCode).Order(StringComparer.Ordinal),
            regions.Select(r => r.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ProvinceIsTheRoot()
    {
        var province = Build(Rows)[HebeiRegions.ProvinceCode];

        Assert.Equal(RegionKind.Province, province.Kind);
        Assert.Equal("河北省", province.Name);
        Assert.Equal("Hebei Province", province.NameEn);
        Assert.Null(province.ParentCode);
        Assert.Null(province.CityCode);
        Assert.Null(province.StatisticalParentCode);
        Assert.False(province.IsCityLevel);
        Assert.False(province.IsLocatable);
    }

    [Theory]
    [InlineData("1301", "石家庄市", "Shijiazhuang")]
    [InlineData("1306", "保定市", "Baoding")]
    public void PrefectureCitiesAreCityLevelUnitsOfTheProvince(string code, string name, string nameEn)
    {
        var city = Build(Rows)[code];

        Assert.Equal(RegionKind.PrefectureCity, city.Kind);
        Assert.Equal(name, city.Name);
        Assert.Equal(nameEn, city.NameEn);
        Assert.Equal(HebeiRegions.ProvinceCode, city.ParentCode);
        Assert.Equal(code, city.CityCode);
        Assert.Equal(HebeiRegions.ProvinceCode, city.StatisticalParentCode);
        Assert.True(city.IsCityLevel);
        Assert.False(city.IsLocatable);
    }

    [Theory]
    [InlineData(HebeiRegions.DingzhouCode, "定州市", "Dingzhou", "1306")]
    [InlineData(HebeiRegions.XinjiCode, "辛集市", "Xinji", "1301")]
    public void DingzhouAndXinjiAreDirectlyAdministeredCities(string code, string name, string nameEn, string statisticalParent)
    {
        var city = Build(Rows)[code];

        Assert.Equal(RegionKind.DirectlyAdministeredCity, city.Kind);
        Assert.Equal(name, city.Name);
        Assert.Equal(nameEn, city.NameEn);
        Assert.Equal(HebeiRegions.ProvinceCode, city.ParentCode);
        Assert.Equal(code, city.CityCode);
        Assert.Equal(statisticalParent, city.StatisticalParentCode);
        Assert.True(city.IsCityLevel);
        Assert.True(city.IsLocatable);
    }

    [Fact]
    public void XiongAnIsANewAreaWithoutStatisticalParent()
    {
        var xiongAn = Build(Rows)[HebeiRegions.XiongAnCode];

        Assert.Equal("1331", xiongAn.Code);
        Assert.Equal("雄安新区", xiongAn.Name);
        Assert.Equal("Xiong'an New Area", xiongAn.NameEn);
        Assert.Equal(RegionKind.NewArea, xiongAn.Kind);
        Assert.Equal(HebeiRegions.ProvinceCode, xiongAn.ParentCode);
        Assert.Equal(HebeiRegions.XiongAnCode, xiongAn.CityCode);
        Assert.Null(xiongAn.StatisticalParentCode);
        Assert.True(xiongAn.IsCityLevel);
        Assert.False(xiongAn.IsLocatable);
    }

    [Theory]
    [InlineData("130629", "容城县")]
    [InlineData("130632", "安新县")]
    [InlineData("130638", "雄县")]
    public void XiongAnTakesItsThreeCountiesFromBaoding(string code, string name)
    {
        var county = Build(Rows)[code];

        Assert.Equal(RegionKind.County, county.Kind);
        Assert.Equal(name, county.Name);
        Assert.Equal(HebeiRegions.XiongAnCode, county.ParentCode);
        Assert.Equal(HebeiRegions.XiongAnCode, county.CityCode);
        Assert.Equal("1306", county.StatisticalParentCode);
        Assert.True(county.IsLocatable);
        Assert.False(county.IsCityLevel);
    }

    [Fact]
    public void XiongAnHasExactlyItsThreeCounties()
    {
        var regions = HebeiRegions.Build(Rows);

        Assert.Equal(
            ["130629", "130632", "130638"],
            regions.Where(r => r.ParentCode == HebeiRegions.XiongAnCode).Select(r => r.Code).Order(StringComparer.Ordinal));
        Assert.Equal(["130629", "130632", "130638"], HebeiRegions.XiongAnCounties.Order(StringComparer.Ordinal));
        Assert.Equal(["130602"], regions.Where(r => r.ParentCode == "1306").Select(r => r.Code));
    }

    [Theory]
    [InlineData("130102", "1301")]
    [InlineData("130602", "1306")]
    public void OrdinaryCountiesBelongToTheirCity(string code, string city)
    {
        var county = Build(Rows)[code];

        Assert.Equal(RegionKind.County, county.Kind);
        Assert.Equal(city, county.ParentCode);
        Assert.Equal(city, county.CityCode);
        Assert.Equal(city, county.StatisticalParentCode);
        Assert.Null(county.NameEn);
        Assert.True(county.IsLocatable);
    }

    [Fact]
    public void DuplicateCodeThrows()
    {
        var rows = Rows.Append(new DivisionRow("130102", "长安区", "county", "1301"));

        var error = Assert.Throws<InvalidDataException>(() => HebeiRegions.Build(rows));

        Assert.Contains("130102", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("town")]
    [InlineData("County")]
    [InlineData("")]
    public void UnknownLevelThrows(string level)
    {
        var rows = Rows.Append(new DivisionRow("130102001", "某街道", level, "130102"));

        var error = Assert.Throws<InvalidDataException>(() => HebeiRegions.Build(rows));

        Assert.Contains("130102001", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingProvinceThrows()
    {
        var rows = Rows.Where(r => r.Code != HebeiRegions.ProvinceCode);

        Assert.Throws<InvalidDataException>(() => HebeiRegions.Build(rows));
    }

    [Fact]
    public void EmptyTableThrows()
    {
        Assert.Throws<InvalidDataException>(() => HebeiRegions.Build([]));
    }
}
