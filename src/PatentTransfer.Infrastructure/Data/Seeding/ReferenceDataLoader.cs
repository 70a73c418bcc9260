using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using PatentTransfer.Domain.Reference;
using PatentTransfer.Domain.Regions;

namespace PatentTransfer.Infrastructure.Data.Seeding;

public sealed record ReferenceDataLoadResult(string Name, int Rows, bool Skipped);

/// <summary>
/// Loads the regions and the IPC table shipped in this assembly (copied from shared/data, see NOTICE.md).
/// Rows go through PostgreSQL binary COPY into a temporary table and one set-based upsert; a file whose hash
/// is already recorded is skipped, so running set-up again costs nothing.
/// </summary>
public sealed class ReferenceDataLoader(PortalDbContext db, TimeProvider timeProvider, ILogger<ReferenceDataLoader> logger)
{
    public const string RegionsResource = "ReferenceData.hebei-divisions.csv";
    public const string IpcResource = "ReferenceData.ipc-zh.tsv";

    public async Task<IReadOnlyList<ReferenceDataLoadResult>> LoadAllAsync(CancellationToken cancellationToken) =>
    [
        await LoadRegionsAsync(cancellationToken),
        await LoadIpcAsync(cancellationToken),
    ];

    public Task<ReferenceDataLoadResult> LoadRegionsAsync(CancellationToken cancellationToken) =>
        LoadAsync(RegionsResource, ParseRegions, "regions",
            ["code", "name", "name_en", "kind", "parent_code", "city_code", "statistical_parent_code"],
            static (r, w, ct) => WriteRowAsync(w, ct, r.Code, r.Name, r.NameEn, r.Kind.ToString(), r.ParentCode, r.CityCode, r.StatisticalParentCode),
            cancellationToken);

    public Task<ReferenceDataLoadResult> LoadIpcAsync(CancellationToken cancellationToken) =>
        LoadAsync(IpcResource, ParseIpc, "ipc_entries",
            ["code", "level", "title", "parent_code"],
            static (e, w, ct) => WriteRowAsync(w, ct, e.Code, e.Level.ToString(), e.Title, e.ParentCode),
            cancellationToken);

    private async Task<ReferenceDataLoadResult> LoadAsync<T>(
        string resource,
        Func<string, IReadOnlyList<T>> parse,
        string table,
        string[] columns,
        Func<T, NpgsqlBinaryImporter, CancellationToken, Task> write,
        CancellationToken cancellationToken)
    {
        var text = ReadResource(resource);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        var existing = await db.ReferenceDataSets.AsNoTracking().SingleOrDefaultAsync(r => r.Name == resource, cancellationToken);
        if (existing?.Sha256 == hash)
        {
            return new ReferenceDataLoadResult(resource, existing.RowCount, Skipped: true);
        }

        var rows = parse(text);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var columnList = string.Join(", ", columns);
        var staging = $"{table}_staging";

        await using (var create = new NpgsqlCommand($"CREATE TEMP TABLE {staging} (LIKE {table} INCLUDING DEFAULTS) ON COMMIT DROP", connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var importer = await connection.BeginBinaryImportAsync($"COPY {staging} ({columnList}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in rows)
            {
                await write(row, importer, cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        var updates = string.Join(", ", columns.Skip(1).Select(c => $"{c} = excluded.{c}"));
        var upsert = $"""
            INSERT INTO {table} ({columnList}) SELECT {columnList} FROM {staging}
            ON CONFLICT ({columns[0]}) DO UPDATE SET {updates}
            WHERE ({string.Join(", ", columns.Skip(1).Select(c => $"{table}.{c}"))}) IS DISTINCT FROM ({string.Join(", ", columns.Skip(1).Select(c => $"excluded.{c}"))})
            """;
        await using (var merge = new NpgsqlCommand(upsert, connection))
        {
            await merge.ExecuteNonQueryAsync(cancellationToken);
        }

        var record = await db.ReferenceDataSets.SingleOrDefaultAsync(r => r.Name == resource, cancellationToken);
        if (record is null)
        {
            record = new ReferenceDataSet { Name = resource, Sha256 = hash };
            db.ReferenceDataSets.Add(record);
        }

        record.Sha256 = hash;
        record.RowCount = rows.Count;
        record.LoadedAt = timeProvider.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Loaded {Rows} rows of {Resource} into {Table}", rows.Count, resource, table);
        return new ReferenceDataLoadResult(resource, rows.Count, Skipped: false);
    }

    private static async Task WriteRowAsync(NpgsqlBinaryImporter importer, CancellationToken cancellationToken, params string?[] values)
    {
        await importer.StartRowAsync(cancellationToken);
        foreach (var value in values)
        {
            if (value is null)
            {
                await importer.WriteNullAsync(cancellationToken);
            }
            else
            {
                await importer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
            }
        }
    }

    public static string ReadResource(string name)
    {
        using var stream = typeof(ReferenceDataLoader).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public static IReadOnlyList<Region> ParseRegions(string csv)
    {
        var rows = new List<DivisionRow>();
        foreach (var (line, number) in Lines(csv).Skip(1))
        {
            var fields = line.Split(',');
            if (fields.Length != 4)
            {
                throw new InvalidDataException($"Regions line {number}: expected 4 fields, found {fields.Length}.");
            }

            rows.Add(new DivisionRow(fields[0].Trim(), fields[1].Trim(), fields[2].Trim(), string.IsNullOrWhiteSpace(fields[3]) ? null : fields[3].Trim()));
        }

        return HebeiRegions.Build(rows);
    }

    public static IReadOnlyList<IpcEntry> ParseIpc(string tsv)
    {
        var entries = new List<IpcEntry>(80_000);
        foreach (var (line, number) in Lines(tsv).Skip(1))
        {
            var fields = line.Split('\t');
            if (fields.Length != 3)
            {
                throw new InvalidDataException($"IPC line {number}: expected 3 fields, found {fields.Length}.");
            }

            var level = fields[1] switch
            {
                "section" => IpcLevel.Section,
                "class" => IpcLevel.Class,
                "subclass" => IpcLevel.Subclass,
                "main_group" => IpcLevel.MainGroup,
                "subgroup" => IpcLevel.Subgroup,
                var other => throw new InvalidDataException($"IPC line {number}: unknown level '{other}'."),
            };
            var code = fields[0].Trim();
            entries.Add(new IpcEntry(code, level, fields[2].Trim(), IpcEntry.ParentOf(code, level)));
        }

        return entries;
    }

    private static IEnumerable<(string Line, int Number)> Lines(string text)
    {
        var number = 0;
        foreach (var line in text.Split('\n'))
        {
            number++;
            var trimmed = line.TrimEnd('\r');
            if (trimmed.Length > 0)
            {
                yield return (trimmed, number);
            }
        }
    }
}
