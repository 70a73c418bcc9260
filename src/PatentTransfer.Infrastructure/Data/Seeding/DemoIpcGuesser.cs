using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PatentTransfer.Domain.Reference;

namespace PatentTransfer.Infrastructure.Data.Seeding;

/// <summary>
/// Gives the demo patents and demo demands (whose sources have no classification) a plausible IPC main group: the
/// group whose Chinese title shares the most informative character pairs with the title and opening sentence, and
/// the industry that goes with it. Demo data only — it is marked as such and is no classifier.
/// </summary>
internal sealed partial class DemoIpcGuesser
{
    // Demo industries follow the guessed IPC class: a rough mapping, good enough to make filters meaningful. The
    // first prefix that fits wins, so the longer ones come before the one-letter fallbacks.
    private static readonly (string Prefix, string Industry)[] IndustryByIpc =
    [
        ("H01M", "new-energy"), ("H02S", "new-energy"), ("F03D", "new-energy"), ("H02J", "new-energy"),
        ("A61", "biomedicine"), ("C07K", "biomedicine"), ("C12", "biomedicine"), ("A23", "agriculture"),
        ("A01", "agriculture"), ("C21", "steel"), ("C22", "steel"), ("B21", "steel"),
        ("G06", "intelligent-info"), ("G05", "intelligent-info"), ("H04", "electronics"), ("H01", "electronics"),
        ("H05", "electronics"), ("G01", "electronics"), ("C08", "new-materials"), ("C04", "new-materials"),
        ("B82", "new-materials"), ("C01", "chemicals"), ("C07", "chemicals"), ("C09", "chemicals"), ("C10", "chemicals"),
        ("B23", "high-end-equipment"), ("B25", "high-end-equipment"), ("B64", "high-end-equipment"), ("F41", "dual-use"),
        ("F42", "dual-use"), ("H02K", "high-end-equipment"), ("D01", "new-materials"), ("D06M", "new-materials"),
        ("G", "electronics"), ("H", "electronics"), ("C", "chemicals"), ("B", "equipment"), ("F", "equipment"), ("E", "equipment"),
    ];

    // Pairs in more groups than this say nothing about the subject ("装置", "方法").
    private const int MaxGroupsPerPair = 300;

