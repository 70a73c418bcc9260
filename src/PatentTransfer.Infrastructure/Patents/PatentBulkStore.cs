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

/// <summary>One patent to store for a holder: its validated details and the legal events recorded after filing.</summary>
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
/// Stores many patents at once, in one transaction — either every row lands or none does — with their legal events.
/// The catalogue's rows with these numbers are locked first; new patents are then copied straight into their tables
/// with binary COPY, and patents the holder already has go through a staging table and one set-based update that
/// leaves unchanged rows alone.
/// </summary>
/// <remarks>
/// Auditing follows decision 0010: the batch is one audit entry (record type <see cref="BatchRecordType"/>, the
/// batch id, the counts), and each new patent names its batch in import_batch_id; a patent the batch changed gets an
/// audit entry of its own, as an edit would. A number that another transaction adds between the lock and the copy
/// fails the copy on the unique index, which rolls everything back; the caller may simply try again.
/// </remarks>
public sealed class PatentBulkStore(IDbContextFactory<PortalDbContext> contextFactory, TimeProvider timeProvider)
{
    /// <summary>Rows copied between two progress reports.</summary>
    public const int ProgressInterval = 1000;

    /// <summary>The record type of a batch's audit entry; its record id is the batch id (a patent_imports id for an import).</summary>
    public const string BatchRecordType = "PatentImport";

    // As the audit interceptor writes its summaries: Chinese stays readable, the UI encodes on output.
    private static readonly JsonSerializerOptions SummaryJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public Task<PatentMergeResult> MergeAsync(IReadOnlyList<PatentUpsert> rows, Actor actor, Guid batchId, CancellationToken cancellationToken) =>
        MergeAsync(rows, actor, batchId, progress: null, cancellationToken);

    /// <param name="batchId">Names the batch in its audit entry and in the new patents (an import passes its own id).</param>
    /// <param name="progress">Hears how many rows have been copied to the database, now and then; the update of
    /// existing patents is one statement after the last report.</param>
    public async Task<PatentMergeResult> MergeAsync(
        IReadOnlyList<PatentUpsert> rows, Actor actor, Guid batchId, IProgress<int>? progress, CancellationToken cancellationToken)
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

        // The copies write row by row with Npgsql's synchronous importer: its asynchronous calls cost a task per
        // field, a third of the client's time for 100,000 patents. Run off the caller's thread, as it blocks.
        var copied = new CopyCounter(progress);
        await Task.Run(() =>
        {
            if (added.Count > 0)
            {
                CopyNew(connection, added, batchId, now, copied, cancellationToken);
            }

            if (own.Count > 0)
            {
                StageOwn(connection, own, copied, cancellationToken);
            }
        }, cancellationToken);

        copied.Finish();
        var updated = own.Count == 0 ? 0 : await UpdateStagedAsync(connection, actor, now, cancellationToken);
        await AuditBatchAsync(connection, rows, actor, batchId, added.Count, updated, heldByOthers.Count, now, cancellationToken);
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

