using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PatentTransfer.Domain.Reference;
using PatentTransfer.Domain.Regions;
using PatentTransfer.Infrastructure.Data;
using PatentTransfer.Infrastructure.Data.Seeding;

namespace PatentTransfer.Infrastructure.Tests;

public class ReferenceDataLoaderTests(DatabaseFixture fixture)
{
    // The shipped files: 1 province + 11 cities + 190 county-level rows, and the Chinese IPC table.
    private const int DivisionRows = 202;
    private const int RegionCount = DivisionRows + 1; // + 雄安新区
    private const int IpcRows = 77_237;

    private static readonly Lazy<IReadOnlyList<Region>> Regions =
        new(() => ReferenceDataLoader.ParseRegions(ReferenceDataLoader.ReadResource(ReferenceDataLoader.RegionsResource)));

    private static readonly Lazy<IReadOnlyList<IpcEntry>> Ipc =
        new(() => ReferenceDataLoader.ParseIpc(ReferenceDataLoader.ReadResource(ReferenceDataLoader.IpcResource)));

    private static ReferenceDataLoader Loader(PortalDbContext db) => new(db, TimeProvider.System, NullLogger<ReferenceDataLoader>.Instance);

    private static int DataLines(string text) =>
        text.Split('\n').Skip(1).Count(line => line.TrimEnd('\r').Length > 0);

