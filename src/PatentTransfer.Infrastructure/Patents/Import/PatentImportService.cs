using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using PatentTransfer.Infrastructure.Auditing;
using PatentTransfer.Infrastructure.Data;

namespace PatentTransfer.Infrastructure.Patents.Import;

/// <summary>
/// What an uploaded file would import, before anything is written: every row checked, against the file's own
/// rules and against the catalogue (numbers held by other organisations). Kept for
/// <see cref="PatentImportService.PreviewLifetime"/> under <see cref="Token"/> until confirmed or discarded.
/// </summary>
public sealed record PatentImportPreview
{
    public required Guid Token { get; init; }
    public required string FileName { get; init; }
    public required Guid HolderOrganisationId { get; init; }
    public required DateTimeOffset PreviewedAt { get; init; }

    /// <summary>Set when the file as a whole cannot be imported (<see cref="PatentImportFileErrorCodes"/>); no rows then.</summary>
    public string? FileErrorCode { get; init; }

    public string? FileErrorValue { get; init; }

    /// <summary>How a CSV file was decoded (<see cref="PatentImportEncodings"/>).</summary>
    public string? Encoding { get; init; }

    /// <summary>Headers that match no column; their cells are ignored, and the page says so.</summary>
    public IReadOnlyList<string> UnknownColumns { get; init; } = [];

    /// <summary>Rows marked as the template's example; skipped.</summary>
    public IReadOnlyList<int> ExampleRows { get; init; } = [];

    /// <summary>The rows a confirmation writes.</summary>
    public IReadOnlyList<PatentImportRow> ValidRows { get; init; } = [];

    /// <summary>Every problem of every row, ordered by row.</summary>
    public IReadOnlyList<PatentImportError> Errors { get; init; } = [];

    /// <summary>Data rows of the file (without empty and example rows).</summary>
    public int TotalRows { get; init; }

    /// <summary>Rows with at least one error.</summary>
    public int InvalidRows { get; init; }

    /// <summary>Valid rows whose patent the holder already has: a confirmation updates them where they changed.</summary>
    public int ExistingRows { get; init; }

    public bool IsFileError => FileErrorCode is not null;

    public bool HasErrors => IsFileError || Errors.Count > 0;
}

/// <summary>How a preview is confirmed.</summary>
public sealed record PatentImportConfirmOptions
{
    /// <summary>Import the valid rows although other rows have errors; without it such a file is refused.</summary>
    public bool AllowPartial { get; init; }

    /// <summary>
    /// Marks the patents as generated data (benchmarks, demonstrations): stored with is_demo and this text as their
    /// source, so the portal shows them as such. Null for a holder's real patents.
    /// </summary>
    public string? GeneratedDataSource { get; init; }
}

/// <summary>What a confirmed import did; <see cref="ImportId"/> is its row in the holder's import history.</summary>
public sealed record PatentImportOutcome(
    Guid ImportId,
    PatentImportStatus Status,
    int RowsTotal,
    int RowsValid,
    int RowsInvalid,
    int Created,
    int Updated,
    int Unchanged,
    IReadOnlyList<string> HeldByOthers,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt);

