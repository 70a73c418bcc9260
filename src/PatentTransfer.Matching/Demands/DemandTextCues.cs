using System.Text.RegularExpressions;

namespace PatentTransfer.Matching.Demands;

/// <summary>
/// The words by which a sentence of a demand without headings shows what it is. Drawn from the 371 real demands of
/// the CCF BDCI 2019 set; every pattern runs on width-folded text.
/// </summary>
internal static partial class DemandTextCues
{
    /// <summary>A sentence that opens with market or policy talk: "随着社会的不断发展，…", "近年来…", "我国是…大国".</summary>
    [GeneratedRegex(
        @"\A\s*(?:随着|伴随着?|近年来|近些年来?|近几年来?|当前|当今|如今|在当前|在当今|在.{1,12}(?:背景|形势|趋势|环境)下|众所周知|据.{0,8}统计|我国是|中国是)")]
    public static partial Regex BackgroundOpener();

    /// <summary>Market and policy talk anywhere in a sentence.</summary>
    [GeneratedRegex(
        @"国家.{0,6}(?:政策|大力|提倡|倡导|出台|鼓励|重视|加快|要求)|市场(?:前景|空间|规模|潜力|容量)|前景(?:广阔|良好|巨大|十分)|广阔(?:的)?(?:市场|应用"
        + @"|发展)?前景|发展趋势|必然趋势|重要(?:意义|作用|地位)|意义(?:重大|深远)|日益|越来越|迅猛|飞速|蓬勃|快速发展|迅速发展|大国|研究热点|重要热点|热点领域|朝阳产业|普及"
        + @"|据.{0,8}统计|随着")]
    public static partial Regex BackgroundTalk();

    /// <summary>A clause promising benefits, the usual close of a posting: "将会产生较大的经济效益和社会效益".</summary>
    [GeneratedRegex(
        @"(?:将|会|能|可|必将|从而|具有|带来|产生|创造|显著|良好的?|较大的?|很大的?|巨大的?|很好的?).{0,8}(?:经济|社会|环境|生态)效益|(?:市场|应用|发展)前景"
        + @"|前景广阔|广阔前景|市场(?:容量|空间|价值)|(?:重要|重大|深远)(?:的)?意义")]
    public static partial Regex Benefit();

    /// <summary>What makes a sentence about the SME's need: a problem, a wish, a task.</summary>
    [GeneratedRegex(
        @"需要|需求|希望|寻求|寻找|征集|亟需|亟待|急需|迫切|拟|如何|怎样|怎么|难题|难点|瓶颈|问题|困难|不足|缺陷|缺点|弊端|不理想|不稳定|不够|无法|难以|不能|达不到|偏高|偏低"
        + @"|偏大|偏差|隐患|解决|攻克|技术支持|指导|合作|引进|改进|改造|(?<!希)望(?:有|能|得到|与)")]
    public static partial Regex Need();

    /// <summary>An unmistakable request, strong enough to take a sentence out of a basis section ("3、…寻求一种焊接技术").</summary>
    [GeneratedRegex(@"寻求|寻找|希望|亟需|急需|征集|拟|如何|需要(?:解决|开发|研发|研究|引进|合作)|需求(?:一种|技术|解决)")]
    public static partial Regex StrongNeed();

    /// <summary>
    /// Where the background that opens a posting turns to the SME: its need, its present ("目前"), a contrast ("但"),
    /// or the company itself. Looser than <see cref="Need"/>: "餐具的需求" is still market talk.
    /// </summary>
    [GeneratedRegex(
        @"需要|(?<!的|市场|社会)需求|希望|寻求|寻找|征集|亟需|急需|迫切|拟|如何|怎样|难题|难点|瓶颈|问题|困难|不足|缺陷|不理想|无法|难以|不能|解决|攻克|目前|现阶段|但|然而"
        + @"|因此|针对|为了|本公司|我公司|公司|我们|本单位|我单位|本项目|该项目|企业")]
    public static partial Regex Turn();

