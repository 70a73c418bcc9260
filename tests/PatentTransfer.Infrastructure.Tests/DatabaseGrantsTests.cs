using Microsoft.EntityFrameworkCore;
using Npgsql;
using PatentTransfer.Domain.Auditing;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Infrastructure.Data;
using PatentTransfer.Testing;

namespace PatentTransfer.Infrastructure.Tests;

/// <summary>The application's role gets exactly what the portal needs (PortalDatabase.GrantApplicationRoleAsync).</summary>
public class DatabaseGrantsTests(DatabaseFixture fixture)
{
    private static readonly string[] ReadOnlyTables =
        ["regions", "ipc_entries", "__ef_migrations_history", "industries", "reference_data_sets", "roles"];

    private static readonly string[] BusinessTables =
        ["organisations", "users", "user_roles", "user_claims", "user_logins", "user_tokens", "role_claims"];

    public static TheoryData<string, string> ReadOnlyTableWrites()
    {
        var data = new TheoryData<string, string>();
        foreach (var table in ReadOnlyTables)
        {
            foreach (var verb in new[] { "INSERT", "UPDATE", "DELETE", "TRUNCATE" })
            {
                data.Add(table, verb);
            }
        }

        return data;
    }

    private static async Task<string> FirstColumnAsync(NpgsqlConnection connection, string table)
    {
        await using var command = new NpgsqlCommand(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position LIMIT 1",
            connection);
        command.Parameters.AddWithValue(table);
        return (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken)
            ?? throw new InvalidOperationException($"No columns visible for {table}.");
    }

    private static string Statement(string verb, string table, string column) => verb switch
    {
        "INSERT" => $"INSERT INTO \"{table}\" SELECT * FROM \"{table}\" WHERE false",
        "UPDATE" => $"UPDATE \"{table}\" SET \"{column}\" = \"{column}\" WHERE false",
        "DELETE" => $"DELETE FROM \"{table}\" WHERE false",
        "TRUNCATE" => $"TRUNCATE \"{table}\"",
        _ => throw new ArgumentOutOfRangeException(nameof(verb)),
    };

    private static async Task<bool> HasPrivilegeAsync(NpgsqlConnection connection, string role, string table, string privilege)
    {
        await using var command = new NpgsqlCommand("SELECT has_table_privilege($1, $2, $3)", connection);
        command.Parameters.AddWithValue(role);
        command.Parameters.AddWithValue($"public.\"{table}\"");
        command.Parameters.AddWithValue(privilege);
        return (bool)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    [Theory]
    [MemberData(nameof(ReadOnlyTableWrites))]
    public async Task ApplicationRoleCannotChangeReferenceDataOrSchemaHistory(string table, string verb)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var connection = new NpgsqlConnection(fixture.Database.AppConnectionString);
        await connection.OpenAsync(cancellationToken);
        var sql = Statement(verb, table, await FirstColumnAsync(connection, table));

        // Inside a transaction that is never committed: should the privilege be missing, nothing is lost.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(cancellationToken));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Theory]
    [MemberData(nameof(ReadOnlyTablesData))]
    public async Task ApplicationRoleCanReadReferenceData(string table)
    {
        await using var connection = new NpgsqlConnection(fixture.Database.AppConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection);

        var count = (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;

        Assert.True(count > 0, table);
    }

    public static TheoryData<string> ReadOnlyTablesData() => new(ReadOnlyTables);

    [Fact]
    public async Task ApplicationRoleCanInsertChangeAndRemoveOrganisations()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var organisation = new Organisation("权限测试科技有限公司", OrganisationType.PrivateEnterprise, EnterpriseSize.Micro,
            CreditCode.Parse(TestCreditCodes.Next()), "130104", null, DateTimeOffset.UtcNow);
        await using (var db = fixture.Database.CreateAppContext())
        {
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync(cancellationToken);
        }

        await using (var db = fixture.Database.CreateAppContext())
        {
            var loaded = await db.Organisations.SingleAsync(o => o.Id == organisation.Id, cancellationToken);
            loaded.Correct("权限测试科技股份有限公司", OrganisationType.PrivateEnterprise, EnterpriseSize.Small, "130104", null, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync(cancellationToken);
            db.Organisations.Remove(loaded);
            await db.SaveChangesAsync(cancellationToken);
        }

        await using (var db = fixture.Database.CreateAppContext())
        {
            Assert.False(await db.Organisations.AnyAsync(o => o.Id == organisation.Id, cancellationToken));
            var key = organisation.Id.ToString();
            Assert.Equal(
                [AuditActions.OrganisationSubmitted, AuditActions.OrganisationResubmitted, "organisation.deleted"],
                await db.AuditEntries.Where(a => a.RecordId == key).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(cancellationToken));
        }
    }

    [Fact]
    public async Task GrantingTwiceGivesTheSamePrivileges()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        // A database of its own: granting takes locks on every table.
        await using var database = await ScratchDatabase.CreateAsync("grants", migrate: true, cancellationToken);
        var logger = new ListLogger<PortalDatabase>();
        await using (var db = database.CreateOwnerContext())
        {
            var portalDatabase = new PortalDatabase(db, logger);
            await portalDatabase.GrantApplicationRoleAsync(database.AppRole, cancellationToken);
            await portalDatabase.GrantApplicationRoleAsync(database.AppRole, cancellationToken);
        }

        Assert.Equal(2, logger.Messages.Count(m => m.Contains(database.AppRole, StringComparison.Ordinal)));

        await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync(cancellationToken);
        var role = database.AppRole;
        foreach (var table in BusinessTables)
        {
            foreach (var privilege in new[] { "SELECT", "INSERT", "UPDATE", "DELETE" })
            {
                Assert.True(await HasPrivilegeAsync(connection, role, table, privilege), $"{privilege} on {table}");
            }
        }

        Assert.True(await HasPrivilegeAsync(connection, role, "audit_entries", "SELECT"));
        Assert.True(await HasPrivilegeAsync(connection, role, "audit_entries", "INSERT"));
        foreach (var privilege in new[] { "UPDATE", "DELETE", "TRUNCATE" })
        {
            Assert.False(await HasPrivilegeAsync(connection, role, "audit_entries", privilege), $"{privilege} on audit_entries");
        }

        foreach (var table in ReadOnlyTables)
        {
            Assert.True(await HasPrivilegeAsync(connection, role, table, "SELECT"), $"SELECT on {table}");
            foreach (var privilege in new[] { "INSERT", "UPDATE", "DELETE", "TRUNCATE" })
            {
                Assert.False(await HasPrivilegeAsync(connection, role, table, privilege), $"{privilege} on {table}");
            }
        }

        // The identity column's sequence is usable: the app can append to the audit trail.
        await using var app = ServiceHost.CreateContext(database.AppConnectionString, new Auditing.SystemActor());
        app.AuditEntries.Add(new AuditEntry(DateTimeOffset.UtcNow, AuditCategory.Security, AuditActions.LoginFailed, null, "anonymous", "User", null, "grants"));
        await app.SaveChangesAsync(cancellationToken);
        Assert.Equal(1, await app.AuditEntries.CountAsync(cancellationToken));
    }

    [Fact]
    public async Task GrantingIsSkippedWhenTheAppConnectsAsItself()
    {
        var logger = new ListLogger<PortalDatabase>();
        await using var db = fixture.Database.CreateAppContext();

        await new PortalDatabase(db, logger).GrantApplicationRoleAsync(fixture.Database.AppRole, TestContext.Current.CancellationToken);

        Assert.Empty(logger.Messages);
    }
}
