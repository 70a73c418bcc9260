using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using PatentTransfer.Domain.Auditing;
using PatentTransfer.Domain.Patents;
using PatentTransfer.Infrastructure.Auditing;
using PatentTransfer.Infrastructure.Data;

namespace PatentTransfer.Infrastructure.Patents;

/// <summary>One patent to store for a holder: its validated details and events beyond the grant.</summary>
public sealed record PatentUpsert(
    PatentDetails Details,
    Guid HolderOrganisationId,
    IReadOnlyList<LegalEvent>? Events = null,
    bool IsDemo = false,
    string? Source = null);

/// <summary>
/// What a merge did. Numbers already held by another organisation are refused, not taken over: a holder can
/// only update its own patents.
/// </summary>
public sealed record PatentMergeResult(int Inserted, int Updated, IReadOnlyList<string> HeldByOthers);

/// <summary>
/// Stores many patents at once: binary COPY into a temporary staging table, then one set-based merge on the
/// application number (insert new, update own), legal events and one audit row per patent, all in one
/// transaction — either every row lands or none does.
/// </summary>
public sealed class PatentBulkStore(IDbContextFactory<PortalDbContext> contextFactory, TimeProvider timeProvider)
{
    public async Task<PatentMergeResult> MergeAsync(IReadOnlyList<PatentUpsert> rows, Actor actor, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return new PatentMergeResult(0, 0, []);
        }

        var now = timeProvider.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();

