using PatentTransfer.Matching.Demands;
using PatentTransfer.Matching.Search;
using PatentTransfer.Matching.Text.Analysis;

namespace PatentTransfer.Matching.Tests.Demands;

/// <summary>
/// A small hall of demands written for these tests (toughness, battery, coating and steel are shortened and
/// reworded from real demands of the CCF BDCI 2019 set; see <see cref="RealDemands"/>). Each has a short key; filters and sorts are
/// checked against sets of keys. Facts are chosen so that every filter keeps a different set, and no two demands
/// share a publication day, last valid day or budget sort value. Every test builds its own index from these records.
/// </summary>
internal static class DemandCatalogue
{
    /// <summary>The day the hall is looked at in the validity tests: "steel" closed the day before.</summary>
    public static readonly DateOnly Today = new(2026, 7, 1);

    public static readonly string[] AllLevels = ["Public", "Anonymised", "PlatformOnly"];

    // Budget [50, 100] 万元, public.
    public static DemandDocument Toughness { get; } = Demand(
        "toughness",
        "高韧性立方氮化硼单晶的研制",
        "企业需要开发立方氮化硼单晶新牌号，通过触媒自制工艺优化和高温高压合成工艺改进，获得纯净度高的新产品。") with
    {
        Targets = "100/120粒度的抗冲击韧性 ≥ 67 %，堆积密度 ≥ 1.80 克/立方厘米",
        Basis = "公司现有标准化厂房3栋，检测设备齐全",
        Product = "树脂结合剂砂轮",
        Keywords = ["超硬材料"],
        IndustryCode = "C30",
        CityCode = "1306",
        Type = "TechnicalProblem",
        Modes = ["JointRnD", "Buy"],
        PaymentPreferences = ["LumpSum"],
        BudgetMin = 50m,
        BudgetMax = 100m,
        PublishedOn = new DateOnly(2026, 3, 1),
        ValidUntil = new DateOnly(2026, 12, 31),
    };

    // Negotiable budget, public.
    public static DemandDocument Battery { get; } = Demand(
        "battery",
        "防爆锂离子电池的研发",
        "国内锂离子电池产品存在安全隐患问题，需要解决电池热失控引起的起火爆炸问题。") with
    {
        Targets = "针刺试验不起火、不爆炸",
        Basis = "已有电芯生产线两条",
        Product = "电动自行车电池包",
        Keywords = ["锂电池", "防爆"],
        IndustryCode = "C38",
        CityCode = "1301",
        Type = "TechnologyImport",
        Modes = ["Buy", "Licence"],
        PaymentPreferences = ["LumpSum", "Royalty"],
        PublishedOn = new DateOnly(2026, 5, 10),
        ValidUntil = new DateOnly(2026, 9, 30),
    };

    // Budget [5, 20] 万元, anonymised.
    public static DemandDocument Greenhouse { get; } = Demand(
        "greenhouse",
        "温室大棚水肥一体化灌溉",
        "大棚浇水施肥全靠人工，用水量大，希望引进按土壤墒情自动灌溉的设备。") with
    {
        Targets = "节水30%以上",
        Product = "蔬菜大棚",
        IndustryCode = "A01",
        CityCode = "1305",
        Type = "LicenceWanted",
        Modes = ["Licence"],
        PaymentPreferences = ["Royalty", "PayLater"],
        BudgetMin = 5m,
        BudgetMax = 20m,
        Confidentiality = "Anonymised",
        PublishedOn = new DateOnly(2026, 6, 1),
        ValidUntil = new DateOnly(2026, 8, 31),
    };

    // Budget "from 30 万元", platform only.
    public static DemandDocument Coating { get; } = Demand(
        "coating",
        "喷涂漆渣的无害化处理",
        "产品喷涂过程中产生大量漆渣，每天都要添加絮凝剂，处置成本高，需要环保的处理工艺。") with
    {
        Targets = "漆渣减量50%以上",
        IndustryCode = "C33",
        CityCode = "1301",
        Type = "TechnicalProblem",
        Modes = ["Buy"],
        PaymentPreferences = ["LumpSum"],
        BudgetMin = 30m,
        Confidentiality = "PlatformOnly",
        PublishedOn = new DateOnly(2026, 4, 20),
        ValidUntil = new DateOnly(2027, 4, 19),
    };

