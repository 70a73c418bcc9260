using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PatentTransfer.Infrastructure.Auditing;
using PatentTransfer.Infrastructure.Data;
using PatentTransfer.Testing;

namespace PatentTransfer.Infrastructure.Tests;

/// <summary>The infrastructure services as the web app and the CLI register them (AddInfrastructure).</summary>
public static class ServiceHost
{
    public static IHost Build(string connectionString, string? pickupDirectory = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            EnvironmentName = Environments.Development,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DependencyInjection.ConnectionStringName}"] = connectionString,
            ["Mail:PickupDirectory"] = pickupDirectory ?? Path.Combine(Path.GetTempPath(), "patenttransfer-tests-mail"),
        });
        builder.AddInfrastructure();
        return builder.Build();
    }

    /// <summary>A context on <paramref name="connectionString"/> whose audit interceptor asks <paramref name="actor"/>.</summary>
    public static PortalDbContext CreateContext(string connectionString, ICurrentActor actor)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        options.UsePortalDatabase(connectionString).AddInterceptors(new AuditSaveChangesInterceptor(actor, TimeProvider.System));
        return new PortalDbContext(options.Options);
    }
}

/// <summary>
/// A database of a test's own on the throwaway cluster, created empty (optionally migrated and granted, but
/// without reference data), for tests that need to see what set-up does to a fresh database.
/// </summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly string _serverConnectionString;

    private ScratchDatabase(string name, string serverConnectionString, string appServerConnectionString)
    {
        Name = name;
        _serverConnectionString = serverConnectionString;
        OwnerConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
        AppConnectionString = new NpgsqlConnectionStringBuilder(appServerConnectionString) { Database = name }.ConnectionString;
    }

    public string Name { get; }
    public string OwnerConnectionString { get; }
    public string AppConnectionString { get; }
    public string AppRole => new NpgsqlConnectionStringBuilder(AppConnectionString).Username!;

    public static async Task<ScratchDatabase> CreateAsync(string prefix, bool migrate, CancellationToken cancellationToken)
    {
        var owner = Environment.GetEnvironmentVariable(TestDatabase.OwnerVariable);
        var app = Environment.GetEnvironmentVariable(TestDatabase.AppVariable);
        if (string.IsNullOrWhiteSpace(owner) || string.IsNullOrWhiteSpace(app))
        {
            throw new InvalidOperationException($"{TestDatabase.OwnerVariable} and {TestDatabase.AppVariable} are not set: run the tests with ./test.sh.");
        }

        var database = new ScratchDatabase($"pt_{prefix}_{Guid.NewGuid():N}", owner, app);
        await using (var server = new NpgsqlConnection(owner))
        {
            await server.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Name}\" ENCODING 'UTF8'", server);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        if (migrate)
        {
            await using var context = database.CreateOwnerContext();
            var portalDatabase = new PortalDatabase(context, NullLogger<PortalDatabase>.Instance);
            await portalDatabase.MigrateAsync(cancellationToken);
            await portalDatabase.GrantApplicationRoleAsync(database.AppRole, cancellationToken);
        }

        return database;
    }

    public PortalDbContext CreateOwnerContext() => ServiceHost.CreateContext(OwnerConnectionString, new SystemActor());

    public async ValueTask DisposeAsync()
    {
        await using (var connection = new NpgsqlConnection(OwnerConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await using (var connection = new NpgsqlConnection(AppConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await using var server = new NpgsqlConnection(_serverConnectionString);
        await server.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", server);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>A logger that keeps the formatted messages, to check what is (and is not) logged.</summary>
public sealed class ListLogger<T> : Microsoft.Extensions.Logging.ILogger<T>
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _messages = new();

    public IReadOnlyList<string> Messages => [.. _messages];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

    public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state,
        Exception? exception, Func<TState, Exception?, string> formatter) =>
        _messages.Enqueue(formatter(state, exception));
}
