using PatentTransfer.Cli;

namespace PatentTransfer.Cli.Tests;

public class CliUsageTests
{
    [Fact]
    public async Task UnknownCommandPrintsUsageAndFails()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await CliApp.RunAsync(["db", "explode"], output, error, TestContext.Current.CancellationToken);

        Assert.Equal(2, code);
        Assert.Contains("unknown command 'db explode'", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("db setup", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpSucceeds()
    {
        var output = new StringWriter();
        Assert.Equal(0, await CliApp.RunAsync(["--help"], output, new StringWriter(), TestContext.Current.CancellationToken));
        Assert.Contains("usage: patenttransfer", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bench", "import", "--rows", "lots", "bench import: unknown or invalid option")]
    [InlineData("bench", "search", "--patents", "-1", "")]
    public async Task EachBenchCommandReadsItsOwnOptions(string first, string second, string option, string value, string expectedError)
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await CliApp.RunAsync([first, second, option, value], output, error, TestContext.Current.CancellationToken);

        Assert.Equal(2, code);
        Assert.Contains(expectedError, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(second == "import" ? "bench search [" : "bench import [", error.ToString(), StringComparison.Ordinal);
    }
}
