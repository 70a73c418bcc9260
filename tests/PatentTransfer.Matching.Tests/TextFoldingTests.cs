using PatentTransfer.Matching.Text;

namespace PatentTransfer.Matching.Tests;

public class TextFoldingTests
{
    [Theory]
    [InlineData("ＬＥＤ灯", "led灯")]
    [InlineData("直径１２ｍｍ", "直径12mm")]
    [InlineData("步骤①", "步骤1")]
    [InlineData("锂离子\u200B电池", "锂离子电池")]
    [InlineData("  高强度\t\n  钢板  ", "高强度 钢板")]
    [InlineData("Ｈ０１Ｍ１０／０５２５", "h01m10/0525")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void FoldsWhatInputMethodsAndPdfsProduce(string? input, string expected) =>
        Assert.Equal(expected, TextFolding.Fold(input));

    [Fact]
    public void KeepsChineseCharactersAndEmojiIntact() =>
        Assert.Equal("专利转化🚀", TextFolding.Fold("专利转化🚀"));
}
