using Npgsql;
using PatentTransfer.Infrastructure.Data.Seeding;
using PatentTransfer.Testing;

namespace PatentTransfer.Cli.Tests;

/// <summary>
/// The CLI reads its connection strings and environment from process-wide environment variables, so the tests
/// that set them run one at a time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CliEnvironment
{
    public const string Name = "CLI environment variables";
}

[Collection(CliEnvironment.Name)]
public sealed class CliDatabaseCommandTests : IAsyncLifetime
{
    private const string PortalVariable = "ConnectionStrings__Portal";
    private const string AdminVariable = "ConnectionStrings__PortalAdmin";
    private const string EnvironmentVariable = "DOTNET_ENVIRONMENT";
    private const string RegionsLine = "reference data: ReferenceData.hebei-divisions.csv: 203 rows";
    private const string IpcLine = "reference data: ReferenceData.ipc-zh.tsv: 77237 rows";
    private const string TimingLine = @"^reference data: done in \d+\.\d\d s$";

    private static readonly string[] Variables = [PortalVariable, AdminVariable, EnvironmentVariable];

    private readonly Dictionary<string, string?> _saved = new(StringComparer.Ordinal);
    private readonly List<string> _databases = [];
    private string _server = "";

    public ValueTask InitializeAsync()
    {
        foreach (var variable in Variables)
        {
            _saved[variable] = Environment.GetEnvironmentVariable(variable);
            Environment.SetEnvironmentVariable(variable, null);
        }

        _server = Environment.GetEnvironmentVariable(TestDatabase.OwnerVariable) is { Length: > 0 } owner
            && Environment.GetEnvironmentVariable(TestDatabase.AppVariable) is { Length: > 0 }
            ? owner
            : throw new InvalidOperationException($"{TestDatabase.OwnerVariable} and {TestDatabase.AppVariable} are not set: run the tests with ./test.sh.");
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (variable, value) in _saved)
        {
            Environment.SetEnvironmentVariable(variable, value);
        }

