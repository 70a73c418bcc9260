using PatentTransfer.Matching.Demands;
using static PatentTransfer.Matching.Tests.Demands.DemandTextAssertions;

namespace PatentTransfer.Matching.Tests.Demands;

/// <summary>
/// <see cref="DemandTextReader.Read"/> on demands written for these tests in the SMEs' style: the heading styles seen in
/// real postings, text without headings, company facts, filler, repeats, and the edges (empty, headings only).
/// </summary>
public class DemandTextReaderTests
{
    private const string Problem = "开发一种高温合金涡轮叶片的精密铸造工艺，解决叶片内部缩松和表面裂纹问题。";
    private const string Targets = "铸件合格率≥95%，叶片壁厚偏差不超过0.1mm。";
    private const string Basis = "公司现有真空感应熔炼炉2台，精铸车间一座。";

    public static TheoryData<string> HeadingStyles =>
    [
        $"需求内容：{Problem}预期目标：{Targets}现有工作基础：{Basis}",
        $"需求内容:{Problem}预期目标:{Targets}现有工作基础:{Basis}",
        $"一、需求内容\n{Problem}\n二、预期目标\n{Targets}\n三、现有工作基础\n{Basis}",
        $"1、需求内容:{Problem}2、预期目标:{Targets}3、现有工作基础:{Basis}",
        $"【需求内容】{Problem}【预期目标】{Targets}【现有工作基础】{Basis}",
        $"（1）需求内容 {Problem}（2）预期目标 {Targets}（3）现有工作基础 {Basis}",
        $"需求内容： {Problem} 预期目标： {Targets} 现有基础： {Basis}",
        $"技术需求：{Problem}技术指标：{Targets}现有条件：{Basis}",
    ];

    [Theory]
    [MemberData(nameof(HeadingStyles))]
    public void HeadingsInAnyStyleSplitTheTextIntoTheFormsParts(string content)
    {
        var sections = DemandTextReader.Read("涡轮叶片精密铸造", content);

        Assert.Equal(Problem, sections.FieldText(DemandTextPart.Problem));
        Assert.Equal(Targets, sections.FieldText(DemandTextPart.Targets));
        Assert.Equal(Basis, sections.FieldText(DemandTextPart.Basis));
        Assert.Empty(sections.Background);
        Assert.Equal($"涡轮叶片精密铸造\n{Problem}\n{Targets}", sections.CoreText);
        AssertNothingLost(content, sections);
    }

    [Fact]
    public void WithoutHeadingsEachSentenceIsPlacedByItsWords()
    {
        const string lead = "随着新能源汽车的快速发展，电池壳体的需求越来越大。";
        const string company = "我公司成立于2008年，是国家高新技术企业，现有员工320人，标准化厂房2栋，2019年销售收入1.2亿元。";
        const string need = "目前冲压成型的铝壳边角开裂，良品率只有85%。希望引进深冲工艺和模具技术，";
        const string goal = "使良品率提高到98%以上，单件成本降低到3元以下。";
        const string close = "产品具有广阔的市场前景。";
        var content = lead + company + need + goal + close;

        var sections = DemandTextReader.Read("铝壳深冲", content);

        Assert.Equal(lead + close, sections.Background);
        Assert.Equal(company, sections.Basis);
        Assert.Equal(need, sections.Problem);
        Assert.Equal(goal, sections.TargetsText);
        Assert.Equal($"铝壳深冲\n{need}\n{goal}", sections.CoreText);
        AssertNothingLost(content, sections);
    }

    [Fact]
    public void CompanyFactsAndFillerInsideTheProblemStayInTheFormButLeaveTheCore()
    {
        const string problem = "我公司成立于2005年，为了满足客户及市场要求，现需开发一种阻尼可调的电磁减振器。";
        var sections = DemandTextReader.Read("电磁减振器", $"需求内容：{problem}预期目标：响应时间≤20ms。");

        Assert.Equal(problem, sections.FieldText(DemandTextPart.Problem));
        Assert.Equal("电磁减振器\n现需开发一种阻尼可调的电磁减振器。\n响应时间≤20ms。", sections.CoreText);
        Assert.Contains(sections.Segments, segment => segment is { Part: DemandTextPart.Problem, Role: DemandTextRole.Aside });
    }

    [Fact]
    public void BudgetAndCooperationTermsAreAsides()
    {
        var sections = DemandTextReader.Read(
            "氮化铝粉体",
            "需求内容：常压下连续氮化的生产装置。预期目标：氮化率≥98%。拟投入资金200万元，合作开发或技术许可。项目预算：300万元。");

        Assert.Equal("氮化率≥98%。拟投入资金200万元，合作开发或技术许可。", sections.FieldText(DemandTextPart.Targets));
        Assert.Equal("氮化铝粉体\n常压下连续氮化的生产装置。\n氮化率≥98%。", sections.CoreText);
        Assert.Equal("常压下连续氮化的生产装置。 项目预算：300万元。", sections.FieldText(DemandTextPart.Problem));
    }

