using System.Globalization;
using PatentTransfer.Matching.Demands;

namespace PatentTransfer.Matching.Tests.Demands;

/// <summary>
/// <see cref="DemandTextReader.ExtractTargets"/>: every comparator form, number form and unit SMEs write, and the
/// numbers that are not targets (years, revenue, head counts, numbering, standards and codes).
/// </summary>
public class DemandTextTargetTests
{
    [Theory]
    [InlineData("抗压强度≥30MPa", "抗压强度", TargetComparator.AtLeast, "30", "MPa")]
    [InlineData("硬度≧60HRC", "硬度", TargetComparator.AtLeast, "60", "HRC")]
    [InlineData("涂层厚度≤0.5mm", "涂层厚度", TargetComparator.AtMost, "0.5", "mm")]
    [InlineData("涂层厚度≦0.5mm", "涂层厚度", TargetComparator.AtMost, "0.5", "mm")]
    [InlineData("首效＞89%", "首效", TargetComparator.GreaterThan, "89", "%")]
    [InlineData("首效>89%", "首效", TargetComparator.GreaterThan, "89", "%")]
    [InlineData("Fe含量＜40 ppm", "Fe含量", TargetComparator.LessThan, "40", "ppm")]
    [InlineData("Fe含量<40ppm", "Fe含量", TargetComparator.LessThan, "40", "ppm")]
    [InlineData("浸出液pH=7.0", "浸出液pH", TargetComparator.Equal, "7.0", null)]
    [InlineData("转化率不低于90%", "转化率", TargetComparator.AtLeast, "90", "%")]
    [InlineData("出品率不少于95%", "出品率", TargetComparator.AtLeast, "95", "%")]
    [InlineData("拉伸强度不小于500MPa", "拉伸强度", TargetComparator.AtLeast, "500", "MPa")]
    [InlineData("抗压强度大于等于30MPa", "抗压强度", TargetComparator.AtLeast, "30", "MPa")]
    [InlineData("电池能量密度达到300wh/kg", "电池能量密度", TargetComparator.AtLeast, "300", "wh/kg")]
    [InlineData("氮化硼六方相到立方相的转变在73%以上", "氮化硼六方相到立方相的转变", TargetComparator.AtLeast, "73", "%")]
    [InlineData("膨化产品生产耗能降低15%及以上", "膨化产品生产耗能降低", TargetComparator.AtLeast, "15", "%")]
    [InlineData("耐温超过300℃", "耐温", TargetComparator.GreaterThan, "300", "℃")]
    [InlineData("抗张强度高于1GPa", "抗张强度", TargetComparator.GreaterThan, "1", "GPa")]
    [InlineData("抗张强度大于1GPa", "抗张强度", TargetComparator.GreaterThan, "1", "GPa")]
    [InlineData("噪声不高于70分贝", "噪声", TargetComparator.AtMost, "70", "分贝")]
    [InlineData("含水率不超过12%", "含水率", TargetComparator.AtMost, "12", "%")]
    [InlineData("功率小于等于2.2kW", "功率", TargetComparator.AtMost, "2.2", "kW")]
    [InlineData("杂质含量在50ppm以下", "杂质含量", TargetComparator.AtMost, "50", "ppm")]
    [InlineData("停车误差控制在30厘米以内", "停车误差", TargetComparator.AtMost, "30", "厘米")]
    [InlineData("硫含量低于300ppm", "硫含量", TargetComparator.LessThan, "300", "ppm")]
    [InlineData("烧结时间少于2小时", "烧结时间", TargetComparator.LessThan, "2", "小时")]
    [InlineData("线材直径小于50μm", "线材直径", TargetComparator.LessThan, "50", "μm")]
    [InlineData("设备降噪至40分贝", "设备", TargetComparator.AtMost, "40", "分贝")]
    [InlineData("寿命提高3倍以上", "寿命提高", TargetComparator.AtLeast, "3", "倍")]
    [InlineData("厚度均匀性控制在±1um以内", "厚度均匀性", TargetComparator.AtMost, "1", "um")]
    [InlineData("定位孔精度要求达到φ0.5mm", "定位孔精度", TargetComparator.AtMost, "0.5", "mm")]
    public void EachComparatorFormIsRead(string text, string indicator, string comparator, string value, string? unit)
    {
        var target = Assert.Single(DemandTextReader.ExtractTargets(text));

        Assert.Equal(indicator, target.Indicator);
        Assert.Equal(comparator, target.Comparator);
        Assert.Equal(Number(value), target.Value);
        Assert.Null(target.UpperValue);
        Assert.Equal(unit, target.Unit);
        Assert.Equal(text, target.SourceText);
    }

    [Theory]
    [InlineData("工作温度50-80℃", "工作温度", "50", "80", "℃")]
    [InlineData("相对湿度50～80%", "相对湿度", "50", "80", "%")]
    [InlineData("孔隙率50至80%", "孔隙率", "50", "80", "%")]
    [InlineData("克容量400-600mAh/g", "克容量", "400", "600", "mAh/g")]
    [InlineData("桥丝电阻在（2.4～2.9）Ω", "桥丝电阻", "2.4", "2.9", "Ω")]
    [InlineData("温度在-40°C到40°C之间", "温度", "-40", "40", "°C")]
    [InlineData("内孔硬度180≤HB＜240", "内孔硬度", "180", "240", "HB")]
    public void RangesAreBetween(string text, string indicator, string low, string high, string unit)
    {
        var target = Assert.Single(DemandTextReader.ExtractTargets(text));

        Assert.Equal(indicator, target.Indicator);
        Assert.Equal(TargetComparator.Between, target.Comparator);
        Assert.Equal(Number(low), target.Value);
        Assert.Equal(Number(high), target.UpperValue);
        Assert.Equal(unit, target.Unit);
    }