/// <summary>
/// A holder's patent list in two steps: <see cref="PreviewAsync"/> reads and checks the file and writes nothing;
/// <see cref="ConfirmAsync(Guid, Guid, Actor, PatentImportConfirmOptions?, IProgress{int}?, CancellationToken)"/>
/// writes the valid rows through <see cref="PatentBulkStore"/> (a number already in the holder's catalogue is
/// updated, not added again) and records the import in patent_imports.
/// </summary>
public sealed class PatentImportService(
    IDbContextFactory<PortalDbContext> contextFactory,
    PatentBulkStore store,
    IpcSymbolCache ipcSymbols,
    IMemoryCache previews,
    TimeProvider timeProvider,
    ILogger<PatentImportService> logger)
{
    /// <summary>How long a preview can be confirmed; after that the file is read again.</summary>
    public static readonly TimeSpan PreviewLifetime = TimeSpan.FromMinutes(30);

    // The portal's dates are Hebei's: China has used UTC+8 without daylight saving since 1991.
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>
    /// Reads and checks the file for <paramref name="holderOrganisationId"/>; nothing is written. The preview is
    /// kept for <see cref="PreviewLifetime"/> so that it can be confirmed by its token.
    /// <paramref name="progress"/> hears the number of rows read so far.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such organisation.</exception>
    public async Task<PatentImportPreview> PreviewAsync(
        Stream content, string fileName, Guid holderOrganisationId, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Organisations.AnyAsync(o => o.Id == holderOrganisationId, cancellationToken))
        {
            throw new KeyNotFoundException($"Organisation {holderOrganisationId} does not exist.");
        }

        var symbols = await ipcSymbols.GetAsync(db, cancellationToken);
        var context = new PatentImportContext
        {
            Today = DateOnly.FromDateTime(now.ToOffset(ChinaOffset).DateTime),
            IpcExists = symbols.Contains,
        };

        // The upload is buffered on the caller's context (a Blazor circuit's stream is read there); checking it is
        // CPU-bound, so that runs on the thread pool.
        var parsed = PatentImportReader.FileTypeError(fileName);
        if (parsed is null)
        {
            var bytes = await PatentImportReader.BufferAsync(content, cancellationToken);
            parsed = await Task.Run(() => PatentImportReader.Read(bytes, fileName, context, progress, cancellationToken), cancellationToken);
        }

        var preview = new PatentImportPreview
        {
            Token = Guid.NewGuid(),
            FileName = Path.GetFileName(fileName),
            HolderOrganisationId = holderOrganisationId,
            PreviewedAt = now,
            FileErrorCode = parsed.FileErrorCode,
            FileErrorValue = parsed.FileErrorValue,
            Encoding = parsed.Encoding,
            UnknownColumns = parsed.UnknownColumns,
            ExampleRows = parsed.ExampleRows,
            TotalRows = parsed.TotalRows,
        };

        if (!parsed.IsFileError)
        {
            var holders = await HoldersAsync(db, parsed.ValidRows, holderOrganisationId, cancellationToken);
            var valid = new List<PatentImportRow>(parsed.ValidRows.Count);
            var refused = new List<PatentImportError>();
            var existing = 0;
            foreach (var row in parsed.ValidRows)
            {
                var number = row.Details.ApplicationNumber.Value;
                if (!holders.TryGetValue(number, out var own))
                {
                    valid.Add(row);
                }
                else if (own)
                {
                    valid.Add(row);
                    existing++;
                }
                else
                {
                    refused.Add(new PatentImportError(row.Row, PatentImportColumns.Get(PatentImportField.ApplicationNumber).Header,
                        PatentImportErrorCodes.HeldByOtherHolder, number));
                }
            }

            // OrderBy is stable: within a row the errors keep their column order.
            var errors = refused.Count == 0 ? parsed.Errors : [.. parsed.Errors.Concat(refused).OrderBy(e => e.Row)];
            preview = preview with
            {
                ValidRows = valid,
                Errors = errors,
                InvalidRows = errors.Select(e => e.Row).Distinct().Count(),
                ExistingRows = existing,
            };
        }

        previews.Set(CacheKey(preview.Token), preview, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = PreviewLifetime });
        logger.LogInformation(
            "Import preview {Token} of {FileName} for {Holder}: {Total} rows, {Valid} valid, {Invalid} with errors, file error {FileError}",
            preview.Token, preview.FileName, holderOrganisationId, preview.TotalRows, preview.ValidRows.Count, preview.InvalidRows,
            preview.FileErrorCode ?? "none");
        return preview;
    }

    /// <summary>
    /// Confirms the preview with <paramref name="previewToken"/> made for <paramref name="holderOrganisationId"/>;
    /// null when there is none (expired, confirmed already, or made for another holder). A preview is confirmed once.
    /// </summary>
    public async Task<PatentImportOutcome?> ConfirmAsync(
        Guid previewToken, Guid holderOrganisationId, Actor actor, PatentImportConfirmOptions? options, IProgress<int>? progress,
        CancellationToken cancellationToken)
    {
        var key = CacheKey(previewToken);
        if (!previews.TryGetValue(key, out PatentImportPreview? preview) || preview is null || preview.HolderOrganisationId != holderOrganisationId)
        {
            return null;
        }

        previews.Remove(key);
        return await ConfirmAsync(preview, actor, options, progress, cancellationToken);
    }

    /// <summary>
    /// Writes the valid rows of <paramref name="preview"/> for its holder, all or nothing, and records the import.
    /// <paramref name="progress"/> hears the number of rows written so far.
    /// </summary>
    /// <exception cref="InvalidOperationException">The file cannot be imported, or has errors and partial imports were not allowed.</exception>
    public async Task<PatentImportOutcome> ConfirmAsync(
        PatentImportPreview preview, Actor actor, PatentImportConfirmOptions? options, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        options ??= new PatentImportConfirmOptions();
        if (preview.IsFileError)
        {
            throw new InvalidOperationException($"The file cannot be imported ({preview.FileErrorCode}).");
        }

        if (preview.Errors.Count > 0 && !options.AllowPartial)
        {
            throw new InvalidOperationException("The file has errors; only a partial import (AllowPartial) would write its valid rows.");
        }

        previews.Remove(CacheKey(preview.Token));
        var started = timeProvider.GetUtcNow();
        var record = new PatentImport
        {
            Id = Guid.CreateVersion7(started),
            HolderOrganisationId = preview.HolderOrganisationId,
            UserId = actor.UserId,
            UserName = Truncate(actor.Name, PatentImport.UserNameMaxLength),
            FileName = Truncate(preview.FileName, PatentImport.FileNameMaxLength),
            RowsTotal = preview.TotalRows,
            RowsValid = preview.ValidRows.Count,
            RowsInvalid = preview.InvalidRows,
            Status = PatentImportStatus.Running,
            StartedAt = started,
        };

        // Recorded before the write, so the history shows an import that is running or that failed.
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.PatentImports.Add(record);
        await db.SaveChangesAsync(cancellationToken);

        PatentMergeResult merged;
        try
        {
            var generated = options.GeneratedDataSource;
            var rows = preview.ValidRows
                .Select(r => new PatentUpsert(r.Details, preview.HolderOrganisationId, IsDemo: generated is not null, Source: generated))
                .ToList();
            merged = await store.MergeAsync(rows, actor, record.Id, progress, cancellationToken);
        }
        catch (Exception e)
        {
            record.Status = PatentImportStatus.Failed;
            record.FinishedAt = timeProvider.GetUtcNow();
            // The failure is recorded even when the caller gave up (cancelled): the write was rolled back either way.
            await db.SaveChangesAsync(CancellationToken.None);
            logger.LogWarning(e, "Import {ImportId} of {FileName} for {Holder} failed; nothing was written", record.Id, record.FileName, record.HolderOrganisationId);
            throw;
        }

        // Numbers another holder took between preview and confirmation were left alone by the merge.
        var refused = merged.HeldByOthers.Count;
        record.RowsValid -= refused;
        record.RowsInvalid += refused;
        record.CreatedCount = merged.Inserted;
        record.UpdatedCount = merged.Updated;
        record.Status = PatentImportStatus.Succeeded;
        record.FinishedAt = timeProvider.GetUtcNow();
        await db.SaveChangesAsync(CancellationToken.None);
        logger.LogInformation(
            "Import {ImportId} of {FileName} for {Holder} by {Actor}: {Created} created, {Updated} updated, {Refused} held by others",
            record.Id, record.FileName, record.HolderOrganisationId, actor.Name, merged.Inserted, merged.Updated, refused);

        return new PatentImportOutcome(
            record.Id, record.Status, record.RowsTotal, record.RowsValid, record.RowsInvalid, record.CreatedCount, record.UpdatedCount,
            record.RowsValid - record.CreatedCount - record.UpdatedCount, merged.HeldByOthers, record.StartedAt, record.FinishedAt.Value);
    }

    /// <summary>Drops a preview that the user decided not to confirm.</summary>
    public void Discard(Guid previewToken) => previews.Remove(CacheKey(previewToken));

    /// <summary>The holder's imports, newest first.</summary>
    public async Task<IReadOnlyList<PatentImport>> HistoryAsync(Guid holderOrganisationId, int take, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.PatentImports.AsNoTracking()
            .Where(i => i.HolderOrganisationId == holderOrganisationId)
            .OrderByDescending(i => i.StartedAt)
            .Take(take)
            .ToListAsync(cancellationToken);
    }

    /// <summary>For each number of <paramref name="rows"/> already in the catalogue: whether <paramref name="holder"/> holds it.</summary>
    private static async Task<Dictionary<string, bool>> HoldersAsync(
        PortalDbContext db, IReadOnlyList<PatentImportRow> rows, Guid holder, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, bool>(StringComparer.Ordinal);
        if (rows.Count == 0)
        {
            return found;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var command = new NpgsqlCommand(
            "SELECT application_number, holder_organisation_id = @holder FROM patents WHERE application_number = ANY(@numbers)", connection);
        command.Parameters.AddWithValue("holder", NpgsqlDbType.Uuid, holder);
        command.Parameters.AddWithValue("numbers", NpgsqlDbType.Array | NpgsqlDbType.Varchar, rows.Select(r => r.Details.ApplicationNumber.Value).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found[reader.GetString(0)] = reader.GetBoolean(1);
        }

        return found;
    }

    private static string CacheKey(Guid token) => "patent-import-preview:" + token.ToString("N");

    private static string Truncate(string value, int maxLength) => value.Length <= maxLength ? value : value[..maxLength];
}
