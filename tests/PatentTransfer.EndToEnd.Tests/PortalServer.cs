using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using PatentTransfer.Infrastructure;
using PatentTransfer.Infrastructure.Data.Seeding;
using PatentTransfer.Testing;

[assembly: AssemblyFixture(typeof(PatentTransfer.EndToEnd.Tests.PortalServer))]

namespace PatentTransfer.EndToEnd.Tests;

/// <summary>
/// The portal as a real process on a free loopback port (the built web app, started the way run.sh starts it),
/// on a database of its own with the demo data, and a headless Chromium driven by Playwright.
/// </summary>
public sealed class PortalServer : IAsyncLifetime
{
    private readonly string _workDirectory = Path.Combine(Path.GetTempPath(), "pt-e2e-" + Guid.NewGuid().ToString("N"));
    private Process? _process;
    private readonly ConcurrentDictionary<string, ConcurrentBag<IPage>> _pagesByTest = new(StringComparer.Ordinal);
    private IPlaywright? _playwright;

    public TestDatabase Database { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public Uri BaseAddress { get; private set; } = default!;

    public TestMailbox Mailbox => new(Path.Combine(_workDirectory, "mail"));

    /// <summary>Screenshots are kept as test artifacts (artifacts/screenshots, or PORTAL_ARTIFACTS_DIR).</summary>
    public static string ScreenshotDirectory =>
        Path.Combine(Environment.GetEnvironmentVariable("PORTAL_ARTIFACTS_DIR") ?? Path.Combine(RepositoryRoot(), "artifacts"), "screenshots");

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("e2e");
        await SeedDemoDataAsync();

        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _process = StartPortal(port);
        await WaitUntilHealthyAsync();

        // Assertions wait as long as actions do (NewPageAsync): with every test assembly running at once on two cores,
        // a step such as checking an uploaded patent list can take longer than Playwright's default of 5 s.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            // Root in CI, and no network beyond loopback: keep Chromium from phoning home.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        _pagesByTest.GetOrAdd(TestContext.Current.Test?.UniqueID ?? "", _ => []).Add(page);
        return page;
    }

    /// <summary>
    /// Called as a journey's test class is disposed: if its test failed, keeps a screenshot of every page the test
    /// opened (failed-{test}-{n}.png beside the journey screenshots), since a journey that fails on a busy CI machine
    /// and passes when run again leaves nothing else to look at.
    /// </summary>
    public async ValueTask KeepPagesOfFailedTestAsync()
    {
        var test = TestContext.Current.Test;
        if (!_pagesByTest.TryRemove(test?.UniqueID ?? "", out var pages) || TestContext.Current.TestState?.Result != TestResult.Failed)
        {
            return;
        }

        var name = TestContext.Current.TestMethod?.MethodName ?? "journey";
        var n = 0;
        foreach (var page in pages)
        {
            try
            {
                await page.SaveScreenshotAsync($"failed-{name}-{++n}");
            }
            catch (PlaywrightException)
            {
                // A page that closed with its test has nothing left to show.
            }
        }
    }

    private async Task SeedDemoDataAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Portal"] = Database.OwnerConnectionString,
            ["Mail:PickupDirectory"] = Path.Combine(_workDirectory, "mail"),
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddInfrastructure();
        using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(CancellationToken.None);
    }

    private Process StartPortal(int port)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0/
        var webDirectory = Path.Combine(RepositoryRoot(), "src", "PatentTransfer.Web");
        var dll = Path.Combine(webDirectory, "bin", configuration, "net10.0", "PatentTransfer.Web.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is missing: build the solution first (./test.sh does).", dll);
        }

        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = webDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/');
        start.Environment["ConnectionStrings__Portal"] = Database.AppConnectionString;
        start.Environment["Mail__PickupDirectory"] = Path.Combine(_workDirectory, "mail");
        start.Environment["DataProtection__KeysDirectory"] = Path.Combine(_workDirectory, "keys");
        start.Environment["Serilog__WriteTo__1__Args__path"] = Path.Combine(_workDirectory, "logs", "portal-.log");
        var process = Process.Start(start) ?? throw new InvalidOperationException("The portal did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("[portal] " + e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        // Until its indexes are built the portal answers searches from nothing and keeps both cores busy: tests start
        // once /healthz/ready says so. The first build of four indexes over the demo data takes a while on a loaded machine.
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"The portal exited with code {_process.ExitCode} before it was healthy.");
            }

            try
            {
                var response = await client.GetAsync("healthz/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but still starting (JIT, the search index build): on a loaded machine one answer can
                // take longer than an attempt's timeout. Ask again until the deadline.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("The portal was not ready (/healthz/ready) within 180 seconds.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PatentTransfer.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("PatentTransfer.sln not found above " + AppContext.BaseDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }

        try
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Temporary files; the folder is under /tmp.
        }
    }
}
