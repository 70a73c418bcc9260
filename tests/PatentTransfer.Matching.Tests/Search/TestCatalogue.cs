using PatentTransfer.Matching.Search;
using PatentTransfer.Matching.Text.Analysis;

namespace PatentTransfer.Matching.Tests.Search;

/// <summary>
/// A small catalogue of patents written for these tests (all but <see cref="Mining"/>, whose texts are shortened
/// from KP-T0001 of the KPPatent-ZH corpus). Each has a short key; filters and sorts are checked against sets of
/// keys. Every test builds its own index from these records.
/// </summary>
internal static class TestCatalogue
{
    public static PatentDocument Battery { get; } = Patent(
        "battery",
        "一种锂离子电池正极材料的制备方法",
        "本发明公开了一种锂离子电池正极材料的制备方法，采用共沉淀法制得前驱体，再经高温煅烧得到颗粒均匀的三元正极材料，提高了电池的循环寿命和倍率性能。",
        "1.一种锂离子电池正极材料的制备方法，其特征在于，包括以下步骤：将硫酸镍、硫酸钴和硫酸锰按比例溶解后加入反应釜，滴加氢氧化钠溶液进行共沉淀；将沉淀物洗涤后放入真空干燥箱烘干；与碳酸锂混合后在氧气气氛中煅烧。\n"
        + "2.根据权利要求1所述的制备方法，其特征在于，所述煅烧的温度为850℃，保温时间为12小时。") with
    {
        IpcCodes = ["H01M4/525", "H01M10/0525"],
        IndustryCode = "C38",
        HolderType = "University",
        CityCode = "1301",
        GrantDate = new DateOnly(2023, 5, 1),
        IsSleeping = true,
        IsListed = true,
        OfferedModes = ["Transfer"],
        Price = 500_000m,
    };

    public static PatentDocument Anode { get; } = Patent(
        "anode",
        "一种锂离子电池硅碳负极材料及其制备方法",
        "本发明公开了一种锂离子电池硅碳负极材料及其制备方法，将纳米硅颗粒包覆在石墨表面并经高温煅烧形成碳层，缓解了硅在充放电过程中的体积膨胀，提高了电池的循环寿命。",
        "1.一种锂离子电池硅碳负极材料的制备方法，其特征在于：将纳米硅与石墨球磨混合，加入沥青后在氮气保护下煅烧，得到硅碳负极材料。") with
    {
        IpcCodes = ["H01M4/583"],
        IndustryCode = "C38",
        HolderType = "ResearchInstitute",
        CityCode = "1302",
        GrantDate = new DateOnly(2021, 3, 3),
        IsListed = true,
        OfferedModes = ["OrdinaryLicence", "Transfer"],
        Price = 120_000.50m,
        OpenLicence = true,
    };

    public static PatentDocument Greenhouse { get; } = Patent(
        "greenhouse",
        "一种温室大棚智能灌溉系统",
        "本实用新型公开了一种温室大棚智能灌溉系统，包括土壤湿度传感器、控制器和滴灌管路，能够根据土壤墒情自动灌溉，节约用水。",
        "1.一种温室大棚智能灌溉系统，其特征在于：所述控制器根据湿度数据控制电磁阀的开闭，所述滴灌管路上设有过滤器和压力表。") with
    {
        IpcCodes = ["A01G25/02"],
        IndustryCode = "A01",
        PatentType = "UtilityModel",
        HolderType = "PrivateEnterprise",
        CityCode = "1301",
        GrantDate = new DateOnly(2020, 1, 1),
        IsSleeping = true,
        IsListed = true,
        OfferedModes = ["OrdinaryLicence"],
        Price = 30_000m,
        FreeForSmes = true,
        PayLater = true,
    };

    public static PatentDocument Road { get; } = Patent(
        "road",
        "一种装配式混凝土路面的施工方法",
        "本发明涉及道路工程技术领域，公开了一种装配式混凝土路面的施工方法，将工厂预制的混凝土板运至现场拼装，缩短了施工工期，减少了现场湿作业。",
        "1.一种装配式混凝土路面的施工方法，其特征在于，包括：平整路基并铺设碎石找平层；采用吊车将预制混凝土板吊装至找平层上；在相邻预制混凝土板之间的接缝处灌注灌浆料。") with
    {
        IpcCodes = ["E01C5/00", "E01C11/00"],
        IndustryCode = "E48",
        HolderType = "StateOwnedEnterprise",
        CityCode = "1306",
        GrantDate = null,
    };

