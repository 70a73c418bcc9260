namespace PatentTransfer.Domain.Regions;

public enum RegionKind
{
    Province,

    /// <summary>One of the 11 prefecture-level cities.</summary>
    PrefectureCity,

    /// <summary>定州 and 辛集: county-level cities the province administers directly; the plan treats them as cities.</summary>
    DirectlyAdministeredCity,

    /// <summary>雄安新区: administered separately from 保定 for the plan.</summary>
    NewArea,

    County,
}

/// <summary>
/// A region in the plan's hierarchy: province → city-level unit → county. City staff are bound to a
/// city-level unit; organisations sit in a county (or a city-level unit that has no counties).
/// </summary>
public sealed class Region
{
    public Region(string code, string name, string? nameEn, RegionKind kind, string? parentCode, string? cityCode, string? statisticalParentCode)
    {
        Code = code;
        Name = name;
        NameEn = nameEn;
        Kind = kind;
        ParentCode = parentCode;
        CityCode = cityCode;
        StatisticalParentCode = statisticalParentCode;
    }

    /// <summary>Statistical division code (2023), or a portal code for 雄安新区, which has none.</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }
    public string? NameEn { get; private set; }
    public RegionKind Kind { get; private set; }

    /// <summary>Parent in the plan's hierarchy (雄安's counties belong to 雄安新区, not 保定).</summary>
    public string? ParentCode { get; private set; }

    /// <summary>The city-level unit this region belongs to (itself for a city-level unit; null for the province).</summary>
    public string? CityCode { get; private set; }

    /// <summary>Parent in the statistical tables, kept so figures can be reconciled with official statistics.</summary>
    public string? StatisticalParentCode { get; private set; }

    public bool IsCityLevel => Kind is RegionKind.PrefectureCity or RegionKind.DirectlyAdministeredCity or RegionKind.NewArea;

    /// <summary>Where an organisation can be located: a county, or a city-level unit without counties.</summary>
    public bool IsLocatable => Kind is RegionKind.County or RegionKind.DirectlyAdministeredCity;
}