    // Subject words of the texts and a fitting main group, tried before the title comparison (which alone is
    // too weak: IPC titles are written very differently from abstracts). Order breaks ties.
    private static readonly (string Group, string[] Words)[] Rules =
    [
        ("H01M10/00", ["锂离子", "锂电", "电池", "正极", "负极", "电解液"]),
        ("H02S40/00", ["光伏", "太阳能电池"]),
        ("H02J7/00", ["充电桩", "充电"]),
        ("H02J3/00", ["电网", "配电", "输电", "储能"]),
        ("H02M7/00", ["开关电源", "逆变", "变换器", "整流"]),
        ("H02K1/00", ["电机", "马达", "转子", "定子"]),
        ("F03D7/00", ["风力", "风电"]),
        ("G06N3/00", ["神经网络", "深度学习", "机器学习", "模型训练"]),
        ("G06T7/00", ["图像", "视频帧", "像素", "图片"]),
        ("G06F16/00", ["数据库", "数据处理", "检索", "存储数据"]),
        ("G09G3/00", ["显示屏", "显示器", "显示面板", "显示装置"]),
        ("H04W72/00", ["无线通信", "基站", "终端设备", "用户设备", "接入点", "信道"]),
        ("H04L67/00", ["网络", "服务器", "通信"]),
        ("H04L9/00", ["加密", "密钥", "认证"]),
        ("H04N19/00", ["视频编码", "解码"]),
        ("G10L15/00", ["语音", "音频"]),
        ("H01Q1/00", ["天线"]),
        ("H10D30/00", ["半导体", "芯片", "晶圆", "晶体管"]),
        ("H10H20/00", ["发光二极管", "LED"]),
        ("G01D5/00", ["传感器", "传感"]),
        ("G01N33/00", ["检测", "测量", "测试"]),
        ("G05B19/00", ["控制方法", "控制系统", "控制器", "控制装置"]),
        ("B25J9/00", ["机器人", "机械臂"]),
        ("B64C39/00", ["无人机", "飞行器"]),
        ("B60W30/00", ["车辆", "汽车", "驾驶"]),
        ("B60T13/00", ["制动", "刹车"]),
        ("B63B35/00", ["船舶"]),
        ("F24F11/00", ["空调", "制冷", "冷媒"]),
        ("F28D7/00", ["换热", "热交换"]),
        ("F24H1/00", ["锅炉", "加热器", "热水"]),
        ("F23D14/00", ["燃烧", "燃烧器"]),
        ("F02B37/00", ["发动机", "内燃机"]),
        ("F04D29/00", ["泵"]),
        ("F16K31/00", ["阀门", "阀"]),
        ("F16L55/00", ["管道", "管路", "管件"]),
        ("F16C33/00", ["轴承"]),
        ("F16H1/00", ["齿轮", "减速器", "传动"]),
        ("F21V23/00", ["照明", "灯具", "光源"]),
        ("G02B13/00", ["镜头", "光学", "透镜"]),
        ("D06F58/00", ["洗衣", "干衣"]),
        ("A47J27/00", ["烹饪", "炊具", "锅"]),
        ("A23L33/00", ["食品", "饮料"]),
        ("A61K31/00", ["药物", "药物组合物", "治疗", "制剂"]),
        ("A61B5/00", ["医疗", "手术", "患者", "诊断"]),
        ("C07K16/00", ["抗体", "蛋白", "多肽"]),
        ("C12N15/00", ["细胞", "基因", "菌株", "发酵"]),
        ("C07D401/00", ["化合物", "衍生物"]),
        ("C08L101/00", ["聚合物", "树脂", "聚合"]),
        ("D01F6/00", ["纤维", "织物", "纺织"]),
        ("B05D5/00", ["涂料", "涂层"]),
        ("C09J7/00", ["胶粘", "粘合剂"]),
        ("C03C3/00", ["玻璃"]),
        ("C04B35/00", ["陶瓷", "耐火"]),
        ("C04B28/00", ["混凝土", "水泥", "砂浆"]),
        ("B01J23/00", ["催化剂", "催化"]),
        ("B01J20/00", ["分子筛", "吸附剂"]),
        ("C02F1/00", ["水处理", "污水", "废水"]),
        ("C21D8/00", ["钢", "冶炼", "炼铁", "轧制"]),
        ("C22C38/00", ["合金", "金属材料"]),
        ("B23K31/00", ["焊接"]),
        ("B23B27/00", ["切削", "刀具", "铣"]),
        ("B24B37/00", ["磨削", "抛光"]),
        ("B29C45/00", ["模具", "注塑", "成型"]),
        ("B65B5/00", ["包装"]),
        ("B65G47/00", ["输送", "传送带"]),
        ("B41J2/00", ["印刷", "打印机"]),
        ("E04B1/00", ["建筑", "墙体", "房屋", "楼板"]),
        ("E04G21/00", ["施工", "脚手架"]),
        ("E01C11/00", ["道路", "路面"]),
        ("E01D19/00", ["桥梁"]),
        ("E21D9/00", ["隧道", "巷道", "掘进"]),
        ("E21C41/00", ["采矿", "矿体", "开采"]),
        ("E21B43/00", ["钻井", "油井", "油气"]),
        ("E06B3/00", ["门窗", "门"]),
        ("E05B47/00", ["锁"]),
        ("A01G9/00", ["种植", "播种", "育苗", "农作物"]),
        ("A23K50/00", ["养殖", "饲料"]),
        ("A01N43/00", ["农药", "杀虫"]),
        ("C05G3/00", ["肥料"]),
        ("H01F27/00", ["磁性", "磁体", "电感"]),
        ("H01G11/00", ["电容"]),
        ("H03K17/00", ["电路", "信号处理"]),
        ("C01B32/00", ["石墨烯", "碳纳米"]),
    ];

    private readonly HashSet<string> _subclasses;
    private readonly List<(string Code, int PairCount)> _groups = [];
    private readonly Dictionary<string, List<int>> _groupsByPair = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _weights = new(StringComparer.Ordinal);

