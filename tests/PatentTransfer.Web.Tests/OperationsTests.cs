using System.Net;
using System.Text.Json;

namespace PatentTransfer.Web.Tests;

public class OperationsTests(PortalAppFactory app)
{
    [Fact]
    public async Task HealthzReportsHealthyDatabase()
    {
        var response = await app.CreateClient().GetAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("database").GetString());
    }

    [Fact]
    public async Task ReadinessReportsTheIndexesOnceBuilt()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = app.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        // The indexes build from the database at start; readiness turns healthy when all four are built.
        var response = await client.GetAsync("/healthz/ready", ct);
        while (response.StatusCode != HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250, ct);
            response = await client.GetAsync("/healthz/ready", ct);
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("indexes").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("database").GetString());

        // Liveness does not wait for indexes.
        using var alive = JsonDocument.Parse(await client.GetStringAsync("/healthz", ct));
        Assert.False(alive.RootElement.GetProperty("checks").TryGetProperty("indexes", out _));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Account/Login")]
    [InlineData("/healthz")]
    public async Task EveryResponseCarriesSecurityHeaders(string path)
    {
        var response = await app.CreateClient().GetAsync(path, TestContext.Current.CancellationToken);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task HomePageRendersInChineseWithLiveCounts()
    {
        var page = await new Browser(app.CreateBrowserClient()).GetPageAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal("zh-CN", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("唤醒沉睡专利", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        // The demo baseline has verified organisations in at least Shijiazhuang, Baoding and Tangshan.
        Assert.True(int.Parse(page.QuerySelector("[data-testid=count-organisations]")!.TextContent, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture) >= 6);
        Assert.True(int.Parse(page.QuerySelector("[data-testid=count-cities]")!.TextContent, System.Globalization.CultureInfo.InvariantCulture) >= 3);
    }
}