    [Fact]
    public void TextPastedTwiceIsShownOnceAndKeptWhole()
    {
        const string once = "需求内容：开发连续热处理炉。预期目标：炉温均匀性±5℃以内。";
        var content = once + " " + once;

        var sections = DemandTextReader.Read("热处理炉", content);

        Assert.Equal("开发连续热处理炉。", sections.FieldText(DemandTextPart.Problem));
        Assert.Equal("炉温均匀性±5℃以内。", sections.FieldText(DemandTextPart.Targets));
        Assert.Equal(2, Occurrences(sections.TargetsText, "炉温均匀性"));
        Assert.Equal(1, Occurrences(sections.CoreText, "炉温均匀性"));
        Assert.Contains(sections.Segments, segment => segment.Role == DemandTextRole.Repeat);
        AssertNothingLost(content, sections);
    }

    [Fact]
    public void AMissingHeadingLeavesItsPartEmpty()
    {
        var sections = DemandTextReader.Read("催化剂", "预期目标：转化率≥90%。");

        Assert.Empty(sections.Problem);
        Assert.Equal("转化率≥90%。", sections.FieldText(DemandTextPart.Targets));
        Assert.Empty(sections.Basis);
    }

    [Fact]
    public void AHeadingWordInsideASentenceIsText()
    {
        var goal = DemandTextReader.Read("减速箱", "现有变速箱偏重。预期目标为降低变速箱整体质量20%以上。");
        var problem = DemandTextReader.Read("成本", "这是目前的主要问题：成本高。");

        Assert.DoesNotContain(goal.Segments, segment => segment.Role == DemandTextRole.Heading);
        Assert.Equal("预期目标为降低变速箱整体质量20%以上。", goal.TargetsText);
        Assert.Equal("这是目前的主要问题：成本高。", problem.FieldText(DemandTextPart.Problem));
    }

    [Fact]
    public void ListNumberingStaysInTheFormAndLeavesTheCore()
    {
        var sections = DemandTextReader.Read("焊接", "需求内容：1、提高焊缝强度；2、降低飞溅。");

        Assert.Equal("1、提高焊缝强度；2、降低飞溅。", sections.FieldText(DemandTextPart.Problem));
        Assert.Equal("焊接\n提高焊缝强度； 降低飞溅。", sections.CoreText);
    }

    [Fact]
    public void AQuantifiedGoalInAProblemSectionStaysThereWhenTheDemandHasATargetsSection()
    {
        var headed = DemandTextReader.Read("线材", "需求内容：需求一种线材，直径小于50μm。预期目标：量产。");
        var alone = DemandTextReader.Read("线材", "需求内容：需求一种线材，直径小于50μm。");

        Assert.Equal("需求一种线材，直径小于50μm。", headed.FieldText(DemandTextPart.Problem));
        Assert.Equal("需求一种线材，", alone.FieldText(DemandTextPart.Problem));
        Assert.Equal("直径小于50μm。", alone.FieldText(DemandTextPart.Targets));
    }

    [Fact]
    public void AComparisonThatDescribesThePresentIsNotATarget()
    {
        var sections = DemandTextReader.Read("加热炉", "现在氧化烧损率为1.5%，目前屈服强度达到550MPa。希望能把烧损率降低到1.0%以下。");

        Assert.Equal("现在氧化烧损率为1.5%，目前屈服强度达到550MPa。", sections.Problem);
        Assert.Equal("希望能把烧损率降低到1.0%以下。", sections.TargetsText);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("需求内容：预期目标：")]
    [InlineData("。。。；；")]
    [InlineData("（1）（2）1、2、")]
    public void EdgeTextsLoseNothing(string content)
    {
        var sections = DemandTextReader.Read("标题", content);

        AssertNothingLost(content, sections);
        Assert.StartsWith("标题", sections.CoreText, StringComparison.Ordinal);
    }

    [Fact]
    public void FullWidthTextIsReadLikeHalfWidthAndKeptAsWritten()
    {
        var sections = DemandTextReader.Read("催化剂", "需求内容：高活性催化剂。预期目标：转化率≥９５％。");

        Assert.Equal("转化率≥９５％。", sections.FieldText(DemandTextPart.Targets));
        var target = Assert.Single(DemandTextReader.ExtractTargets(sections.FieldText(DemandTextPart.Targets)));
        Assert.Equal(95m, target.Value);
    }

    [Fact]
    public void NullArgumentsAreRefused()
    {
        Assert.Throws<ArgumentNullException>(() => DemandTextReader.Read(null!, "内容"));
        Assert.Throws<ArgumentNullException>(() => DemandTextReader.Read("标题", null!));
        Assert.Throws<ArgumentNullException>(() => DemandTextReader.ExtractTargets(null!));
    }

    private static int Occurrences(string text, string word) =>
        (text.Length - text.Replace(word, "", StringComparison.Ordinal).Length) / word.Length;
}
