using Microsoft.EntityFrameworkCore;
using Npgsql;
using PatentTransfer.Domain.Auditing;

namespace PatentTransfer.Infrastructure.Tests;

/// <summary>The database itself refuses to change or remove audit rows, whatever the application does.</summary>
public class AuditTrailAppendOnlyTests(DatabaseFixture fixture)
{
    private async Task<long> AppendAsync()
    {
        await using var db = fixture.Database.CreateAppContext();
        var entry = new AuditEntry(DateTimeOffset.UtcNow, AuditCategory.Security, AuditActions.LoginFailed, null, "anonymous", "User", null, "test");
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return entry.Id;
    }

    [Theory]
    [InlineData("UPDATE audit_entries SET action = 'tampered' WHERE id = {0}")]
    [InlineData("DELETE FROM audit_entries WHERE id = {0}")]
    [InlineData("TRUNCATE audit_entries")]
    public async Task ApplicationRoleCannotChangeOrRemoveAuditRows(string sql)
    {
        var id = await AppendAsync();
        await using var connection = new NpgsqlConnection(fixture.Database.AppConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, id), connection);

        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        await using var db = fixture.Database.CreateAppContext();
        var row = await db.AuditEntries.SingleAsync(a => a.Id == id, TestContext.Current.CancellationToken);
        Assert.Equal(AuditActions.LoginFailed, row.Action);
    }

    [Theory]
    [InlineData("UPDATE audit_entries SET action = 'tampered' WHERE id = {0}")]
    [InlineData("DELETE FROM audit_entries WHERE id = {0}")]
    [InlineData("TRUNCATE audit_entries")]
    public async Task EvenTheSchemaOwnerIsStoppedByTheTrigger(string sql)
    {
        var id = await AppendAsync();
        await using var connection = new NpgsqlConnection(fixture.Database.OwnerConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, id), connection);

        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));

        Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
        await using var db = fixture.Database.CreateAppContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Id == id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ApplicationRoleCanReadAndAppend()
    {
        var id = await AppendAsync();
        await using var db = fixture.Database.CreateAppContext();
        Assert.Equal("test", (await db.AuditEntries.SingleAsync(a => a.Id == id, TestContext.Current.CancellationToken)).Summary);
    }
}
