using PatentTransfer.Domain.Common;

namespace PatentTransfer.Domain.Tests;

public class TextTests
{
    [Theory]
    [InlineData("<b>粗体</b>")]
    [InlineData("</div>")]
    [InlineData("<p>")]
    [InlineData("< a href='x'>链接</a>")]
    [InlineData("<!-- 注释 -->")]
    [InlineData("<?xml version=\"1.0\"?>")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<SCRIPT SRC=//evil.example/x.js")]
    [InlineData("前缀 < script")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript :void(0)")]
    [InlineData("x onerror=\"alert(1)\"")]
    [InlineData("x onMouseOver = 'alert(1)'")]
    public void MarkupIsRecognised(string value)
    {
        Assert.True(Text.ContainsMarkup(value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a<b")]
    [InlineData("（）")]
    [InlineData("3 > 2")]
    [InlineData("1 < 2")]
    [InlineData("<3")]
    [InlineData("石家庄恒锐精密机械有限公司（演示）")]
    [InlineData("《专利法》第五十条规定的开放许可")]
    [InlineData("营业执照上的名称与填写的机构名称不一致，请核对后重新提交。")]
    [InlineData("zhang.san@example.com")]
    [InlineData("https://www.cnipa.gov.cn/")]
    [InlineData("reason=营业执照过期")]
    public void PlainTextIsNotMarkup(string? value)
    {
        Assert.False(Text.ContainsMarkup(value));
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData("\u3000\t\n", "")]
    [InlineData("  河北  ", "河北")]
    [InlineData("河北   省\t\t科技", "河北 省 科技")]
    [InlineData("河北\u3000省", "河北 省")]
    [InlineData("河北\u3000 \u3000省", "河北 省")]
    [InlineData("\u3000河北\u3000", "河北")]
    [InlineData("ＡＢＣ ａｂｃ", "ABC abc")]
    [InlineData("９１１３０１０４ＭＡ０Ｄ", "91130104MA0D")]
    [InlineData("ｚｈａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ", "zhang@example.com")]
    [InlineData("e\u0301", "\u00e9")]
    public void NormaliseInputFoldsFullWidthTrimsAndCollapsesSpaces(string? value, string expected)
    {
        Assert.Equal(expected, Text.NormaliseInput(value));
    }

    [Theory]
    [InlineData("石家庄恒锐精密机械有限公司（演示）")]
    [InlineData("营业执照上的名称与填写的机构名称不一致，请核对后重新提交（演示数据）")]
    [InlineData("名称：河北示范；类型！是否？")]
    public void NormaliseInputKeepsChinesePunctuation(string value)
    {
        // Full-width parentheses, commas, colons etc. are how Chinese text is written (and how registered
        // enterprise names are spelled); only full-width letters, digits and spaces are input-method accidents.
        Assert.Equal(value, Text.NormaliseInput(value));
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData("", 0)]
    [InlineData("abc", 3)]
    [InlineData("河北省", 3)]
    [InlineData("𠀀𠀁", 2)]
    [InlineData("😀", 1)]
    [InlineData("👍🏽", 1)]
    [InlineData("👨‍👩‍👧", 1)]
    [InlineData("🇨🇳", 1)]
    [InlineData("e\u0301", 1)]
    [InlineData("河北😀ab", 5)]
    public void DisplayLengthCountsUserPerceivedCharacters(string? value, int expected)
    {
        Assert.Equal(expected, Text.DisplayLength(value));
    }
}
