using System.Text.Encodings.Web;
using System.Text.Json;
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
/// Stores many patents at once, in one transaction — either every row lands or none does — with legal events
/// and one audit row per patent added or changed. The catalogue's rows with these numbers are locked first;
/// new patents are then copied straight into their tables with binary COPY, and patents the holder already has
/// go through a staging table and one set-based update that leaves unchanged rows (and their audit) alone.
/// </summary>
/// <remarks>
/// Copying new rows directly rather than through staging and INSERT … ON CONFLICT saves about a fifth of the
/// database's work for a first import (decision record 0008). A number that another transaction adds between the lock and the copy
/// fails the copy on the unique index, which rolls everything back; the caller may simply try again.
/// </remarks>
public sealed class PatentBulkStore(IDbContextFactory<PortalDbContext> contextFactory, TimeProvider timeProvider)
{
    /// <summary>Rows copied between two progress reports.</summary>
    public const int ProgressInterval = 1000;

    // As the audit interceptor writes its summaries: Chinese stays readable, the UI encodes on output.
    private static readonly JsonSerializerOptions SummaryJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public Task<PatentMergeResult> MergeAsync(IReadOnlyList<PatentUpsert> rows, Actor actor, CancellationToken cancellationToken) =>
        MergeAsync(rows, actor, progress: null, cancellationToken);

    /// <param name="progress">Hears how many rows have been copied to the database, now and then; the update of
    /// existing patents is one statement after the last report.</param>
    public async Task<PatentMergeResult> MergeAsync(
        IReadOnlyList<PatentUpsert> rows, Actor actor, IProgress<int>? progress, CancellationToken cancellationToken)
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

        var existing = await LockExistingAsync(connection, rows, cancellationToken);
        var added = new List<(Guid Id, PatentUpsert Row)>();
        var own = new List<PatentUpsert>();
        var heldByOthers = new List<string>();
        foreach (var row in rows)
        {
            if (!existing.TryGetValue(row.Details.ApplicationNumber.Value, out var holder))
            {
                added.Add((Guid.CreateVersion7(now), row));
            }
            else if (holder == row.HolderOrganisationId)
            {
                own.Add(row);
            }
            else
            {
                // Another holder's number is reported, and left alone.
                heldByOthers.Add(row.Details.ApplicationNumber.Value);
            }
        }

        var copied = new CopyCounter(progress);
        if (added.Count > 0)
        {
            await CopyNewAsync(connection, added, actor, now, copied, cancellationToken);
        }

        if (own.Count > 0)
        {
            await StageOwnAsync(connection, own, copied, cancellationToken);
        }

        copied.Finish();
        var updated = own.Count == 0 ? 0 : await UpdateStagedAsync(connection, actor, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new PatentMergeResult(added.Count, updated, heldByOthers);
    }

    /// <summary>The holders of the numbers already in the catalogue; their rows stay locked until the end of the transaction.</summary>
    private static async Task<Dictionary<string, Guid>> LockExistingAsync(
        NpgsqlConnection connection, IReadOnlyList<PatentUpsert> rows, CancellationToken cancellationToken)
    {
        var existing = new Dictionary<string, Guid>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(
            "SELECT application_number, holder_organisation_id FROM patents WHERE application_number = ANY(@numbers) FOR UPDATE", connection);
        command.Parameters.AddWithValue("numbers", NpgsqlDbType.Array | NpgsqlDbType.Varchar,
            rows.Select(r => r.Details.ApplicationNumber.Value).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            existing[reader.GetString(0)] = reader.GetGuid(1);
        }

        return existing;
    }

