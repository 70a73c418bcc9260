using PatentTransfer.Domain.Patents;

namespace PatentTransfer.Domain.Tests.Patents;

public class ClassificationTests
{
    [Theory]
    [InlineData("H01M10/0525", "H01M10/0525")]
    [InlineData("h01m 10/0525", "H01M10/0525")]
    [InlineData("H01M0010/0525", "H01M10/0525")]
    [InlineData("Ｈ０１Ｍ１０／０５２５", "H01M10/0525")]
    [InlineData("H01M10/0525(2010.01)", "H01M10/0525")]
    [InlineData("A01B1/00", "A01B1/00")]
    public void IpcSymbolsAreNormalised(string input, string expected)
    {
        var code = IpcCode.Parse(input);

        Assert.Equal(expected, code.Value);
    }

    [Fact]
    public void IpcSymbolKnowsItsLevels()
    {
        var code = IpcCode.Parse("H01M10/0525");

        Assert.Equal(('H', "H01", "H01M", "H01M10/00"), (code.Section, code.Class, code.Subclass, code.MainGroup));
    }

    [Theory]
    [InlineData("")]
    [InlineData("H01M")]
    [InlineData("I01M10/05")]
    [InlineData("H1M10/05")]
    [InlineData("H01M10/5")]
    [InlineData("H01M0/05")]
    [InlineData("H01M12345/05")]
    [InlineData("H01M10-0525")]
    public void MalformedIpcSymbolsAreRefused(string input)
    {
        Assert.False(IpcCode.TryParse(input, out _));
    }

    [Theory]
    [InlineData("12-08", "12-08")]
    [InlineData("2-3", "02-03")]
    [InlineData("１２－０８", "12-08")]
    public void LocarnoClassesAreNormalised(string input, string expected)
    {
        Assert.True(LocarnoClass.TryParse(input, out var code));
        Assert.Equal(expected, code.Value);
    }

    [Theory]
    [InlineData("33-01")]
    [InlineData("00-01")]
    [InlineData("12-00")]
    [InlineData("1208")]
    public void ImpossibleLocarnoClassesAreRefused(string input)
    {
        Assert.False(LocarnoClass.TryParse(input, out _));
    }

    [Theory]
    [InlineData("CN113914863A", 'A', false)]
    [InlineData("cn 113914863 b", 'B', true)]
    [InlineData("215123456U", 'U', true)]
    [InlineData("CN1234567C", 'C', true)]
    public void PublicationNumbersCarryTheirKind(string input, char kind, bool grant)
    {
        Assert.True(PublicationNumber.TryParse(input, out var number));
        Assert.Equal((kind, grant), (number.Kind, number.IsGrant));
    }

    [Theory]
    [InlineData("CN113914863")]
    [InlineData("CN113914863Q")]
    [InlineData("US113914863A")]
    [InlineData("CN12345A")]
    public void MalformedPublicationNumbersAreRefused(string input)
    {
        Assert.False(PublicationNumber.TryParse(input, out _));
    }
}
