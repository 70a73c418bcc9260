namespace PatentTransfer.Domain.Regions;

/// <summary>A row of the statistical division table (data/regions/hebei-divisions.csv).</summary>
public sealed record DivisionRow(string Code, string Name, string Level, string? ParentCode);

/// <summary>
/// Turns the statistical division table into the plan's region hierarchy (docs/DOMAIN.md §2):
/// 定州 and 辛集 become city-level units of their own, and 雄安新区 (which has no statistical code) is added as a
/// city-level unit that takes over 容城, 安新 and 雄县 from 保定.
/// </summary>
public static class HebeiRegions
{
    public const string ProvinceCode = "13";

    /// <summary>Portal-defined code for 雄安新区; see docs/decisions/0003-regions.md.</summary>
    public const string XiongAnCode = "1331";

    public const string DingzhouCode = "130682";
    public const string XinjiCode = "130181";

    public static IReadOnlySet<string> XiongAnCounties { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "130629", // 容城县
        "130632", // 安新县
        "130638", // 雄县
    };

    private static readonly Dictionary<string, string> CityNamesEn = new(StringComparer.Ordinal)
    {
        ["13"] = "Hebei Province",
        ["1301"] = "Shijiazhuang",
        ["1302"] = "Tangshan",
        ["1303"] = "Qinhuangdao",
        ["1304"] = "Handan",
        ["1305"] = "Xingtai",
        ["1306"] = "Baoding",
        ["1307"] = "Zhangjiakou",
        ["1308"] = "Chengde",
        ["1309"] = "Cangzhou",
        ["1310"] = "Langfang",
        ["1311"] = "Hengshui",
        [DingzhouCode] = "Dingzhou",
        [XinjiCode] = "Xinji",
        [XiongAnCode] = "Xiong'an New Area",
    };

    public static IReadOnlyList<Region> Build(IEnumerable<DivisionRow> rows)
    {
        var regions = new List<Region>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!seen.Add(row.Code))
            {
                throw new InvalidDataException($"Region code {row.Code} appears twice.");
            }

            regions.Add(row switch
            {
                { Level: "province" } => new Region(row.Code, row.Name, En(row.Code), RegionKind.Province, null, null, null),
                { Level: "city" } => new Region(row.Code, row.Name, En(row.Code), RegionKind.PrefectureCity, ProvinceCode, row.Code, ProvinceCode),
                { Code: DingzhouCode or XinjiCode } =>
                    new Region(row.Code, row.Name, En(row.Code), RegionKind.DirectlyAdministeredCity, ProvinceCode, row.Code, row.ParentCode),
                { Level: "county" } when XiongAnCounties.Contains(row.Code) =>
                    new Region(row.Code, row.Name, null, RegionKind.County, XiongAnCode, XiongAnCode, row.ParentCode),
                { Level: "county" } => new Region(row.Code, row.Name, null, RegionKind.County, row.ParentCode, row.ParentCode, row.ParentCode),
                _ => throw new InvalidDataException($"Unknown region level '{row.Level}' for {row.Code}."),
            });
        }

        if (!seen.Contains(ProvinceCode))
        {
            throw new InvalidDataException("The province row (13) is missing.");
        }

        if (seen.Contains(XiongAnCode))
        {
            throw new InvalidDataException($"The table already has a region {XiongAnCode}; the portal's code for 雄安新区 must change.");
        }

        regions.Add(new Region(XiongAnCode, "雄安新区", En(XiongAnCode), RegionKind.NewArea, ProvinceCode, XiongAnCode, null));
        return regions;
    }

    private static string? En(string code) => CityNamesEn.GetValueOrDefault(code);
}
