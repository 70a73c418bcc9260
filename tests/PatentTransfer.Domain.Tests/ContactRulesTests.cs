using PatentTransfer.Domain.Common;

namespace PatentTransfer.Domain.Tests;

public class ContactRulesTests
{
    [Theory]
    [InlineData("13812345678", "13812345678")]
    [InlineData("138 1234 5678", "13812345678")]
    [InlineData("138-1234-5678", "13812345678")]
    [InlineData("+86 138 1234 5678", "13812345678")]
    [InlineData("0086-13812345678", "13812345678")]
    [InlineData("１３８１２３４５６７８", "13812345678")]
    [InlineData("0311-87654321", "0311-87654321")]
    [InlineData("031187654321", "031187654321")]
    [InlineData("010-12345678-123", "010-12345678-123")]
    public void MainlandNumbersAreAcceptedAsPeopleTypeThem(string input, string expected)
    {
        Assert.True(ContactRules.TryNormalisePhone(input, out var phone));
        Assert.Equal(expected, phone);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12812345678")]
    [InlineData("1381234567")]
    [InlineData("+1 415 555 0100")]
    [InlineData("87654321")]
    [InlineData("tel:13812345678")]
    public void OtherNumbersAreRefused(string? input) => Assert.False(ContactRules.TryNormalisePhone(input, out _));

    [Theory]
    [InlineData("zhang@example.com", true)]
    [InlineData("li.wei+demand@hebei.example.cn", true)]
    [InlineData("zhang@example", false)]
    [InlineData("zhang at example.com", false)]
    [InlineData("<b>@example.com", false)]
    [InlineData("", false)]
    public void EmailAddressesAreCheckedLikeBrowsersDo(string input, bool valid) => Assert.Equal(valid, ContactRules.IsEmail(input));
}
