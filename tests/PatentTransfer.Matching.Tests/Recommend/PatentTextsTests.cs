using PatentTransfer.Matching.Recommend;

namespace PatentTransfer.Matching.Tests.Recommend;

public class PatentTextsTests
{
    [Fact]
    public void ARealTitleIsTheSubject() =>
        Assert.Equal("一种曲面屏幕玻璃保护膜的制作方法", PatentTexts.SubjectOf(" 一种曲面屏幕玻璃保护膜的制作方法 ", "本发明公开了一种别的东西，包括……"));

    [Fact]
    public void PageCountDebrisOfTheSourceIsRemovedFromTitles() =>
        Assert.Equal("对环境友好的纯棉光亮黑色粘合衬及其生产方法", PatentTexts.SubjectOf("权利要求书1页说明书3页对环境友好的纯棉光亮黑色粘合衬及其生产方法", null));

    [Fact]
    public void PageCountDebrisWithFiguresIsRemovedToo() =>
        Assert.Equal("一种墙体", PatentTexts.SubjectOf("权利要求书1页说明书5页附图2页一种墙体", null));

    [Theory]
    [InlineData("本发明公开了一种曲面屏幕玻璃保护膜的制作方法，具体步骤如下：步骤一……", "一种曲面屏幕玻璃保护膜的制作方法")]
    [InlineData("本发明涉及一种聚酰亚胺纤维的制备方法。主要解决现有技术中……", "一种聚酰亚胺纤维的制备方法")]
    [InlineData("一种用户认证系统和方法。所述用户认证系统包括摄像机……", "一种用户认证系统和方法")]
    [InlineData("本发明是201310054708.0的分案申请。本申请公开了一种电线电缆导体，其特征：……", "一种电线电缆导体")]
    [InlineData("→→本发明公开了一种曲面屏幕玻璃保护膜的制作方法，具体步骤", "一种曲面屏幕玻璃保护膜的制作方法")]
    public void WithoutATitleTheAbstractNamesTheSubject(string abstractText, string expected) =>
        Assert.Equal(expected, PatentTexts.SubjectOf(null, abstractText));

    [Fact]
    public void AShortFirstClauseWithoutYizhongIsTheSubject() =>
        Assert.Equal("水处理设备", PatentTexts.SubjectOf("", "水处理设备，包括蓄能箱和换热模块。"));

    [Fact]
    public void ALongFirstSentenceIsNoSubject() =>
        Assert.Equal("", PatentTexts.SubjectOf(null, "本发明提供在负极面侧具有均匀且稠密的孔的隔板的制造方法以及使用该隔板的二次电池的制造工艺和装置"));

    [Fact]
    public void NothingGivesNothing() => Assert.Equal("", PatentTexts.SubjectOf(null, null));
}
