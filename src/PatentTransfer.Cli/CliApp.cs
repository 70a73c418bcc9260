using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using PatentTransfer.Infrastructure;
using PatentTransfer.Infrastructure.Data;
using PatentTransfer.Infrastructure.Data.Seeding;

namespace PatentTransfer.Cli;

/// <summary>
/// Operator commands. Connection strings come from the environment: ConnectionStrings__Portal (the app's role)
/// and optionally ConnectionStrings__PortalAdmin (the schema owner, used for migrations and reference data).
/// </summary>
public static class CliApp
{
    public const string Usage = $"""
        usage: patenttransfer <command>

          db migrate          apply EF Core migrations and grant the app role its privileges
          db seed-reference   load regions and the IPC table (skipped when unchanged)
          db seed-demo        create demo organisations, accounts, catalogue and demands (Development only)
          db setup [--demo]   all of the above, in that order
        {SearchCommands.Usage}
        {MatchCommand.Usage}
        {MatchBenchmark.Usage}

          patents import --holder <organisation id or name> [--partial] [--errors N] FILE
                              import a holder's patent list (.xlsx, .csv or .jsonl); every row is checked first,
                              and a file with errors imports nothing unless --partial imports its valid rows
          bench import [--rows N] [--keep]
                              time an import of N generated rows (default 100000) end to end; the generated
                              patents are deleted afterwards unless --keep is given

        environment: ConnectionStrings__Portal (required), ConnectionStrings__PortalAdmin (optional owner),
                     DOTNET_ENVIRONMENT=Development for demo data
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        if (SearchCommands.Handles(args))
        {
            return await SearchCommands.RunAsync(args, output, error, cancellationToken);
        }

        switch (args)
        {
            case ["bench", "match", ..]:
                return await MatchBenchmark.RunAsync(args, output, error, cancellationToken);
            case ["match", ..]:
                return await MatchCommand.RunAsync(args, output, error, cancellationToken);
            case ["patents", "import", .. var importArgs]:
                return await PatentImportCommand.RunAsync(importArgs, output, error, cancellationToken);
            case ["bench", "import", .. var benchArgs]:
                return await ImportBenchmark.RunAsync(benchArgs, output, error, cancellationToken);
            case ["db", var dbCommand, ..]:
                return await RunDatabaseAsync(dbCommand, args, output, error, cancellationToken);
            case [] or ["-h" or "--help"]:
                await output.WriteLineAsync(Usage);
                return 0;
            default:
                await error.WriteLineAsync($"unknown command '{string.Join(' ', args.Take(2))}'");
                await output.WriteLineAsync(Usage);
                return 2;
        }
    }

    /// <summary>
    /// The infrastructure on <paramref name="connectionStringName"/>'s database, logging to standard error; null
    /// (and the reason written to <paramref name="error"/>) when it is not configured.
    /// </summary>
    internal static async Task<IHost?> BuildHostAsync(string? connectionStringName, TextWriter error)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        // Standard output carries the command's results (scripts read it); the log goes to standard error. EF logs
        // its probe of a not-yet-created migrations table as a failed command; that is expected on a new database.
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter("PatentTransfer", LogLevel.Information)
            .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None);
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        connectionStringName ??= string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(DependencyInjection.AdminConnectionStringName))
            ? DependencyInjection.ConnectionStringName
            : DependencyInjection.AdminConnectionStringName;
        try
        {
            builder.AddInfrastructure(connectionStringName);
        }
        catch (InvalidOperationException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return null;
        }

        return builder.Build();
    }

    private static async Task<int> RunDatabaseAsync(string command, string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var demo = args.Contains("--demo");
        var steps = command switch
        {
            "migrate" => new[] { Step.Migrate },
            "seed-reference" => [Step.Reference],
            "seed-demo" => [Step.Demo],
            "setup" => demo ? [Step.Migrate, Step.Reference, Step.Demo] : [Step.Migrate, Step.Reference],
            _ => [],
        };
        if (steps.Length == 0)
        {
            await error.WriteLineAsync($"unknown command 'db {command}'");
            await output.WriteLineAsync(Usage);
            return 2;
        }

        using var host = await BuildHostAsync(connectionStringName: null, error);
        if (host is null)
        {
            return 1;
        }

        if (steps.Contains(Step.Demo) && !host.Services.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            await error.WriteLineAsync("Demo data is created only in Development (set DOTNET_ENVIRONMENT=Development).");
            return 1;
        }

        var appConnection = host.Services.GetRequiredService<IConfiguration>().GetConnectionString(DependencyInjection.ConnectionStringName);
        foreach (var step in steps)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            switch (step)
            {
                case Step.Migrate:
                    var database = services.GetRequiredService<PortalDatabase>();
                    await database.MigrateAsync(cancellationToken);
                    if (!string.IsNullOrWhiteSpace(appConnection))
                    {
                        var appRole = new NpgsqlConnectionStringBuilder(appConnection).Username;
                        if (!string.IsNullOrWhiteSpace(appRole))
                        {
                            await database.GrantApplicationRoleAsync(appRole, cancellationToken);
                        }
                    }

                    await output.WriteLineAsync("migrations: up to date");
                    break;
                case Step.Reference:
                    var started = Stopwatch.GetTimestamp();
                    foreach (var result in await services.GetRequiredService<ReferenceDataLoader>().LoadAllAsync(cancellationToken))
                    {
                        await output.WriteLineAsync($"reference data: {result.Name}: {result.Rows} rows{(result.Skipped ? " (unchanged, skipped)" : " loaded")}");
                    }

                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"reference data: done in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.00} s"));
                    break;
                case Step.Demo:
                    var accounts = await services.GetRequiredService<DemoDataSeeder>().SeedAsync(cancellationToken);
                    await output.WriteLineAsync($"demo data: {accounts.Count} demo accounts ready (password {DemoDataSeeder.DemoPassword})");
                    foreach (var account in accounts)
                    {
                        await output.WriteLineAsync($"  {account.Role,-22} {account.Email,-26} {account.DisplayName}");
                    }

                    var catalogueStarted = Stopwatch.GetTimestamp();
                    var catalogue = await services.GetRequiredService<DemoCatalogueSeeder>().SeedAsync(cancellationToken);
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"demo catalogue: {catalogue.Inserted} patents added, {catalogue.Updated} updated ({DemoCatalogueSeeder.SourceName} texts, generated attributes) in {Stopwatch.GetElapsedTime(catalogueStarted).TotalSeconds:0.00} s"));

                    var demandsStarted = Stopwatch.GetTimestamp();
                    var demands = await services.GetRequiredService<DemoDemandSeeder>().SeedAsync(cancellationToken);
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"demo demands: {demands.Added} published, {demands.AlreadyLoaded} already loaded, {demands.Skipped.Count} skipped ({DemoDemandSeeder.SourceName} texts under demo SMEs, generated attributes) in {Stopwatch.GetElapsedTime(demandsStarted).TotalSeconds:0.00} s"));
                    foreach (var skip in demands.Skipped)
                    {
                        await output.WriteLineAsync($"  skipped {skip.SourceId} {skip.Title}: {skip.Reason}");
                    }

                    break;
            }
        }

        return 0;
    }

    private enum Step
    {
        Migrate,
        Reference,
        Demo,
    }
}
