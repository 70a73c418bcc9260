using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PatentTransfer.Infrastructure.Data;
using PatentTransfer.Infrastructure.Data.Seeding;
using PatentTransfer.Infrastructure.Identity;
using PatentTransfer.Testing;

[assembly: AssemblyFixture(typeof(PatentTransfer.Web.Tests.PortalAppFactory))]

namespace PatentTransfer.Web.Tests;

/// <summary>
/// The whole portal in memory (WebApplicationFactory) on a real PostgreSQL database of this test assembly,
/// connected as the application role, with the demo organisations and accounts loaded as a shared baseline.
/// Tests that change data create their own organisations and users.
/// </summary>
public sealed class PortalAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _workDirectory = Path.Combine(Path.GetTempPath(), "pt-web-tests-" + Guid.NewGuid().ToString("N"));

    public TestDatabase Database { get; private set; } = default!;

    public TestMailbox Mailbox => new(Path.Combine(_workDirectory, "mail"));

    public string LogDirectory => Path.Combine(_workDirectory, "logs");

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("web");
        using var scope = Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(CancellationToken.None);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Portal", Database.AppConnectionString);
        builder.UseSetting("Mail:PickupDirectory", Path.Combine(_workDirectory, "mail"));
        builder.UseSetting("DataProtection:KeysDirectory", Path.Combine(_workDirectory, "keys"));
        // Serilog reads its sinks from configuration; array-indexed keys only merge reliably as a configuration source.
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Serilog:WriteTo:1:Args:path"] = Path.Combine(LogDirectory, "portal-.log"),
            ["Serilog:WriteTo:1:Args:flushToDiskInterval"] = "00:00:00.2",
        }));
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see where the portal sends them.</summary>
    public HttpClient CreateBrowserClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public PortalDbContext CreateDbContext() => Database.CreateAppContext();

    public async Task<PortalUser> FindUserAsync(string email)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
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
            // Log files may still be held open by the logger on its way down; the folder is in /tmp.
        }
    }
}