    // Budget "up to 8 万元", public; markup in its texts.
    public static DemandDocument Website { get; } = Demand(
        "website",
        "网站防止<script>注入的改造",
        "公司官网多次被注入脚本，需要对表单提交的内容进行过滤 & 转义，并记录攻击日志。") with
    {
        IndustryCode = "I65",
        CityCode = "1302",
        Type = "Talent",
        Modes = ["JointRnD"],
        PaymentPreferences = ["PayLater"],
        BudgetMax = 8m,
        PublishedOn = new DateOnly(2026, 5, 11),
        ValidUntil = new DateOnly(2026, 7, 15),
    };

    // Budget [100, 300] 万元, public; no longer valid on Today.
    public static DemandDocument Steel { get; } = Demand(
        "steel",
        "不锈钢和碳钢复合材料焊接方法",
        "不锈钢和碳钢复合板焊接时碳原子渗透到不锈钢表面，焊缝耐腐蚀性下降。") with
    {
        Targets = "焊缝晶间腐蚀试验合格",
        Basis = "正在试验阶段",
        IndustryCode = "C33",
        CityCode = "1306",
        Type = "JointRnD",
        Modes = ["JointRnD", "Equity"],
        PaymentPreferences = ["Royalty"],
        BudgetMin = 100m,
        BudgetMax = 300m,
        PublishedOn = new DateOnly(2026, 2, 14),
        ValidUntil = new DateOnly(2026, 6, 30),
    };

    // Budget exactly 10 万元, anonymised.
    public static DemandDocument Tea { get; } = Demand(
        "tea",
        "红茶萎凋发酵技术引进",
        "红茶加工中萎凋和发酵全凭经验，品质不稳定，希望引进可控的萎凋发酵设备和工艺。") with
    {
        IndustryCode = "C15",
        CityCode = "1308",
        Type = "TechnologyImport",
        Modes = ["Buy"],
        PaymentPreferences = ["LumpSum"],
        BudgetMin = 10m,
        BudgetMax = 10m,
        Confidentiality = "Anonymised",
        PublishedOn = new DateOnly(2026, 1, 5),
        ValidUntil = new DateOnly(2026, 10, 31),
    };

    public static IReadOnlyList<DemandDocument> All { get; } = [Toughness, Battery, Greenhouse, Coating, Website, Steel, Tea];

    public static TheoryData<ChineseAnalyzerKind> AnalyzerKinds => [.. Enum.GetValues<ChineseAnalyzerKind>()];

    public static DemandSearchIndex Index(IEnumerable<DemandDocument>? demands = null, ChineseAnalyzerKind analyzer = ChineseAnalyzerKind.SmartCn)
    {
        var index = new DemandSearchIndex(new DemandSearchOptions(), new PatentSearchOptions { Analyzer = analyzer });
        index.Rebuild(demands ?? All, TestContext.Current.CancellationToken);
        return index;
    }

    /// <summary>A search that sees every confidentiality level, as staff of the platform do.</summary>
    public static DemandSearchQuery Query(string? text = null) => new(AllLevels, text);

    /// <summary>The keys of the hits, in result order.</summary>
    public static string[] KeysOf(DemandSearchResult result) => result.Hits.Select(hit => TestKeys.KeyOf(hit.Id)).ToArray();

    /// <summary>
    /// A public demand with neutral facts: a technical problem with negotiable budget, no industry, city, modes or
    /// ways of paying, published 2026-01-01 and valid to the end of 2026.
    /// </summary>
    public static DemandDocument Demand(string key, string title, string problem) => new(
        TestKeys.NewId(key),
        Title: title,
        Problem: problem,
        Targets: null,
        Basis: null,
        Product: null,
        Keywords: [],
        IndustryCode: null,
        CityCode: null,
        Type: "TechnicalProblem",
        Modes: [],
        PaymentPreferences: [],
        BudgetMin: null,
        BudgetMax: null,
        Confidentiality: "Public",
        SmeOrganisationId: Guid.NewGuid(),
        PublishedOn: new DateOnly(2026, 1, 1),
        ValidUntil: new DateOnly(2026, 12, 31));
}
