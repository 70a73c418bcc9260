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
}