    [Theory]
    [InlineData("堆积密度≥1.80克/立方厘米", "1.80", "克/立方厘米")]
    [InlineData("振实密度＞1.1 g/cm3", "1.1", "g/cm3")]
    [InlineData("循环寿命≥10,000次", "10000", "次")]
    [InlineData("转化率≥９５％", "95", "%")]
    [InlineData("厚度≤１２ｍｍ", "12", "mm")]
    [InlineData("单台成本不超过3万元", "3", "万元")]
    [InlineData("保温时间≥2h", "2", "h")]
    [InlineData("使用寿命≥3年", "3", "年")]
    [InlineData("起重量≥5t", "5", "t")]
    [InlineData("加热速率≥0.6℃/min", "0.6", "℃/min")]
    [InlineData("吸料速度达到65立方米/小时", "65", "立方米/小时")]
    [InlineData("外圆表面处理层硬度≥HRC50", "50", "HRC")]
    public void NumbersAndUnitsAreReadInEveryForm(string text, string value, string unit)
    {
        var target = Assert.Single(DemandTextReader.ExtractTargets(text));

        Assert.Equal(Number(value), target.Value);
        Assert.Equal(unit, target.Unit);
        Assert.Equal(text, target.SourceText);
    }

    [Theory]
    [InlineData("100/120粒度的抗冲击韧性≥67%", "100/120粒度的抗冲击韧性")]
    [InlineData("要求把基础油的硫含量降到300ppm以下", "基础油的硫含量")]
    [InlineData("1、转化率≥90%", "转化率")]
    [InlineData("（3）选择性≥85%", "选择性")]
    [InlineData("预期目标：比表面积＜1.8 m2/g", "比表面积")]
    [InlineData("涂敷层硬度:≥60HRC", "涂敷层硬度")]
    [InlineData("表面粗糙度：Ra≤0.2", "表面粗糙度：Ra")]
    [InlineData("运行噪音dB(A):≤80", "运行噪音dB(A)")]
    [InlineData("产品质量稳定，且杂质含量不超过0.5%", "杂质含量")]
    public void TheIndicatorIsTheMeasuredPhraseBeforeTheComparison(string text, string indicator) =>
        Assert.Equal(indicator, Assert.Single(DemandTextReader.ExtractTargets(text)).Indicator);

    [Fact]
    public void SeveralTargetsInOneSentenceAreReadInOrder()
    {
        var targets = DemandTextReader.ExtractTargets("线材直径小于50μm，抗张强度大于1Gpa，长度11Km以上。");

        Assert.Equal(["线材直径", "抗张强度", "长度"], targets.Select(target => target.Indicator));
        Assert.Equal(
            [TargetComparator.LessThan, TargetComparator.GreaterThan, TargetComparator.AtLeast],
            targets.Select(target => target.Comparator));
        Assert.Equal(["μm", "Gpa", "Km"], targets.Select(target => target.Unit));
    }

    [Fact]
    public void ASecondValueJoinedByOrHasTheSameIndicator()
    {
        var targets = DemandTextReader.ExtractTargets("注入深度达到1.2μm或0.2μm以上");

        Assert.Equal(["注入深度", "注入深度"], targets.Select(target => target.Indicator));
        Assert.Equal([1.2m, 0.2m], targets.Select(target => target.Value));
    }

    [Theory]
    [InlineData("公司成立于2011年，2016年被评为高新技术企业")]
    [InlineData("预计2021年以内完成")]
    [InlineData("2011-2015")]
    [InlineData("年销售收入超过5000万元")]
    [InlineData("年产值达到1亿元")]
    [InlineData("注册资金不低于1000万元")]
    [InlineData("员工超过200人")]
    [InlineData("现有标准化厂房3栋以上")]
    [InlineData("（1）提高转化率；（2）降低能耗")]
    [InlineData("1、2、3、")]
    [InlineData("满足GB/T 31485-2015要求")]
    [InlineData("304N不锈钢丝")]
    [InlineData("专利号ZL201721099528.4")]
    [InlineData("温度为1200℃")]
    [InlineData("动态范围常不超过4")]
    [InlineData("0℃/38℃-20150W")]
    [InlineData("由±2.5mm提升到±1.5mm")]
    [InlineData("边界精度±2.5mm")]
    [InlineData("温度可达1000℃")]
    [InlineData("1d内达到53MPa以上")]
    [InlineData("预期目标：2年内")]
    [InlineData("")]
    public void NumbersThatAreNotTargetsAreLeftOut(string text) =>
        Assert.Empty(DemandTextReader.ExtractTargets(text));

    [Fact]
    public void ALongIndicatorKeepsItsLastFiftyCharacters()
    {
        const string measured = "复合涂层结合强度";
        var text = string.Concat(Enumerable.Repeat("在高温高压及强腐蚀介质中长期连续运行", 3)) + measured + "≥50MPa";

        var target = Assert.Single(DemandTextReader.ExtractTargets(text));

        Assert.Equal(QuantifiedTarget.MaxIndicatorLength, target.Indicator.Length);
        Assert.EndsWith(measured, target.Indicator, StringComparison.Ordinal);
    }

    [Fact]
    public void TheComparatorNamesAreThePortalsEnumNames() =>
        Assert.Equal(["AtLeast", "AtMost", "Equal", "GreaterThan", "LessThan", "Between"], TargetComparator.All);

    // Attributes cannot hold decimals, so expected values travel as invariant strings.
    private static decimal Number(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);
}
