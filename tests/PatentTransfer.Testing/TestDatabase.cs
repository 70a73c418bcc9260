using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PatentTransfer.Infrastructure.Auditing;
using PatentTransfer.Infrastructure.Data;
using PatentTransfer.Infrastructure.Data.Seeding;

namespace PatentTransfer.Testing;

/// <summary>
/// A real PostgreSQL database of its own for one test assembly, on the throwaway cluster that ./test.sh starts:
/// created as the schema owner, migrated, loaded with reference data, and with the application role granted
/// exactly what the portal grants it. The app connects as that role, as in production.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string OwnerVariable = "PORTAL_TEST_OWNER_CONNECTION";
    public const string AppVariable = "PORTAL_TEST_APP_CONNECTION";

    private TestDatabase(string name, string ownerConnectionString, string appConnectionString, string serverConnectionString)
    {
        Name = name;
        OwnerConnectionString = ownerConnectionString;
        AppConnectionString = appConnectionString;
        _serverConnectionString = serverConnectionString;
    }

    private readonly string _serverConnectionString;

    public string Name { get; }

    /// <summary>The schema owner (runs migrations; still cannot change audit rows: the trigger refuses).</summary>
    public string OwnerConnectionString { get; }

    /// <summary>The application's role, as the web app uses it.</summary>
    public string AppConnectionString { get; }

    public string AppRole => new NpgsqlConnectionStringBuilder(AppConnectionString).Username!;

    public static async Task<TestDatabase> CreateAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var owner = Environment.GetEnvironmentVariable(OwnerVariable);
        var app = Environment.GetEnvironmentVariable(AppVariable);
        if (string.IsNullOrWhiteSpace(owner) || string.IsNullOrWhiteSpace(app))
        {
            throw new InvalidOperationException(
                $"{OwnerVariable} and {AppVariable} are not set. Run the tests with ./test.sh, which starts a throwaway PostgreSQL cluster and sets them.");
        }

        var name = $"pt_{prefix}_{Guid.NewGuid():N}".ToLowerInvariant();
        await using (var server = new NpgsqlConnection(owner))
        {
            await server.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8'", server);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var database = new TestDatabase(
            name,
            new NpgsqlConnectionStringBuilder(owner) { Database = name }.ConnectionString,
            new NpgsqlConnectionStringBuilder(app) { Database = name }.ConnectionString,
            owner);

        await using var context = database.CreateOwnerContext();
        var portalDatabase = new PortalDatabase(context, NullLogger<PortalDatabase>.Instance);
        await portalDatabase.MigrateAsync(cancellationToken);
        await portalDatabase.GrantApplicationRoleAsync(database.AppRole, cancellationToken);
        await new ReferenceDataLoader(context, TimeProvider.System, NullLogger<ReferenceDataLoader>.Instance).LoadAllAsync(cancellationToken);
        return database;
    }

    /// <summary>A context on the owner's connection, with the audit interceptor acting as "system".</summary>
    public PortalDbContext CreateOwnerContext() => CreateContext(OwnerConnectionString);

    /// <summary>A context on the application role's connection, with the audit interceptor acting as "system".</summary>
    public PortalDbContext CreateAppContext() => CreateContext(AppConnectionString);

    private static PortalDbContext CreateContext(string connectionString)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        options.UsePortalDatabase(connectionString).AddInterceptors(new AuditSaveChangesInterceptor(new SystemActor(), TimeProvider.System));
        return new PortalDbContext(options.Options);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var server = new NpgsqlConnection(_serverConnectionString);
        await server.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", server);
        await drop.ExecuteNonQueryAsync();
    }
}
