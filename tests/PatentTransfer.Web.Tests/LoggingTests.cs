using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PatentTransfer.Infrastructure.Email;
using Serilog.Core;
using Serilog.Events;

namespace PatentTransfer.Web.Tests;

public class LoggingTests(PortalAppFactory app)
{
    [Fact]
    public async Task LogFilesKeepNeitherPasswordsNorEmailAddresses()
    {
        var ct = TestContext.Current.CancellationToken;
        var secrets = Secrets.Create();

        await RegisterConfirmAndLogInAsync(new Browser(app.CreateBrowserClient()), secrets, ReadLogFilesAsync, ct);

        var log = await WaitForAsync(ReadLogFilesAsync, secrets.Marker, ct);
        Assert.Contains(PickupDirectoryMailer.Mask(secrets.Applicant.Email), log, StringComparison.Ordinal);
        secrets.AssertAbsentFrom(log);
    }

    /// <summary>
    /// The same journey with every log event captured as it is emitted (rendered message, every property and the
    /// exception), whatever the file's output template shows.
    /// </summary>
    [Fact]
    public async Task LogEventsKeepNeitherPasswordsNorEmailAddresses()
    {
        var ct = TestContext.Current.CancellationToken;
        var secrets = Secrets.Create();
        var sink = new CapturingSink();
        await using var portal = app.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(sink)));
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        await RegisterConfirmAndLogInAsync(new Browser(client), secrets, _ => Task.FromResult(sink.Text), ct);

        var log = await WaitForAsync(_ => Task.FromResult(sink.Text), secrets.Marker, ct);
        Assert.Contains(PickupDirectoryMailer.Mask(secrets.Applicant.Email), log, StringComparison.Ordinal);
        secrets.AssertAbsentFrom(log);
    }

    /// <summary>
    /// Registers (waiting until the masked address of the confirmation mail is logged), confirms, fails one log-in
    /// with a wrong password, logs in, and requests a marker page that is logged after all of that.
    /// </summary>
    private async Task RegisterConfirmAndLogInAsync(Browser browser, Secrets secrets, Func<CancellationToken, Task<string>> readLog, CancellationToken ct)
    {
        await secrets.Applicant.RegisterAsync(browser, ct);
        await WaitForAsync(readLog, PickupDirectoryMailer.Mask(secrets.Applicant.Email), ct);
        await secrets.Applicant.ConfirmEmailAsync(app, browser, ct);
        var refused = await browser.SubmitAsync("/Account/Login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = secrets.Applicant.Email,
            ["Input.Password"] = secrets.WrongPassword,
        }, ct);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        await browser.LogInAsync(secrets.Applicant.Email, secrets.Applicant.Password, ct);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync(secrets.Marker, ct)).StatusCode);
    }

    /// <summary>Polls until the log contains <paramref name="text"/> (the file sink flushes every 0.2 s).</summary>
    private async Task<string> WaitForAsync(Func<CancellationToken, Task<string>> readLog, string text, CancellationToken ct)
    {
        var content = "";
        for (var attempt = 0; attempt < 100; attempt++)
        {
            content = await readLog(ct);
            if (content.Contains(text, StringComparison.Ordinal))
            {
                return content;
            }

            await Task.Delay(100, ct);
        }

        var files = Directory.Exists(app.LogDirectory) ? Directory.GetFiles(app.LogDirectory).Length : 0;
        Assert.Fail($"'{text}' was not logged within 10 s ({content.Length} characters of log read; {files} file(s) in {app.LogDirectory}).");
        return content;
    }

    private async Task<string> ReadLogFilesAsync(CancellationToken ct)
    {
        if (!Directory.Exists(app.LogDirectory))
        {
            return "";
        }

        var all = new StringBuilder();
        foreach (var path in Directory.GetFiles(app.LogDirectory, "*.log").Order(StringComparer.Ordinal))
        {
            // The logger keeps the file open for writing.
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            all.Append(await reader.ReadToEndAsync(ct));
        }

        return all.ToString();
    }

    /// <summary>What must never be logged: the passwords typed and the address (also its local part alone).</summary>
    private sealed record Secrets(TestApplicant Applicant, string LocalPart, string WrongPassword, string Marker)
    {
        public static Secrets Create()
        {
            var localPart = Guid.NewGuid().ToString("N");
            // A domain of its own, so that the masked address ("x***@domain") identifies this test's lines.
            var applicant = TestApplicant.Create() with { Email = $"{localPart}@log-{Guid.NewGuid():N}.example" };
            return new Secrets(applicant, localPart, $"Wrong#{Guid.NewGuid():N}", $"/log-marker-{Guid.NewGuid():N}");
        }

        public void AssertAbsentFrom(string log)
        {
            Assert.Contains(Marker, log, StringComparison.Ordinal);
            Assert.DoesNotContain(Applicant.Password, log, StringComparison.Ordinal);
            Assert.DoesNotContain(WrongPassword, log, StringComparison.Ordinal);
            Assert.DoesNotContain(Applicant.Email, log, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(LocalPart, log, StringComparison.OrdinalIgnoreCase);
        }
    }

    private sealed class CapturingSink : ILogEventSink
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public string Text => string.Join('\n', _lines);

        public void Emit(LogEvent logEvent) =>
            _lines.Enqueue(string.Join(" | ",
                logEvent.RenderMessage(CultureInfo.InvariantCulture),
                string.Join(", ", logEvent.Properties.Select(p => $"{p.Key}={p.Value}")),
                logEvent.Exception?.ToString() ?? ""));
    }
}
