using PatentTransfer.Domain.Organisations;

namespace PatentTransfer.Domain.Tests;

public class CreditCodeTests
{
    // Published codes of well-known companies (their check characters were computed by the registration
    // authorities, not by this code) and the example from GB 32100-2015 commentary.
    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("914403001922038216")]
    [InlineData("9144030071526726XG")]
    [InlineData("91110000802100433B")]
    [InlineData("91330100799655058B")]
    public void AcceptsPublishedCodes(string input)
    {
        Assert.True(CreditCode.TryParse(input, out var code, out var error));
        Assert.Equal(CreditCodeError.None, error);
        Assert.Equal(input, code.Value);
    }

    [Theory]
    [InlineData(" 9135 0100-M000 100Y43 ", "91350100M000100Y43")]
    [InlineData("91350100m000100y43", "91350100M000100Y43")]
    [InlineData("９１３５０１００Ｍ０００１００Ｙ４３", "91350100M000100Y43")]
    public void NormalisesWhatPeoplePaste(string input, string expected)
    {
        Assert.Equal(expected, CreditCode.Parse(input).Value);
    }

    [Theory]
    [InlineData(null, CreditCodeError.Empty)]
    [InlineData("", CreditCodeError.Empty)]
    [InlineData("   ", CreditCodeError.Empty)]
    [InlineData("91350100M000100Y4", CreditCodeError.WrongLength)]
    [InlineData("91350100M000100Y431", CreditCodeError.WrongLength)]
    [InlineData("91350100M000100Y44", CreditCodeError.WrongCheckCharacter)]
    [InlineData("91350100M000100Y4A", CreditCodeError.WrongCheckCharacter)]
    [InlineData("91350100I000100Y43", CreditCodeError.InvalidCharacter)]
    [InlineData("91350100O000100Y43", CreditCodeError.InvalidCharacter)]
    [InlineData("9135010000010SZV43", CreditCodeError.InvalidCharacter)]
    [InlineData("<script>alert(1)</", CreditCodeError.InvalidCharacter)]
    [InlineData("914403001922038217", CreditCodeError.WrongCheckCharacter)]
    public void RejectsInvalidCodesWithTheReason(string? input, CreditCodeError expected)
    {
        Assert.False(CreditCode.TryParse(input, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void CheckCharacterZeroWhenRemainderIsZero()
    {
        // Sum of weights times values is a multiple of 31 for seventeen zeros, so c = 31 - 0 = 31 → '0'.
        Assert.Equal('0', CreditCode.ComputeCheckCharacter("00000000000000000"));
    }

    [Fact]
    public void ParseThrowsFormatExceptionForInvalidCode()
    {
        Assert.Throws<FormatException>(() => CreditCode.Parse("123"));
    }
}