    /// <summary>New patents and their legal events, each copied straight into its table.</summary>
    private static void CopyNew(
        NpgsqlConnection connection, List<(Guid Id, PatentUpsert Row)> added, Guid batchId, DateTimeOffset now, CopyCounter progress,
        CancellationToken cancellationToken)
    {
        using (var importer = connection.BeginBinaryImport(
            $"COPY patents ({PatentColumns}, import_batch_id, created_at, updated_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (id, row) in added)
            {
                WritePatent(importer, id, row);
                importer.Write(batchId, NpgsqlDbType.Uuid);
                importer.Write(now, NpgsqlDbType.TimestampTz);
                importer.Write(now, NpgsqlDbType.TimestampTz);
                if (progress.Add())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }

            importer.Complete();
        }

        if (!added.Any(a => a.Row.Events is { Count: > 0 }))
        {
            return;
        }

        using (var importer = connection.BeginBinaryImport("COPY patent_legal_events (patent_id, date, type, note) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (id, row) in added)
            {
                foreach (var legalEvent in row.Events ?? [])
                {
                    importer.StartRow();
                    importer.Write(id, NpgsqlDbType.Uuid);
                    WriteEvent(importer, legalEvent);
                }
            }

            importer.Complete();
        }
    }

    /// <summary>The holder's own patents and their events, copied to staging tables for <see cref="UpdateStagedAsync"/>.</summary>
    private static void StageOwn(NpgsqlConnection connection, List<PatentUpsert> own, CopyCounter progress, CancellationToken cancellationToken)
    {
        using (var command = new NpgsqlCommand("""
            CREATE TEMP TABLE patent_staging (
                id uuid, application_number varchar(16), publication_number varchar(16), type varchar(40), title varchar(400),
                abstract text, claims text, main_ipc varchar(20), further_ipc text[], locarno varchar(5), holder_organisation_id uuid,
                co_owners text[], inventors text[], filing_date date, publication_date date, grant_date date,
                last_day_of_protection date, status varchar(40), keywords text[], industry_code varchar(40), is_demo boolean,
                source varchar(100)) ON COMMIT DROP;
            CREATE TEMP TABLE patent_event_staging (application_number varchar(16), date date, type varchar(40), note varchar(400)) ON COMMIT DROP;
            """, connection))
        {
            command.ExecuteNonQuery();
        }

        using (var importer = connection.BeginBinaryImport($"COPY patent_staging ({PatentColumns}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in own)
            {
                // The id is not used: an existing patent keeps its own.
                WritePatent(importer, Guid.Empty, row);
                if (progress.Add())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }

            importer.Complete();
        }

        using (var importer = connection.BeginBinaryImport("COPY patent_event_staging (application_number, date, type, note) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in own)
            {
                foreach (var legalEvent in row.Events ?? [])
                {
                    importer.StartRow();
                    importer.Write(row.Details.ApplicationNumber.Value, NpgsqlDbType.Varchar);
                    WriteEvent(importer, legalEvent);
                }
            }

            importer.Complete();
        }
    }

    /// <summary>The batch's one audit entry: who, the counts, and the holder when the batch is one holder's.</summary>
    private static async Task AuditBatchAsync(
        NpgsqlConnection connection, IReadOnlyList<PatentUpsert> rows, Actor actor, Guid batchId, int created, int updated, int refused,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var holders = rows.Select(r => r.HolderOrganisationId).Distinct().Take(2).ToList();
        await using var command = new NpgsqlCommand("""
            INSERT INTO audit_entries (occurred_at, category, action, actor_user_id, actor_name, record_type, record_id, summary, organisation_id)
            VALUES (@now, @category, @action, @actorId, @actorName, @recordType, @recordId, @summary, @organisation)
            """, connection);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("category", nameof(AuditCategory.Business));
        command.Parameters.AddWithValue("action", AuditActions.PatentImported);
        command.Parameters.AddWithValue("actorId", NpgsqlDbType.Uuid, (object?)actor.UserId ?? DBNull.Value);
        command.Parameters.AddWithValue("actorName", actor.Name);
        command.Parameters.AddWithValue("recordType", BatchRecordType);
        command.Parameters.AddWithValue("recordId", batchId.ToString());
        command.Parameters.AddWithValue("summary", JsonSerializer.Serialize(
            new { Rows = rows.Count, Created = created, Updated = updated, HeldByOthers = refused }, SummaryJson));
        command.Parameters.AddWithValue("organisation", NpgsqlDbType.Uuid, holders.Count == 1 ? holders[0] : DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
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
    private static void WritePatent(NpgsqlBinaryImporter importer, Guid id, PatentUpsert row)
    {
        var d = row.Details;
        var mainIpc = d.MainIpc?.Value;
        importer.StartRow();
        importer.Write(id, NpgsqlDbType.Uuid);
        importer.Write(d.ApplicationNumber.Value, NpgsqlDbType.Varchar);
        WriteNullable(importer, d.PublicationNumber?.Value);
        importer.Write(d.Type.ToString(), NpgsqlDbType.Varchar);
        WriteNullable(importer, TitleOf(d));
        importer.Write(d.Abstract.Trim(), NpgsqlDbType.Varchar);
        WriteNullable(importer, string.IsNullOrWhiteSpace(d.Claims) ? null : d.Claims.Trim());
        WriteNullable(importer, mainIpc);
        importer.Write(d.FurtherIpc.Select(c => c.Value).Where(c => c != mainIpc).Distinct(StringComparer.Ordinal).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        WriteNullable(importer, d.Locarno?.Value);
        importer.Write(row.HolderOrganisationId, NpgsqlDbType.Uuid);
        importer.Write(d.CoOwners.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        importer.Write(d.Inventors.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        importer.Write(d.FilingDate, NpgsqlDbType.Date);
        WriteDate(importer, d.PublicationDate);
        WriteDate(importer, d.GrantDate);
        importer.Write(PatentTerms.LastDayOfProtection(d.Type, d.FilingDate), NpgsqlDbType.Date);
        importer.Write(d.Status.ToString(), NpgsqlDbType.Varchar);
        importer.Write(d.Keywords.Distinct(StringComparer.Ordinal).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        WriteNullable(importer, d.IndustryCode);
        importer.Write(row.IsDemo, NpgsqlDbType.Boolean);
        WriteNullable(importer, row.Source);
    }

    private static void WriteEvent(NpgsqlBinaryImporter importer, LegalEvent legalEvent)
    {
        importer.Write(legalEvent.Date, NpgsqlDbType.Date);
        importer.Write(legalEvent.Type.ToString(), NpgsqlDbType.Varchar);
        WriteNullable(importer, legalEvent.Note);
    }

    private static string? TitleOf(PatentDetails details) => string.IsNullOrWhiteSpace(details.Title) ? null : details.Title.Trim();

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void WriteNullable(NpgsqlBinaryImporter importer, string? value)
    {
        if (value is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(value, NpgsqlDbType.Varchar);
        }
    }

    private static void WriteDate(NpgsqlBinaryImporter importer, DateOnly? value)
    {
        if (value is { } date)
        {
            importer.Write(date, NpgsqlDbType.Date);
        }
        else
        {
            importer.WriteNull();
        }
    }

    /// <summary>Counts copied rows and tells the caller every <see cref="ProgressInterval"/> rows and at the end.</summary>
    private sealed class CopyCounter(IProgress<int>? progress)
    {
        private int _count;

        /// <summary>Counts a row; true when a report was due, a good moment to check for cancellation.</summary>
        public bool Add()
        {
            if (++_count % ProgressInterval != 0)
            {
                return false;
            }

            progress?.Report(_count);
            return true;
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