    public static PatentDocument Medicine { get; } = Patent(
        "medicine",
        "一种具有降血糖作用的中药组合物",
        "本发明提供一种具有降血糖作用的中药组合物，由黄芪、葛根、山药等中药材制成，对二型糖尿病有辅助治疗作用。",
        "1.一种具有降血糖作用的中药组合物，其特征在于，由以下重量份的原料制成：黄芪三十份、葛根二十份、山药十五份、丹参十份。") with
    {
        IpcCodes = ["A61K36/481", "A61P3/10"],
        IndustryCode = "C27",
        HolderType = "University",
        CityCode = "1331",
        GrantDate = new DateOnly(2022, 8, 15),
        IsSleeping = true,
        IsListed = true,
        OfferedModes = ["Equity"],
        Price = null,
    };

    public static PatentDocument Gateway { get; } = Patent(
        "gateway",
        "一种过滤<script>标签的网页安全网关",
        "本发明公开了一种网页安全网关，对用户提交的内容进行检测，去除其中的脚本代码，防止跨站脚本攻击。",
        "1.一种网页安全网关，其特征在于，包括解析模块、过滤模块和日志模块；所述过滤模块删除<script>与</script>之间的内容，并把\"<\"和\"&\"转义为实体。") with
    {
        IpcCodes = ["H04L9/40"],
        IndustryCode = "I65",
        HolderType = "PrivateEnterprise",
        CityCode = "1301",
        GrantDate = new DateOnly(2024, 2, 29),
        IsValid = false,
        IsListed = true,
        OfferedModes = ["ExclusiveLicence"],
        Price = 80_000m,
        PayLater = true,
    };

    public static PatentDocument Mining { get; } = Patent(
        "mining",
        "一种近水平薄矿体智能掘进机机械开采方法",
        "本发明公开了一种近水平薄矿体智能掘进机机械开采方法，沿矿体走向划分盘区，用智能掘进机对各矿块进行回采，采用房柱采矿方式留间柱、点柱和底柱，为非爆连续机械采矿提供了新的方法。",
        "1.一种近水平薄矿体智能掘进机机械开采方法，包括如下步骤：沿矿体走向划分盘区，盘区内沿倾向布置若干矿块；矿块内按竖直分层逐层自下而上回采；一个矿块采完充填后再采上部另一个矿块。") with
    {
        IpcCodes = ["E21C41/16"],
        IndustryCode = "B09",
        HolderType = "University",
        CityCode = "1302",
        GrantDate = new DateOnly(2019, 11, 5),
        IsValid = false,
        IsSleeping = true,
    };

    public static PatentDocument Lamp { get; } = Patent(
        "lamp",
        "一种ＬＥＤ路灯散热器",
        "本实用新型涉及照明设备，公开了一种ＬＥＤ路灯散热器，散热鳍片呈放射状排列，提高了散热效率。",
        null) with
    {
        IpcCodes = ["F21V29/00", "H01L33/64"],
        IndustryCode = "C38",
        PatentType = "UtilityModel",
        HolderType = "PrivateEnterprise",
        CityCode = "1303",
        GrantDate = new DateOnly(2018, 6, 30),
    };

    public static IReadOnlyList<PatentDocument> All { get; } = [Battery, Anode, Greenhouse, Road, Medicine, Gateway, Mining, Lamp];

    public static IEnumerable<ChineseAnalyzerKind> Analyzers => Enum.GetValues<ChineseAnalyzerKind>();

    public static PatentSearchIndex Index(IEnumerable<PatentDocument>? patents = null, ChineseAnalyzerKind analyzer = ChineseAnalyzerKind.SmartCn)
    {
        var index = new PatentSearchIndex(new PatentSearchOptions { Analyzer = analyzer });
        index.Rebuild(patents ?? All, TestContext.Current.CancellationToken);
        return index;
    }

    /// <summary>The keys of the hits, in result order.</summary>
    public static string[] KeysOf(IEnumerable<PatentHit> hits) => hits.Select(h => KeyOf(h.Id)).ToArray();

    public static string[] KeysOf(PatentSearchResult result) => KeysOf(result.Hits);

    public static string KeyOf(Guid id) => TestKeys.KeyOf(id);

    /// <summary>A patent with neutral facts: an unlisted, valid invention of a private company without IPC codes.</summary>
    public static PatentDocument Patent(string key, string title, string abstractText, string? claims)
    {
        return new PatentDocument(
            TestKeys.NewId(key),
            ApplicationNumber: "TEST-" + key,
            PublicationNumber: null,
            Title: title,
            Abstract: abstractText,
            Claims: claims,
            Keywords: [],
            IpcCodes: [],
            IndustryCode: null,
            PatentType: "Invention",
            HolderType: "PrivateEnterprise",
            CityCode: null,
            HolderName: "测试权利人",
            GrantDate: null,
            IsValid: true,
            IsSleeping: false,
            IsListed: false,
            OfferedModes: [],
            Price: null,
            OpenLicence: false,
            FreeForSmes: false,
            PayLater: false);
    }
}
