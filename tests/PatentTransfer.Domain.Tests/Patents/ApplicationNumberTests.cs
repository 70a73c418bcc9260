using PatentTransfer.Domain.Patents;

namespace PatentTransfer.Domain.Tests.Patents;

public class ApplicationNumberTests
{
    // The valid examples of docs/DOMAIN.md §3 (real numbers; their check digits were issued by CNIPA).
    [Theory]
    [InlineData("CN202110123456.7", "202110123456.7", 2021, PatentType.Invention)]
    [InlineData("201610311380.X", "201610311380.X", 2016, PatentType.Invention)]
    [InlineData("201710911092.2", "201710911092.2", 2017, PatentType.Invention)]
    [InlineData("97101765.4", "97101765.4", 1997, PatentType.Invention)]
    public void AcceptsTheDocumentedExamples(string input, string canonical, int year, PatentType type)
    {
        Assert.True(ApplicationNumber.TryParse(input, out var number, out var error));
        Assert.Equal(ApplicationNumberError.None, error);
        Assert.Equal((canonical, year, type), (number.Value, number.Year, number.Type));
    }

    [Theory]
    [InlineData("ZL201610311380.X")]
    [InlineData("zl 2016 1031 1380.x")]
    [InlineData("CN201610311380X")]
    [InlineData("201610311380X")]
    [InlineData(" ２０１６１０３１１３８０．Ｘ ")]
    [InlineData("CN 201610311380.X")]
    public void NormalisesPrefixesSpacesFullWidthAndAMissingDot(string input)
    {
        Assert.Equal("201610311380.X", ApplicationNumber.Parse(input).Value);
    }

    [Theory]
    [InlineData(1, PatentType.Invention, false)]
    [InlineData(2, PatentType.UtilityModel, false)]
    [InlineData(3, PatentType.Design, false)]
    [InlineData(8, PatentType.Invention, true)]
    [InlineData(9, PatentType.UtilityModel, true)]
    public void TheTypeDigitGivesTheType(int typeDigit, PatentType type, bool pct)
    {
        var digits = $"2020{typeDigit}0000001";
        var number = ApplicationNumber.Parse(digits + "." + ApplicationNumber.ComputeCheckCharacter(digits));

        Assert.Equal((type, pct, typeDigit), (number.Type, number.IsPct, number.TypeDigit));
        Assert.Equal("ZL" + number.Value, number.PatentNumber);
    }

    [Theory]
    [InlineData(null, ApplicationNumberError.Empty)]
    [InlineData("  ", ApplicationNumberError.Empty)]
    [InlineData("CN", ApplicationNumberError.Empty)]
    [InlineData("202110123456.8", ApplicationNumberError.WrongCheckDigit)]
    [InlineData("201610311380.0", ApplicationNumberError.WrongCheckDigit)]
    [InlineData("97101765.5", ApplicationNumberError.WrongCheckDigit)]
    [InlineData("202110123456", ApplicationNumberError.CheckDigitMissing)]
    [InlineData("202110123456.", ApplicationNumberError.CheckDigitMissing)]
    [InlineData("2021101234", ApplicationNumberError.WrongFormat)]
    [InlineData("20211012345A.7", ApplicationNumberError.WrongFormat)]
    [InlineData("202110123456.77", ApplicationNumberError.WrongFormat)]
    [InlineData("202110123456.Y", ApplicationNumberError.WrongFormat)]
    [InlineData("CN113914863A", ApplicationNumberError.WrongFormat)]
    [InlineData("202150123456.0", ApplicationNumberError.UnknownType)]
    [InlineData("199810123456.1", ApplicationNumberError.ImpossibleYear)]
    [InlineData("80101765.7", ApplicationNumberError.ImpossibleYear)]
    public void RefusesWithTheReason(string? input, ApplicationNumberError expected)
    {
        Assert.False(ApplicationNumber.TryParse(input, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void CheckDigitTenIsWrittenX()
    {
        Assert.Equal('X', ApplicationNumber.ComputeCheckCharacter("201610311380"));
        Assert.Equal('7', ApplicationNumber.ComputeCheckCharacter("202110123456"));
        Assert.Equal('4', ApplicationNumber.ComputeCheckCharacter("97101765"));
    }
}