    /// <param name="mainGroups">IPC main groups ("H01M10/00") with their titles.</param>
    /// <param name="subclasses">The subclasses of the IPC table ("H01M"), for <see cref="SubclassHint"/>.</param>
    public DemoIpcGuesser(IEnumerable<(string Code, string Title)> mainGroups, IEnumerable<string> subclasses)
    {
        _subclasses = new HashSet<string>(subclasses, StringComparer.Ordinal);
        foreach (var (code, title) in mainGroups)
        {
            var pairs = Pairs(References().Replace(title, ""));
            if (pairs.Count == 0)
            {
                continue;
            }

            var index = _groups.Count;
            _groups.Add((code, pairs.Count));
            foreach (var pair in pairs)
            {
                if (!_groupsByPair.TryGetValue(pair, out var list))
                {
                    _groupsByPair[pair] = list = [];
                }

                list.Add(index);
            }
        }

        foreach (var (pair, list) in _groupsByPair)
        {
            _weights[pair] = list.Count > MaxGroupsPerPair ? 0 : Math.Log((double)_groups.Count / list.Count);
        }
    }

    /// <summary>
    /// The guesser over the IPC table of <paramref name="db"/>. A group is described together with its subclass, so
    /// that a short group title ("弹簧") only wins in a subclass that fits the text as a whole.
    /// </summary>
    public static async Task<DemoIpcGuesser> LoadAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var entries = await db.IpcEntries.AsNoTracking().Where(e => e.Level == IpcLevel.MainGroup || e.Level == IpcLevel.Subclass)
            .Select(e => new { e.Code, e.Level, e.Title }).ToListAsync(cancellationToken);
        var subclasses = entries.Where(e => e.Level == IpcLevel.Subclass).ToDictionary(e => e.Code, e => e.Title, StringComparer.Ordinal);
        return new DemoIpcGuesser(
            entries.Where(e => e.Level == IpcLevel.MainGroup).Select(e => (e.Code, e.Title + "；" + subclasses.GetValueOrDefault(e.Code[..4], ""))),
            subclasses.Keys);
    }

    /// <summary>The demo industry of an IPC symbol (any level), "other" when none fits.</summary>
    public static string IndustryOf(string? ipcSymbol) =>
        ipcSymbol is { Length: > 0 } symbol
            ? IndustryByIpc.FirstOrDefault(m => symbol.StartsWith(m.Prefix, StringComparison.Ordinal)).Industry ?? "other"
            : "other";

    /// <summary>
    /// The subclass ("H01M") of the best-fitting main group that the IPC table has, or null when nothing fits: a
    /// hint at the technical field, as an SME would give it, rather than a classification it could not make.
    /// </summary>
    public string? SubclassHint(string title, string opening) =>
        Guess(title, opening, 3).Select(group => group[..4]).FirstOrDefault(_subclasses.Contains);

    /// <summary>
    /// The best-fitting main groups, best first (at most <paramref name="take"/>): the subject words of the title
    /// count three times, those of the opening of the abstract once.
    /// </summary>
    public IReadOnlyList<string> Guess(string title, string opening, int take)
    {
        var byRule = Rules
            .Select((rule, order) => (rule.Group, order, Score: rule.Words.Sum(w => (title.Contains(w, StringComparison.Ordinal) ? 3 : 0) + (opening.Contains(w, StringComparison.Ordinal) ? 1 : 0))))
            .Where(r => r.Score > 0)
            .OrderByDescending(r => r.Score).ThenBy(r => r.order)
            .Select(r => r.Group);
        return byRule.Concat(GuessByTitles(title + opening, take)).Distinct(StringComparer.Ordinal).Take(take).ToList();
    }

    private IEnumerable<string> GuessByTitles(string text, int take)
    {
        var scores = new Dictionary<int, double>();
        foreach (var pair in Pairs(text))
        {
            if (_weights.TryGetValue(pair, out var weight) && weight > 0)
            {
                foreach (var group in _groupsByPair[pair])
                {
                    scores[group] = scores.GetValueOrDefault(group) + weight;
                }
            }
        }

        // Long titles match more pairs by chance; the square root keeps short precise titles competitive.
        return scores.OrderByDescending(s => s.Value / Math.Sqrt(_groups[s.Key].PairCount)).ThenBy(s => _groups[s.Key].Code, StringComparer.Ordinal)
            .Take(take).Select(s => _groups[s.Key].Code);
    }

    private static HashSet<string> Pairs(string text)
    {
        var pairs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (IsHan(text[i]) && IsHan(text[i + 1]))
            {
                pairs.Add(text.Substring(i, 2));
            }
        }

        return pairs;
    }

    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF';

    // "（用于播种的入A01C5/00）": references to other places of the scheme are not the group's subject.
    [GeneratedRegex(@"[（(][^）)]*[）)]")]
    private static partial Regex References();
}