    /// <summary>
    /// What the company has and has done: the form's existing basis. Counted, because one word ("经验") is weak but
    /// a sentence with several ("拥有…工程师…研发中心") is a company profile.
    /// </summary>
    [GeneratedRegex(
        @"成立于|创立于|创建于|始建于|组建于|成立以来|建厂|注册资[金本]|(?:销售|营业|主营业务)收入|销售额|营业额|利润|利税|产值|总资产|固定资产|纳税|上市公司|高新技术企业|专精特新"
        + @"|科技型中小企业|小巨人|(?:技术|研发|研究|工程|检测)中心|(?:重点)?实验室|院士工作站|博士后|质量(?:管理)?体系|体系认证|占地|建筑面积|厂房|员工|职工|在职|从业人员"
        + @"|(?:技术|研发|科研|专业)(?:人员|团队|队伍)|团队|工程师|职称|博士|硕士|本科|年产能|生产能力|设计能力|生产线|(?:检测|试验|生产|加工|实验)(?:试验)?设备"
        + @"|\d+(?:余|多)?台(?:套)?|拥有|具备|荣获|被评为|认定|授权|专利|著作权|资质|已(?:完成|建成|开发|研制|掌握|获得|取得|申请|投入|购买|具备|形成|积累|购置|初步)"
        + @"|经验|历史|最早|领先|雄厚|实力|合作关系|依托|(?:工作|研究|技术|产业化|经济|人力资源)基础|基础(?:良好|稳固|扎实)|一定的基础|(?:设备|条件|配套)(?:齐全|完善)")]
    public static partial Regex Basis();

    /// <summary>Who a company profile is about: the SME in the third person or the first.</summary>
    [GeneratedRegex(@"公司|企业|我司|本司|单位|我们|团队|集团|研究所|研究院|工厂|本厂|我厂")]
    public static partial Regex Company();

    /// <summary>
    /// Company facts a retrieval query should not carry, even inside the problem: founding, honours, revenue and
    /// output figures, premises, head count, registered capital.
    /// </summary>
    [GeneratedRegex(
        @"成立于|创立于|创建于|始建于|组建于|成立以来|注册资[金本]|(?:销售|营业|主营业务)收入|销售额|营业额|利润|利税|产值|纳税|总资产|固定资产|上市公司|高新技术企业|专精特新"
        + @"|科技型中小企业|小巨人|(?:公司|企业|厂区|基地)[^，,。；]{0,6}占地|占地面积|建筑面积|厂房|(?:员工|职工|从业人员)(?:\d|总数|人数)|(?:现有|拥有"
        + @"|在职)(?:员工|职工)|\d+(?:余|多)?(?:名|人)(?![工员])")]
    public static partial Regex CompanyFact();

    /// <summary>Filler that says nothing about the technology: "为了满足客户及市场要求".</summary>
    [GeneratedRegex(@"为了?满足(?:客户|市场|用户)(?:及|和|与|、)?(?:客户|市场|用户)?(?:的)?(?:要求|需求)|特研发此项目|特提出此需求|特发布此需求")]
    public static partial Regex Filler();

    /// <summary>Budget and cooperation terms: "拟投入资金200万元", "合作开发或技术许可".</summary>
    [GeneratedRegex(
        @"(?:投入|投资|预算|经费|资金|出资|报酬).{0,12}\d+(?:\.\d+)?(?:多|余)?(?:万|亿)?元|\A\s*(?:可|拟)?(?:(?:合作开发|技术转让|技术许可"
        + @"|专利许可|专利转让|技术入股|委托开发|联合开发|面议|许可|转让)[或、及和/]?)+(?:均可以?|皆可|都可以|亦可)?\s*[。；;，,]?\s*\z")]
    public static partial Regex Terms();

    /// <summary>
    /// A clause about what is, not what is wanted: "目前屈服强度达到550MPa", "炉内温度通常在1400-1600℃", "功率较低
    /// （90KW以下）". Its numbers are not targets.
    /// </summary>
    [GeneratedRegex(
        @"目前|现在|现有|现阶段|原来|原有|通常|一般|只有|仅有|仅为|只能|仅能|已|曾|实际|据.{0,8}统计|我国|国内|国外|其中|存在|统计|显示|表明|证明|建成|首创|若|如果|假如"
        + @"|普通|传统|常规|现用|现行|可提高|可降低|可减少|可节约|可节省|可提升|不理想|不太理想|太高|太低|过高|过低|偏高|偏低|较高|较低|较大|较小")]
    public static partial Regex CurrentState();

    /// <summary>What marks a number as wanted: a wish, a requirement, a verb of change ("降至", "提高").</summary>
    [GeneratedRegex(
        "希望|要求|需要达到|需达|需满足|须|目标|期望|预期|拟|力争|确保|保证|使其|使得|实现|满足|争取|有待|进一步|开发出|研制出|研发出|提高|降低|提升|缩短|减少|延长|降至|降到"
        + "|控制在")]
    public static partial Regex Goal();
}