        await ExecuteAsync(connection, """
            CREATE TEMP TABLE patent_staging (
                id uuid, application_number varchar(16), publication_number varchar(16), type varchar(40), title varchar(400),
                abstract text, claims text, main_ipc varchar(20), further_ipc text[], locarno varchar(5), holder_organisation_id uuid,
                co_owners text[], inventors text[], filing_date date, publication_date date, grant_date date,
                last_day_of_protection date, status varchar(40), keywords text[], industry_code varchar(40), is_demo boolean,
                source varchar(100)) ON COMMIT DROP;
            CREATE TEMP TABLE patent_event_staging (application_number varchar(16), date date, type varchar(40), note varchar(400)) ON COMMIT DROP;
            """, cancellationToken);

        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY patent_staging FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in rows)
            {
                var d = row.Details;
                var mainIpc = d.MainIpc?.Value;
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(Guid.CreateVersion7(now), NpgsqlDbType.Uuid, cancellationToken);
                await importer.WriteAsync(d.ApplicationNumber.Value, NpgsqlDbType.Varchar, cancellationToken);
                await WriteNullableAsync(importer, d.PublicationNumber?.Value, cancellationToken);
                await importer.WriteAsync(d.Type.ToString(), NpgsqlDbType.Varchar, cancellationToken);
                await WriteNullableAsync(importer, string.IsNullOrWhiteSpace(d.Title) ? null : d.Title.Trim(), cancellationToken);
                await importer.WriteAsync(d.Abstract.Trim(), NpgsqlDbType.Text, cancellationToken);
                await WriteNullableAsync(importer, string.IsNullOrWhiteSpace(d.Claims) ? null : d.Claims.Trim(), cancellationToken, NpgsqlDbType.Text);
                await WriteNullableAsync(importer, mainIpc, cancellationToken);
                await importer.WriteAsync(d.FurtherIpc.Select(c => c.Value).Where(c => c != mainIpc).Distinct(StringComparer.Ordinal).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
                await WriteNullableAsync(importer, d.Locarno?.Value, cancellationToken);
                await importer.WriteAsync(row.HolderOrganisationId, NpgsqlDbType.Uuid, cancellationToken);
                await importer.WriteAsync(d.CoOwners.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(d.Inventors.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(d.FilingDate, NpgsqlDbType.Date, cancellationToken);
                await WriteDateAsync(importer, d.PublicationDate, cancellationToken);
                await WriteDateAsync(importer, d.GrantDate, cancellationToken);
                await importer.WriteAsync(PatentTerms.LastDayOfProtection(d.Type, d.FilingDate), NpgsqlDbType.Date, cancellationToken);
                await importer.WriteAsync(d.Status.ToString(), NpgsqlDbType.Varchar, cancellationToken);
                await importer.WriteAsync(d.Keywords.Distinct(StringComparer.Ordinal).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
                await WriteNullableAsync(importer, d.IndustryCode, cancellationToken);
                await importer.WriteAsync(row.IsDemo, NpgsqlDbType.Boolean, cancellationToken);
                await WriteNullableAsync(importer, row.Source, cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY patent_event_staging FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in rows)
            {
                var events = row.Events ?? [];
                if (row.Details.GrantDate is { } granted && events.All(e => e.Type != LegalEventType.Grant))
                {
                    events = [new LegalEvent(granted, LegalEventType.Grant, null), .. events];
                }

                foreach (var legalEvent in events)
                {
                    await importer.StartRowAsync(cancellationToken);
                    await importer.WriteAsync(row.Details.ApplicationNumber.Value, NpgsqlDbType.Varchar, cancellationToken);
                    await importer.WriteAsync(legalEvent.Date, NpgsqlDbType.Date, cancellationToken);
                    await importer.WriteAsync(legalEvent.Type.ToString(), NpgsqlDbType.Varchar, cancellationToken);
                    await WriteNullableAsync(importer, legalEvent.Note, cancellationToken);
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        // Another holder's number is reported, and left alone.
        var heldByOthers = new List<string>();
        await using (var others = new NpgsqlCommand("""
            DELETE FROM patent_staging s USING patents p
            WHERE p.application_number = s.application_number AND p.holder_organisation_id <> s.holder_organisation_id
            RETURNING s.application_number
            """, connection))
        await using (var reader = await others.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                heldByOthers.Add(reader.GetString(0));
            }
        }

        // xmax = 0 on the returned row tells an insert from an update. Unchanged rows are not touched (and not audited).
        var merged = new NpgsqlCommand("""
            WITH merged AS (
                INSERT INTO patents AS p (id, application_number, publication_number, type, title, abstract, claims, main_ipc, further_ipc,
                    locarno, holder_organisation_id, co_owners, inventors, filing_date, publication_date, grant_date,
                    last_day_of_protection, status, keywords, industry_code, is_demo, source, created_at, updated_at)
                SELECT id, application_number, publication_number, type, title, abstract, claims, main_ipc, further_ipc,
                    locarno, holder_organisation_id, co_owners, inventors, filing_date, publication_date, grant_date,
                    last_day_of_protection, status, keywords, industry_code, is_demo, source, @now, @now
                FROM patent_staging
                ON CONFLICT (application_number) DO UPDATE SET
                    publication_number = excluded.publication_number, type = excluded.type, title = excluded.title,
                    abstract = excluded.abstract, claims = excluded.claims, main_ipc = excluded.main_ipc,
                    further_ipc = excluded.further_ipc, locarno = excluded.locarno, co_owners = excluded.co_owners,
                    inventors = excluded.inventors, filing_date = excluded.filing_date, publication_date = excluded.publication_date,
                    grant_date = excluded.grant_date, last_day_of_protection = excluded.last_day_of_protection,
                    status = excluded.status, keywords = excluded.keywords, industry_code = excluded.industry_code,
                    updated_at = excluded.updated_at
                WHERE (p.publication_number, p.type, p.title, p.abstract, p.claims, p.main_ipc, p.further_ipc, p.locarno,
                       p.co_owners, p.inventors, p.filing_date, p.publication_date, p.grant_date, p.status, p.keywords, p.industry_code)
                  IS DISTINCT FROM
                      (excluded.publication_number, excluded.type, excluded.title, excluded.abstract, excluded.claims, excluded.main_ipc,
                       excluded.further_ipc, excluded.locarno, excluded.co_owners, excluded.inventors, excluded.filing_date,
                       excluded.publication_date, excluded.grant_date, excluded.status, excluded.keywords, excluded.industry_code)
                RETURNING p.id, p.application_number, p.title, p.holder_organisation_id, p.status, (p.xmax = 0) AS inserted
            ),
            audit AS (
                INSERT INTO audit_entries (occurred_at, category, action, actor_user_id, actor_name, record_type, record_id, summary, organisation_id)
                SELECT @now, 'Business', CASE WHEN inserted THEN @created ELSE @updated END, @actorId, @actorName, 'Patent', id::text,
                       json_build_object('ApplicationNumber', application_number, 'Title', title, 'Status', status, 'Via', 'import')::text,
                       holder_organisation_id
                FROM merged
            )
            SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM merged
            """, connection);
        await using (merged)
        {
            merged.Parameters.AddWithValue("now", now);
            merged.Parameters.AddWithValue("created", AuditActions.PatentCreated);
            merged.Parameters.AddWithValue("updated", AuditActions.PatentUpdated);
            merged.Parameters.AddWithValue("actorId", NpgsqlDbType.Uuid, (object?)actor.UserId ?? DBNull.Value);
            merged.Parameters.AddWithValue("actorName", actor.Name);
            await using var reader = await merged.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var inserted = (int)reader.GetInt64(0);
            var updated = (int)reader.GetInt64(1);
            await reader.CloseAsync();

            // A separate statement: the merge's new rows are not visible to its sibling sub-statements.
            await ExecuteAsync(connection, """
                INSERT INTO patent_legal_events (patent_id, date, type, note)
                SELECT p.id, e.date, e.type, e.note
                FROM patent_event_staging e
                JOIN patent_staging s ON s.application_number = e.application_number
                JOIN patents p ON p.application_number = e.application_number
                WHERE NOT EXISTS (SELECT 1 FROM patent_legal_events x WHERE x.patent_id = p.id AND x.date = e.date AND x.type = e.type)
                """, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new PatentMergeResult(inserted, updated, heldByOthers);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken cancellationToken, NpgsqlDbType type = NpgsqlDbType.Varchar) =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, type, cancellationToken);

    private static Task WriteDateAsync(NpgsqlBinaryImporter importer, DateOnly? value, CancellationToken cancellationToken) =>
        value is { } date ? importer.WriteAsync(date, NpgsqlDbType.Date, cancellationToken) : importer.WriteNullAsync(cancellationToken);
}