    private static async Task<string> FingerprintAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToString(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), CultureInfo.InvariantCulture) ?? "";
    }

    private const string RegionsFingerprint =
        "SELECT count(*) || ':' || md5(string_agg(concat_ws('|', code, name, name_en, kind, parent_code, city_code, statistical_parent_code), E'\\n' ORDER BY code)) FROM regions";

    private const string IpcFingerprint =
        "SELECT count(*) || ':' || md5(string_agg(concat_ws('|', code, level, title, parent_code), E'\\n' ORDER BY code)) FROM ipc_entries";

    private const string DataSetsFingerprint =
        "SELECT string_agg(concat_ws('|', name, sha256, row_count, loaded_at), E'\\n' ORDER BY name) FROM reference_data_sets";

    [Fact]
    public void ShippedFilesHaveTheExpectedNumberOfRows()
    {
        Assert.Equal(DivisionRows, DataLines(ReferenceDataLoader.ReadResource(ReferenceDataLoader.RegionsResource)));
        Assert.Equal(IpcRows, DataLines(ReferenceDataLoader.ReadResource(ReferenceDataLoader.IpcResource)));
        Assert.Equal(RegionCount, Regions.Value.Count);
        Assert.Equal(IpcRows, Ipc.Value.Count);
    }

    [Fact]
    public async Task LoadsIntoAFreshDatabaseThenSkipsWhenUnchanged()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await ScratchDatabase.CreateAsync("refload", migrate: true, cancellationToken);

        var stopwatch = Stopwatch.StartNew();
        IReadOnlyList<ReferenceDataLoadResult> first;
        await using (var db = database.CreateOwnerContext())
        {
            first = await Loader(db).LoadAllAsync(cancellationToken);
        }

        TestContext.Current.SendDiagnosticMessage(
            $"Reference data load into an empty database: {stopwatch.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture)} ms");

        Assert.Equal(
            [
                new ReferenceDataLoadResult(ReferenceDataLoader.RegionsResource, RegionCount, Skipped: false),
                new ReferenceDataLoadResult(ReferenceDataLoader.IpcResource, IpcRows, Skipped: false),
            ],
            first);
        await using (var db = database.CreateOwnerContext())
        {
            Assert.Equal(RegionCount, await db.Regions.CountAsync(cancellationToken));
            Assert.Equal(IpcRows, await db.IpcEntries.CountAsync(cancellationToken));
            var sets = (await db.ReferenceDataSets.AsNoTracking().ToListAsync(cancellationToken)).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
            Assert.Equal([ReferenceDataLoader.RegionsResource, ReferenceDataLoader.IpcResource], sets.Select(s => s.Name));
            Assert.Equal([RegionCount, IpcRows], sets.Select(s => s.RowCount));
            Assert.All(sets, s => Assert.Matches("^[0-9a-f]{64}$", s.Sha256));
        }

        var regionsBefore = await FingerprintAsync(database.OwnerConnectionString, RegionsFingerprint);
        var ipcBefore = await FingerprintAsync(database.OwnerConnectionString, IpcFingerprint);
        var setsBefore = await FingerprintAsync(database.OwnerConnectionString, DataSetsFingerprint);

        stopwatch.Restart();
        IReadOnlyList<ReferenceDataLoadResult> second;
        await using (var db = database.CreateOwnerContext())
        {
            second = await Loader(db).LoadAllAsync(cancellationToken);
        }

        TestContext.Current.SendDiagnosticMessage(
            $"Reference data load when unchanged: {stopwatch.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture)} ms");

        Assert.Equal(
            [
                new ReferenceDataLoadResult(ReferenceDataLoader.RegionsResource, RegionCount, Skipped: true),
                new ReferenceDataLoadResult(ReferenceDataLoader.IpcResource, IpcRows, Skipped: true),
            ],
            second);
        Assert.Equal(regionsBefore, await FingerprintAsync(database.OwnerConnectionString, RegionsFingerprint));
        Assert.Equal(ipcBefore, await FingerprintAsync(database.OwnerConnectionString, IpcFingerprint));
        Assert.Equal(setsBefore, await FingerprintAsync(database.OwnerConnectionString, DataSetsFingerprint));
    }

    [Fact]
    public async Task ChangedFileIsLoadedAgainAndRepairsRows()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await ScratchDatabase.CreateAsync("refreload", migrate: true, cancellationToken);
        await using (var db = database.CreateOwnerContext())
        {
            Assert.False((await Loader(db).LoadRegionsAsync(cancellationToken)).Skipped);
        }

        var loaded = await FingerprintAsync(database.OwnerConnectionString, RegionsFingerprint);
        await using (var connection = new NpgsqlConnection(database.OwnerConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            // As if an older file had been loaded: a different hash and a row that has since changed.
            await using var tamper = new NpgsqlCommand(
                "UPDATE regions SET name = '旧名称' WHERE code = '1301'; UPDATE reference_data_sets SET sha256 = repeat('0', 64)", connection);
            await tamper.ExecuteNonQueryAsync(cancellationToken);
        }

        Assert.NotEqual(loaded, await FingerprintAsync(database.OwnerConnectionString, RegionsFingerprint));

        ReferenceDataLoadResult reload;
        await using (var db = database.CreateOwnerContext())
        {
            reload = await Loader(db).LoadRegionsAsync(cancellationToken);
        }

        Assert.Equal(new ReferenceDataLoadResult(ReferenceDataLoader.RegionsResource, RegionCount, Skipped: false), reload);
        Assert.Equal(loaded, await FingerprintAsync(database.OwnerConnectionString, RegionsFingerprint));
        await using (var db = database.CreateOwnerContext())
        {
            Assert.Equal("石家庄市", (await db.Regions.SingleAsync(r => r.Code == "1301", cancellationToken)).Name);
            Assert.Equal(1, await db.ReferenceDataSets.CountAsync(cancellationToken));
        }
    }

    [Theory]
    [InlineData("H", IpcLevel.Section, null)]
    [InlineData("H01", IpcLevel.Class, "H")]
    [InlineData("H01M", IpcLevel.Subclass, "H01")]
    [InlineData("H01M10/00", IpcLevel.MainGroup, "H01M")]
    [InlineData("H01M10/0525", IpcLevel.Subgroup, "H01M10/00")]
    [InlineData("A01B1/02", IpcLevel.Subgroup, "A01B1/00")]
    public async Task LoadedIpcRowsHaveTheirParents(string code, IpcLevel level, string? parent)
    {
        // The assembly's database was loaded by the same loader (TestDatabase.CreateAsync).
        await using var db = fixture.Database.CreateAppContext();

        var entry = await db.IpcEntries.AsNoTracking().SingleAsync(e => e.Code == code, TestContext.Current.CancellationToken);

        Assert.Equal(level, entry.Level);
        Assert.Equal(parent, entry.ParentCode);
        Assert.False(string.IsNullOrWhiteSpace(entry.Title));
    }

    [Fact]
    public async Task LoadedIpcTitlesAreChinese()
    {
        await using var db = fixture.Database.CreateAppContext();

        var entry = await db.IpcEntries.AsNoTracking().SingleAsync(e => e.Code == "H01M10/0525", TestContext.Current.CancellationToken);

        Assert.Contains("锂离子电池", entry.Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1331", "雄安新区", RegionKind.NewArea, "13", "1331", null)]
    [InlineData("130629", "容城县", RegionKind.County, "1331", "1331", "1306")]
    [InlineData("130682", "定州市", RegionKind.DirectlyAdministeredCity, "13", "130682", "1306")]
    [InlineData("130181", "辛集市", RegionKind.DirectlyAdministeredCity, "13", "130181", "1301")]
    [InlineData("1306", "保定市", RegionKind.PrefectureCity, "13", "1306", "13")]
    [InlineData("130602", "竞秀区", RegionKind.County, "1306", "1306", "1306")]
    public async Task LoadedRegionsFollowThePlansHierarchy(string code, string name, RegionKind kind, string parent, string city, string? statisticalParent)
    {
        await using var db = fixture.Database.CreateAppContext();

        var region = await db.Regions.AsNoTracking().SingleAsync(r => r.Code == code, TestContext.Current.CancellationToken);

        Assert.Equal(name, region.Name);
        Assert.Equal(kind, region.Kind);
        Assert.Equal(parent, region.ParentCode);
        Assert.Equal(city, region.CityCode);
        Assert.Equal(statisticalParent, region.StatisticalParentCode);
    }

    [Fact]
    public void ParsedRegionsHaveFourteenCityLevelUnits()
    {
        var cityLevel = Regions.Value.Where(r => r.IsCityLevel).ToList();

        Assert.Equal(14, cityLevel.Count);
        Assert.Equal(11, cityLevel.Count(r => r.Kind == RegionKind.PrefectureCity));
        Assert.Equal(
            [HebeiRegions.XinjiCode, HebeiRegions.DingzhouCode],
            cityLevel.Where(r => r.Kind == RegionKind.DirectlyAdministeredCity).Select(r => r.Code).Order(StringComparer.Ordinal));
        Assert.Equal([HebeiRegions.XiongAnCode], cityLevel.Where(r => r.Kind == RegionKind.NewArea).Select(r => r.Code));
        Assert.All(cityLevel, r => Assert.Equal(HebeiRegions.ProvinceCode, r.ParentCode));
        Assert.All(cityLevel, r => Assert.Equal(r.Code, r.CityCode));
        Assert.All(cityLevel, r => Assert.False(string.IsNullOrEmpty(r.NameEn)));
    }

    [Fact]
    public void ParsedRegionsGiveXiongAnExactlyItsThreeCounties()
    {
        var xiongAn = Regions.Value.Where(r => r.ParentCode == HebeiRegions.XiongAnCode).ToList();

        Assert.Equal(["130629", "130632", "130638"], xiongAn.Select(r => r.Code).Order(StringComparer.Ordinal));
        Assert.Equal(["容城县", "安新县", "雄县"], xiongAn.OrderBy(r => r.Code, StringComparer.Ordinal).Select(r => r.Name));
        Assert.All(xiongAn, r => Assert.Equal("1306", r.StatisticalParentCode));
        Assert.All(xiongAn, r => Assert.Equal(HebeiRegions.XiongAnCode, r.CityCode));
        Assert.DoesNotContain(Regions.Value, r => r.ParentCode == "1306" && HebeiRegions.XiongAnCounties.Contains(r.Code));
        Assert.DoesNotContain(Regions.Value, r => r.ParentCode == "1306" && r.Code == HebeiRegions.DingzhouCode);
    }

    [Theory]
    [InlineData(HebeiRegions.DingzhouCode, "1306")]
    [InlineData(HebeiRegions.XinjiCode, "1301")]
    public void ParsedRegionsKeepTheStatisticalParentOfDingzhouAndXinji(string code, string statisticalParent)
    {
        var city = Regions.Value.Single(r => r.Code == code);

        Assert.Equal(RegionKind.DirectlyAdministeredCity, city.Kind);
        Assert.Equal(statisticalParent, city.StatisticalParentCode);
        Assert.Equal(HebeiRegions.ProvinceCode, city.ParentCode);
    }

    [Fact]
    public void EveryParsedRegionBelongsToAKnownCityLevelUnit()
    {
        var byCode = Regions.Value.ToDictionary(r => r.Code, StringComparer.Ordinal);

        Assert.Single(Regions.Value, r => r.Kind == RegionKind.Province);
        Assert.Equal(Regions.Value.Count, byCode.Count);
        foreach (var region in Regions.Value.Where(r => r.Kind != RegionKind.Province))
        {
            Assert.True(byCode.ContainsKey(region.ParentCode!), $"{region.Code}: unknown parent {region.ParentCode}");
            Assert.True(byCode[region.CityCode!].IsCityLevel, $"{region.Code}: {region.CityCode} is not city-level");
        }

        // 190 county-level rows, of which 定州 and 辛集 became city-level units.
        Assert.Equal(188, Regions.Value.Count(r => r.Kind == RegionKind.County));
    }

    [Fact]
    public void ParseRegionsAcceptsWindowsLineEndings()
    {
        var text = ReferenceDataLoader.ReadResource(ReferenceDataLoader.RegionsResource).ReplaceLineEndings("\r\n");

        var regions = ReferenceDataLoader.ParseRegions(text);

        Assert.Equal(RegionCount, regions.Count);
        Assert.Equal(
            Regions.Value.Select(r => (r.Code, r.Name, r.Kind, r.ParentCode, r.StatisticalParentCode)),
            regions.Select(r => (r.Code, r.Name, r.Kind, r.ParentCode, r.StatisticalParentCode)));
    }

    [Theory]
    [InlineData("code,name,level,parent_code\n13,河北省,province\n")]
    [InlineData("code,name,level,parent_code\n13,河北省,province,,\n")]
    [InlineData("code,name,level,parent_code\n13,河北省,province,\n1301,石家庄市,prefecture,13\n")]
    [InlineData("code,name,level,parent_code\n1301,石家庄市,city,13\n")]
    public void ParseRegionsRefusesMalformedTables(string csv)
    {
        Assert.Throws<InvalidDataException>(() => ReferenceDataLoader.ParseRegions(csv));
    }

    [Theory]
    [InlineData("code\tlevel\ttitle\nH\tsection\n")]
    [InlineData("code\tlevel\ttitle\nH\tchapter\t电学\n")]
    public void ParseIpcRefusesMalformedTables(string tsv)
    {
        Assert.Throws<InvalidDataException>(() => ReferenceDataLoader.ParseIpc(tsv));
    }

    [Fact]
    public void ParsedIpcCodesAreUniqueAndEveryLevelIsPresent()
    {
        Assert.Equal(Ipc.Value.Count, Ipc.Value.Select(e => e.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(8, Ipc.Value.Count(e => e.Level == IpcLevel.Section));
        Assert.Equal(Enum.GetValues<IpcLevel>(), Ipc.Value.Select(e => e.Level).Distinct().Order());
        Assert.All(Ipc.Value, e => Assert.Equal(IpcEntry.ParentOf(e.Code, e.Level), e.ParentCode));
    }
}
