using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using PatentTransfer.Infrastructure.Data.Configurations;

namespace PatentTransfer.Infrastructure.Data;

/// <summary>
/// Schema management, run with the owner's connection: applies migrations and grants the application's role
/// only what it needs. The app role may read and append audit rows but never change or remove them.
/// </summary>
public sealed class PortalDatabase(PortalDbContext ownerContext, ILogger<PortalDatabase> logger)
{
    /// <summary>Reference data and schema bookkeeping: loaded by operators, read by the app.</summary>
    private static readonly string[] ReadOnlyTables =
        ["__ef_migrations_history", "regions", "ipc_entries", "industries", "reference_data_sets", "roles"];

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var pending = (await ownerContext.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
        }

        await ownerContext.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>
    /// Gives <paramref name="appRole"/> read/write access to business tables, read and append on the audit
    /// trail and the demand follow-up log, and read-only access to reference data and migration history.
    /// Idempotent; a no-op when the app connects as the owner itself (the append-only triggers still protect the
    /// audit trail and the follow-up log then).
    /// </summary>
    public async Task GrantApplicationRoleAsync(string appRole, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)ownerContext.Database.GetDbConnection();
        var builder = new NpgsqlConnectionStringBuilder(connection.ConnectionString);
        if (string.Equals(builder.Username, appRole, StringComparison.Ordinal))
        {
            return;
        }

        var role = QuoteIdentifier(appRole);
        var readOnly = string.Join(", ", ReadOnlyTables);
        string[] statements =
        [
            $"GRANT USAGE ON SCHEMA public TO {role}",
            $"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}",
            $"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}",
            $"REVOKE UPDATE, DELETE, TRUNCATE ON {AuditEntryConfiguration.TableName} FROM {role}",
            $"REVOKE UPDATE, DELETE, TRUNCATE ON {DemandFollowUpConfiguration.TableName} FROM {role}",
            $"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON {readOnly} FROM {role}",
        ];

        await using var transaction = await ownerContext.Database.BeginTransactionAsync(cancellationToken);
        foreach (var sql in statements)
        {
            await ownerContext.Database.ExecuteSqlRawAsync(sql, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Granted the application role {Role} its privileges", appRole);
    }

    private static string QuoteIdentifier(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
