namespace PatentTransfer.Domain.Reference;

/// <summary>An industry the provincial plan names as a priority (docs/DOMAIN.md §2).</summary>
public sealed record Industry(string Code, string NameZh, string NameEn, int SortOrder)
{
    public static IReadOnlyList<Industry> Plan { get; } =
    [
        new("high-end-equipment", "高端装备制造", "High-end equipment manufacturing", 1),
        new("biomedicine", "生物医药健康", "Biomedicine and health", 2),
        new("steel", "钢铁", "Iron and steel", 3),
        new("electronics", "电子信息", "Electronic information", 4),
        new("new-energy", "新能源", "New energy", 5),
        new("new-materials", "新材料", "New materials", 6),
        new("intelligent-info", "信息智能", "Intelligent information technology", 7),
        new("chemicals", "化工", "Chemicals", 8),
        new("equipment", "装备制造", "Equipment manufacturing", 9),
        new("agriculture", "现代农业（涉农）", "Agriculture-related", 10),
        new("dual-use", "军民两用", "Military–civil dual use", 11),
        new("other", "其他", "Other", 99),
    ];
}