        NpgsqlConnection.ClearAllPools();
        await using var server = new NpgsqlConnection(_server);
        await server.OpenAsync();
        foreach (var name in _databases)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", server);
            await drop.ExecuteNonQueryAsync();
        }
    }

    /// <summary>An empty database (no schema at all); the CLI is pointed at it through the environment.</summary>
    private async Task<(string Owner, string App)> UseEmptyDatabaseAsync(string? environment)
    {
        var name = $"pt_cli_{Guid.NewGuid():N}";
        await using (var server = new NpgsqlConnection(_server))
        {
            await server.OpenAsync(TestContext.Current.CancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8'", server);
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        _databases.Add(name);
        var owner = new NpgsqlConnectionStringBuilder(_server) { Database = name }.ConnectionString;
        var app = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(TestDatabase.AppVariable)) { Database = name }.ConnectionString;
        Environment.SetEnvironmentVariable(PortalVariable, app);
        Environment.SetEnvironmentVariable(AdminVariable, owner);
        Environment.SetEnvironmentVariable(EnvironmentVariable, environment);
        return (owner, app);
    }

    private static async Task<(int Code, string[] Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error, TestContext.Current.CancellationToken);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return (code, lines, error.ToString());
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task SetupMigratesAndLoadsReferenceDataThenSkipsIt()
    {
        var (_, app) = await UseEmptyDatabaseAsync(environment: null);

        var first = await RunAsync("db", "setup");

        Assert.Equal("", first.Error);
        Assert.Equal(0, first.Code);
        Assert.Equal(["migrations: up to date", RegionsLine + " loaded", IpcLine + " loaded"], first.Output[..3]);
        Assert.Matches(TimingLine, Assert.Single(first.Output[3..]));

        // The app role was granted what it needs: it reads the reference data but cannot change it.
        Assert.Equal(203, await ScalarAsync(app, "SELECT count(*) FROM regions"));
        Assert.Equal(77_237, await ScalarAsync(app, "SELECT count(*) FROM ipc_entries"));
        var denied = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync(app, "DELETE FROM regions WHERE false"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, denied.SqlState);

        var second = await RunAsync("db", "setup");

        Assert.Equal(0, second.Code);
        Assert.Equal(["migrations: up to date", RegionsLine + " (unchanged, skipped)", IpcLine + " (unchanged, skipped)"], second.Output[..3]);
    }

    [Fact]
    public async Task SeedReferenceAloneReportsUnchangedAfterSetup()
    {
        await UseEmptyDatabaseAsync(environment: null);
        Assert.Equal(0, (await RunAsync("db", "setup")).Code);

        var result = await RunAsync("db", "seed-reference");

        Assert.Equal(0, result.Code);
        Assert.Equal([RegionsLine + " (unchanged, skipped)", IpcLine + " (unchanged, skipped)"], result.Output[..2]);
        Assert.Matches(TimingLine, Assert.Single(result.Output[2..]));
    }

    [Theory]
    [InlineData(null, "db", "seed-demo")]
    [InlineData("Production", "db", "seed-demo")]
    [InlineData("Staging", "db", "setup", "--demo")]
    public async Task DemoDataOutsideDevelopmentIsRefused(string? environment, params string[] args)
    {
        var (owner, _) = await UseEmptyDatabaseAsync(environment);

        var result = await RunAsync(args);

        Assert.Equal(1, result.Code);
        Assert.Contains("Demo data is created only in Development (set DOTNET_ENVIRONMENT=Development).", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
        // Refused before anything ran: not even the migrations.
        Assert.Equal(0, await ScalarAsync(owner, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"));
    }

    [Fact]
    public async Task SeedDemoInDevelopmentPrintsTheDemoAccounts()
    {
        var (owner, _) = await UseEmptyDatabaseAsync("Development");
        Assert.Equal(0, (await RunAsync("db", "setup")).Code);

        var first = await RunAsync("db", "seed-demo");

        Assert.Equal(0, first.Code);
        Assert.Equal($"demo data: {DemoDataSeeder.Accounts.Count} demo accounts ready (password {DemoDataSeeder.DemoPassword})", first.Output[0]);
        Assert.Equal(DemoDataSeeder.Accounts.Count + 3, first.Output.Length);
        Assert.Matches(@"^demo catalogue: 3719 patents added, 0 updated .* in \d+\.\d\d s$", first.Output[^2]);
        Assert.Matches(
            @"^demo demands: 371 published, 0 already loaded, 0 skipped \(CCF BDCI 2019 requirements \(Henan technology-transfer platform\) texts under demo SMEs, generated attributes\) in \d+\.\d\d s$",
            first.Output[^1]);
        foreach (var account in DemoDataSeeder.Accounts)
        {
            Assert.Contains(first.Output, line =>
                line.Contains(account.Email, StringComparison.Ordinal)
                && line.Contains(account.Role, StringComparison.Ordinal)
                && line.Contains(account.DisplayName, StringComparison.Ordinal));
        }

        var users = await ScalarAsync(owner, "SELECT count(*) FROM users WHERE is_demo");
        var organisations = await ScalarAsync(owner, "SELECT count(*) FROM organisations WHERE is_demo");
        await AssertDemoUsersAsync(owner);

        var second = await RunAsync("db", "seed-demo");

        Assert.Equal(0, second.Code);
        Assert.Equal(first.Output[..^2], second.Output[..^2]);
        Assert.StartsWith("demo catalogue: 0 patents added, 0 updated ", second.Output[^2], StringComparison.Ordinal);
        Assert.StartsWith("demo demands: 0 published, 371 already loaded, 0 skipped ", second.Output[^1], StringComparison.Ordinal);
        Assert.Equal(371, await ScalarAsync(owner, "SELECT count(*) FROM demands WHERE is_demo AND status = 'Published'"));
        Assert.Equal(users, await ScalarAsync(owner, "SELECT count(*) FROM users WHERE is_demo"));
        Assert.Equal(organisations, await ScalarAsync(owner, "SELECT count(*) FROM organisations WHERE is_demo"));
    }

    [Fact]
    public async Task SetupWithDemoInDevelopmentDoesEverything()
    {
        var (owner, _) = await UseEmptyDatabaseAsync("Development");

        var result = await RunAsync("db", "setup", "--demo");

        Assert.Equal(0, result.Code);
        Assert.Equal(["migrations: up to date", RegionsLine + " loaded", IpcLine + " loaded"], result.Output[..3]);
        Assert.Matches(TimingLine, result.Output[3]);
        Assert.StartsWith("demo data: ", result.Output[4], StringComparison.Ordinal);
        Assert.StartsWith("demo demands: 371 published, ", result.Output[^1], StringComparison.Ordinal);
        await AssertDemoUsersAsync(owner);
    }

    /// <summary>
    /// The demo accounts run.sh prints, each with the demo password, and one user for each demo SME that posts demands
    /// without an account of its own: no password, so nobody signs in as them.
    /// </summary>
    private static async Task AssertDemoUsersAsync(string owner)
    {
        Assert.Equal(DemoDataSeeder.Accounts.Count, await ScalarAsync(owner, "SELECT count(*) FROM users WHERE is_demo AND password_hash IS NOT NULL"));
        Assert.Equal(DemoDataSeeder.DemandPosters.Count - 1, await ScalarAsync(owner, "SELECT count(*) FROM users WHERE is_demo AND password_hash IS NULL"));
    }

    [Fact]
    public async Task MissingConnectionStringFails()
    {
        var result = await RunAsync("db", "migrate");

        Assert.Equal(1, result.Code);
        Assert.Contains("ConnectionStrings__Portal", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }
}