    /// <summary>New patents, their legal events and their audit rows, each copied straight into its table.</summary>
    private static async Task CopyNewAsync(
        NpgsqlConnection connection, List<(Guid Id, PatentUpsert Row)> added, Actor actor, DateTimeOffset now, CopyCounter progress,
        CancellationToken cancellationToken)
    {
        await using (var importer = await connection.BeginBinaryImportAsync(
            $"COPY patents ({PatentColumns}, created_at, updated_at) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var (id, row) in added)
            {
                await WritePatentAsync(importer, id, row, cancellationToken);
                await importer.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
                await importer.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
                progress.Add();
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY patent_legal_events (patent_id, date, type, note) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var (id, row) in added)
            {
                foreach (var legalEvent in EventsOf(row))
                {
                    await importer.StartRowAsync(cancellationToken);
                    await importer.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken);
                    await WriteEventAsync(importer, legalEvent, cancellationToken);
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY audit_entries (occurred_at, category, action, actor_user_id, actor_name, record_type, record_id, summary, organisation_id) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            foreach (var (id, row) in added)
            {
                var d = row.Details;
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
                await importer.WriteAsync(nameof(AuditCategory.Business), NpgsqlDbType.Varchar, cancellationToken);
                await importer.WriteAsync(AuditActions.PatentCreated, NpgsqlDbType.Varchar, cancellationToken);
                await WriteNullableAsync(importer, actor.UserId, cancellationToken);
                await importer.WriteAsync(actor.Name, NpgsqlDbType.Varchar, cancellationToken);
                await importer.WriteAsync("Patent", NpgsqlDbType.Varchar, cancellationToken);
                await importer.WriteAsync(id.ToString(), NpgsqlDbType.Varchar, cancellationToken);
                await importer.WriteAsync(Summary(d.ApplicationNumber.Value, TitleOf(d), d.Status), NpgsqlDbType.Varchar, cancellationToken);
                await importer.WriteAsync(row.HolderOrganisationId, NpgsqlDbType.Uuid, cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
        }
    }

    /// <summary>The holder's own patents and their events, copied to staging tables for <see cref="UpdateStagedAsync"/>.</summary>
    private static async Task StageOwnAsync(NpgsqlConnection connection, List<PatentUpsert> own, CopyCounter progress, CancellationToken cancellationToken)
    {
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
            $"COPY patent_staging ({PatentColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in own)
            {
                // The id is not used: an existing patent keeps its own.
                await WritePatentAsync(importer, Guid.Empty, row, cancellationToken);
                progress.Add();
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY patent_event_staging (application_number, date, type, note) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in own)
            {
                foreach (var legalEvent in EventsOf(row))
                {
                    await importer.StartRowAsync(cancellationToken);
                    await importer.WriteAsync(row.Details.ApplicationNumber.Value, NpgsqlDbType.Varchar, cancellationToken);
                    await WriteEventAsync(importer, legalEvent, cancellationToken);
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }
    }

    /// <summary>
    /// One update of the staged patents that changed, with an audit row each, and their new events. Unchanged rows
    /// are not touched (and not audited). The rows are locked already (<see cref="LockExistingAsync"/>).
    /// </summary>
    private static async Task<int> UpdateStagedAsync(NpgsqlConnection connection, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        int updated;
        await using (var merge = new NpgsqlCommand("""
            WITH changed AS (
                UPDATE patents p SET
                    publication_number = s.publication_number, type = s.type, title = s.title, abstract = s.abstract,
                    claims = s.claims, main_ipc = s.main_ipc, further_ipc = s.further_ipc, locarno = s.locarno,
                    co_owners = s.co_owners, inventors = s.inventors, filing_date = s.filing_date,
                    publication_date = s.publication_date, grant_date = s.grant_date,
                    last_day_of_protection = s.last_day_of_protection, status = s.status, keywords = s.keywords,
                    industry_code = s.industry_code, updated_at = @now
                FROM patent_staging s
                WHERE p.application_number = s.application_number
                  AND (p.publication_number, p.type, p.title, p.abstract, p.claims, p.main_ipc, p.further_ipc, p.locarno,
                       p.co_owners, p.inventors, p.filing_date, p.publication_date, p.grant_date, p.status, p.keywords, p.industry_code)
                      IS DISTINCT FROM
                      (s.publication_number, s.type, s.title, s.abstract, s.claims, s.main_ipc, s.further_ipc, s.locarno,
                       s.co_owners, s.inventors, s.filing_date, s.publication_date, s.grant_date, s.status, s.keywords, s.industry_code)
                RETURNING p.id, p.application_number, p.title, p.holder_organisation_id, p.status
            ),
            audit AS (
                INSERT INTO audit_entries (occurred_at, category, action, actor_user_id, actor_name, record_type, record_id, summary, organisation_id)
                SELECT @now, 'Business', @updated, @actorId, @actorName, 'Patent', id::text,
                       json_build_object('ApplicationNumber', application_number, 'Title', title, 'Status', status, 'Via', 'import')::text,
                       holder_organisation_id
                FROM changed
            )
            SELECT count(*) FROM changed
            """, connection))
        {
            merge.Parameters.AddWithValue("now", now);
            merge.Parameters.AddWithValue("updated", AuditActions.PatentUpdated);
            merge.Parameters.AddWithValue("actorId", NpgsqlDbType.Uuid, (object?)actor.UserId ?? DBNull.Value);
            merge.Parameters.AddWithValue("actorName", actor.Name);
            updated = (int)(long)(await merge.ExecuteScalarAsync(cancellationToken))!;
        }

        await ExecuteAsync(connection, """
            INSERT INTO patent_legal_events (patent_id, date, type, note)
            SELECT p.id, e.date, e.type, e.note
            FROM patent_event_staging e
            JOIN patents p ON p.application_number = e.application_number
            WHERE NOT EXISTS (SELECT 1 FROM patent_legal_events x WHERE x.patent_id = p.id AND x.date = e.date AND x.type = e.type)
            """, cancellationToken);
        return updated;
    }

    private const string PatentColumns = """
        id, application_number, publication_number, type, title, abstract, claims, main_ipc, further_ipc, locarno,
        holder_organisation_id, co_owners, inventors, filing_date, publication_date, grant_date, last_day_of_protection, status,
        keywords, industry_code, is_demo, source
        """;

    /// <summary>Starts a row and writes <see cref="PatentColumns"/>.</summary>
    private static async Task WritePatentAsync(NpgsqlBinaryImporter importer, Guid id, PatentUpsert row, CancellationToken cancellationToken)
    {
        var d = row.Details;
        var mainIpc = d.MainIpc?.Value;
        await importer.StartRowAsync(cancellationToken);
        await importer.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken);
        await importer.WriteAsync(d.ApplicationNumber.Value, NpgsqlDbType.Varchar, cancellationToken);
        await WriteNullableAsync(importer, d.PublicationNumber?.Value, cancellationToken);
        await importer.WriteAsync(d.Type.ToString(), NpgsqlDbType.Varchar, cancellationToken);
        await WriteNullableAsync(importer, TitleOf(d), cancellationToken);
        await importer.WriteAsync(d.Abstract.Trim(), NpgsqlDbType.Varchar, cancellationToken);
        await WriteNullableAsync(importer, string.IsNullOrWhiteSpace(d.Claims) ? null : d.Claims.Trim(), cancellationToken);
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

    /// <summary>The row's events, with the grant added when the details have a grant date and the events do not.</summary>
    private static IEnumerable<LegalEvent> EventsOf(PatentUpsert row)
    {
        var events = row.Events ?? [];
        if (row.Details.GrantDate is { } granted && events.All(e => e.Type != LegalEventType.Grant))
        {
            yield return new LegalEvent(granted, LegalEventType.Grant, null);
        }

        foreach (var legalEvent in events)
        {
            yield return legalEvent;
        }
    }

    private static async Task WriteEventAsync(NpgsqlBinaryImporter importer, LegalEvent legalEvent, CancellationToken cancellationToken)
    {
        await importer.WriteAsync(legalEvent.Date, NpgsqlDbType.Date, cancellationToken);
        await importer.WriteAsync(legalEvent.Type.ToString(), NpgsqlDbType.Varchar, cancellationToken);
        await WriteNullableAsync(importer, legalEvent.Note, cancellationToken);
    }

    private static string? TitleOf(PatentDetails details) => string.IsNullOrWhiteSpace(details.Title) ? null : details.Title.Trim();

    /// <summary>The audit summary of a new patent, as the update's json_build_object writes it for a changed one.</summary>
    private static string Summary(string applicationNumber, string? title, LegalStatus status) =>
        JsonSerializer.Serialize(new { ApplicationNumber = applicationNumber, Title = title, Status = status.ToString(), Via = "import" }, SummaryJson);

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken cancellationToken) =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, NpgsqlDbType.Varchar, cancellationToken);

    private static Task WriteNullableAsync(NpgsqlBinaryImporter importer, Guid? value, CancellationToken cancellationToken) =>
        value is { } id ? importer.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken) : importer.WriteNullAsync(cancellationToken);

    private static Task WriteDateAsync(NpgsqlBinaryImporter importer, DateOnly? value, CancellationToken cancellationToken) =>
        value is { } date ? importer.WriteAsync(date, NpgsqlDbType.Date, cancellationToken) : importer.WriteNullAsync(cancellationToken);

    /// <summary>Counts copied rows and tells the caller every <see cref="ProgressInterval"/> rows and at the end.</summary>
    private sealed class CopyCounter(IProgress<int>? progress)
    {
        private int _count;

        public void Add()
        {
            if (++_count % ProgressInterval == 0)
            {
                progress?.Report(_count);
            }
        }

        public void Finish()
        {
            if (_count % ProgressInterval != 0)
            {
                progress?.Report(_count);
            }
        }
    }
}
