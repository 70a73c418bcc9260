using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Domain.Patents;
using PatentTransfer.Domain.Reference;
using PatentTransfer.Infrastructure;
using PatentTransfer.Infrastructure.Auditing;
using PatentTransfer.Infrastructure.Data;
using PatentTransfer.Infrastructure.Data.Seeding;
using PatentTransfer.Infrastructure.Patents.Import;

namespace PatentTransfer.Cli;

/// <summary>
/// bench import [--rows N] [--keep]: writes N generated rows to a temporary CSV file in the template's layout and
/// times the whole import of it, as a holder's upload runs: read and validate (preview), then COPY and merge
/// (confirm). The rows recombine real titles, abstracts and claims of the embedded KPPatent-ZH texts with generated
/// numbers (valid check digits, serials above 9,000,000, which CNIPA has not issued), dates and classes; they are
/// stored as generated data (is_demo, source <see cref="GeneratedSource"/>) under a demo holder, and deleted
/// afterwards unless --keep is given. Their audit rows stay: the audit trail is append-only, so run the benchmark
/// against a throwaway database.
/// </summary>
internal static class ImportBenchmark
{
    public const string GeneratedSource = "基准测试生成数据（KPPatent-ZH 文本重组）";
    public const string HolderName = "基准测试机构（生成数据）";

    private const int DefaultRows = 100_000;
    private const int HolderCreditSerial = 9001;
    private const string HolderRegion = "130104";

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭"];
    private static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "磊", "强", "军", "洋", "勇", "杰", "涛", "明", "超", "华", "鹏", "志强", "晓东"];
    private static readonly string[] Keywords = ["新能源", "智能制造", "新材料", "节能环保", "自动化", "检测装置", "复合材料", "生物医药", "信息处理", "农业机械"];
    private static readonly string[] LocarnoClasses = ["12-08", "06-01", "14-03", "26-05", "09-01", "10-04"];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var rows = DefaultRows;
        var keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--rows" && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                && n is > 0 and <= PatentImportContext.DefaultMaxRows)
            {
                rows = n;
                i++;
            }
            else if (args[i] == "--keep")
            {
                keep = true;
            }
            else
            {
                await error.WriteLineAsync($"bench import: unknown or invalid option {args[i]} (--rows takes 1 to {PatentImportContext.DefaultMaxRows})");
                return 2;
            }
        }

        using var host = await CliApp.BuildHostAsync(DependencyInjection.ConnectionStringName, error);
        if (host is null)
        {
            return 1;
        }

        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var contextFactory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var holderId = await EnsureHolderAsync(contextFactory, services.GetRequiredService<TimeProvider>(), cancellationToken);

        var importer = services.GetRequiredService<PatentImportService>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var file = Path.Combine(Path.GetTempPath(), $"patenttransfer-bench-{Guid.NewGuid():N}.csv");
        try
        {
            // A running portal has its code compiled already; a first import in a fresh process would also time the JIT.
            WriteCsv(file, WarmUpRows, today, WarmUpSerials);
            if (await ImportAsync(importer, file, holderId, error, cancellationToken) is null)
            {
                return 1;
            }

            await DeleteGeneratedAsync(contextFactory, holderId);

            var generating = Stopwatch.GetTimestamp();
            WriteCsv(file, rows, today, firstSerial: 0);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"bench import: {rows} generated rows, {new FileInfo(file).Length / 1048576.0:0.0} MB of CSV written in {Stopwatch.GetElapsedTime(generating).TotalSeconds:0.00} s (not timed; after a warm-up import of {WarmUpRows} rows)"));
            if (await ImportAsync(importer, file, holderId, error, cancellationToken) is not { } run)
            {
                return 1;
            }

            var total = run.Read + run.Write;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  read + validate: {run.Read.TotalSeconds,6:0.00} s ({run.ReadCpu.TotalSeconds:0.00} s CPU in this process)"));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  COPY + merge:    {run.Write.TotalSeconds,6:0.00} s ({run.WriteCpu.TotalSeconds:0.00} s CPU in this process; {run.Outcome.Created} created, {run.Outcome.Updated} updated, {run.Outcome.Unchanged} unchanged)"));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  end to end:      {total.TotalSeconds,6:0.00} s = {rows / total.TotalSeconds:N0} rows/s"));
        }
        finally
        {
            File.Delete(file);
            if (!keep)
            {
                var deleted = await DeleteGeneratedAsync(contextFactory, holderId);
                await output.WriteLineAsync($"  deleted the {deleted} generated patents again (--keep keeps them)");
            }
        }

        return 0;
    }

    private const int WarmUpRows = 10_000;

    // The warm-up's numbers lie above the timed run's, so that the timed run adds every row.
    private const int WarmUpSerials = 900_000;

    private sealed record Run(TimeSpan Read, TimeSpan ReadCpu, TimeSpan Write, TimeSpan WriteCpu, PatentImportOutcome Outcome);

    /// <summary>Previews and confirms <paramref name="file"/> as an upload would be; null (errors written) when the file has errors.</summary>
    private static async Task<Run?> ImportAsync(PatentImportService importer, string file, Guid holderId, TextWriter error, CancellationToken cancellationToken)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        PatentImportPreview preview;
        await using (var stream = File.OpenRead(file))
        {
            preview = await importer.PreviewAsync(stream, Path.GetFileName(file), holderId, progress: null, cancellationToken);
        }

        var read = Stopwatch.GetElapsedTime(started);
        process.Refresh();
        var readCpu = process.TotalProcessorTime - cpu;
        if (preview.IsFileError || preview.Errors.Count > 0)
        {
            await error.WriteLineAsync($"the generated file has errors ({preview.FileErrorCode ?? preview.Errors.Count.ToString(CultureInfo.InvariantCulture)}):");
            foreach (var rowError in preview.Errors.Take(10))
            {
                await error.WriteLineAsync("  " + PatentImportMessages.Describe(rowError, CultureInfo.InvariantCulture));
            }

            return null;
        }

        var writing = Stopwatch.GetTimestamp();
        var outcome = await importer.ConfirmAsync(
            preview, new Actor(null, "cli:bench", holderId), new PatentImportConfirmOptions { GeneratedDataSource = GeneratedSource },
            progress: null, cancellationToken);
        var written = Stopwatch.GetElapsedTime(writing);
        process.Refresh();
        return new Run(read, readCpu, written, process.TotalProcessorTime - cpu - readCpu, outcome);
    }

    private static async Task<int> DeleteGeneratedAsync(IDbContextFactory<PortalDbContext> contextFactory, Guid holderId)
    {
        await using var db = await contextFactory.CreateDbContextAsync(CancellationToken.None);
        return await db.Patents.Where(p => p.HolderOrganisationId == holderId && p.IsDemo && p.Source == GeneratedSource)
            .ExecuteDeleteAsync(CancellationToken.None);
    }

    /// <summary>The demo organisation that holds generated benchmark patents; created once.</summary>
    private static async Task<Guid> EnsureHolderAsync(IDbContextFactory<PortalDbContext> contextFactory, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var code = DemoDataSeeder.DemoCreditCode(OrganisationType.ResearchInstitute, HolderRegion, HolderCreditSerial);
        if (await db.Organisations.AsNoTracking().Where(o => o.CreditCode == code).Select(o => (Guid?)o.Id).SingleOrDefaultAsync(cancellationToken) is { } id)
        {
            return id;
        }

        var organisation = new Organisation(HolderName, OrganisationType.ResearchInstitute, null, code, HolderRegion, null, timeProvider.GetUtcNow(), isDemo: true);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(cancellationToken);
        return organisation.Id;
    }

    /// <summary>The generated rows as a UTF-8 CSV in the template's column order; deterministic for a row count.</summary>
    internal static void WriteCsv(string path, int rows, DateOnly today, int firstSerial)
    {
        var texts = SourceTexts.Load();
        var ipc = ReferenceDataLoader.ParseIpc(ReferenceDataLoader.ReadResource(ReferenceDataLoader.IpcResource))
            .Where(e => e.Level is IpcLevel.MainGroup or IpcLevel.Subgroup)
            .Select(e => e.Code)
            .ToArray();
        var random = new Random(20261125);
        using var stream = File.Create(path);
        using var csv = CsvWriter.Create(stream, new CsvWriterOptions { WriteByteOrderMark = true });
        var columns = PatentImportColumns.All;
        foreach (var column in columns)
        {
            csv.WriteField(column.Header);
        }

        csv.EndRecord();
        var cells = new string[columns.Count];
        for (var i = 0; i < rows; i++)
        {
            Generate(cells, firstSerial + i, random, texts, ipc, today);
            foreach (var cell in cells)
            {
                csv.WriteField(cell);
            }

            csv.EndRecord();
        }
    }

    private static void Generate(string[] cells, int index, Random random, SourceTexts texts, string[] ipc, DateOnly today)
    {
        Array.Fill(cells, string.Empty);
        var roll = random.NextDouble();
        var type = roll < 0.85 ? PatentType.Invention : roll < 0.97 ? PatentType.UtilityModel : PatentType.Design;
        var year = random.Next(2008, 2024);
        var filed = new DateOnly(year, 1, 1).AddDays(random.Next(0, 365));
        var typeDigit = type switch { PatentType.Invention => 1, PatentType.UtilityModel => 2, _ => 3 };
        var digits = string.Create(CultureInfo.InvariantCulture, $"{year}{typeDigit}{9_000_000 + index:D7}");

        DateOnly? granted = type == PatentType.Invention
            ? random.NextDouble() < 0.6 ? filed.AddMonths(random.Next(24, 48)) : null
            : filed.AddMonths(random.Next(5, 12));
        if (granted > today)
        {
            granted = null;
        }

        DateOnly? published = type == PatentType.Invention ? filed.AddMonths(18) : granted;
        if (published > today)
        {
            published = null;
        }

        Set(PatentImportField.Note, "基准测试生成数据");
        Set(PatentImportField.ApplicationNumber, digits + "." + ApplicationNumber.ComputeCheckCharacter(digits));
        Set(PatentImportField.Title, texts.Titles[random.Next(texts.Titles.Length)]);
        Set(PatentImportField.Abstract, texts.Abstracts[random.Next(texts.Abstracts.Length)]);
        // As often as the source texts have claims (about one in five).
        if (random.Next(texts.Abstracts.Length) < texts.Claims.Length)
        {
            Set(PatentImportField.Claims, texts.Claims[random.Next(texts.Claims.Length)]);
        }

        if (type == PatentType.Design)
        {
            Set(PatentImportField.Locarno, LocarnoClasses[random.Next(LocarnoClasses.Length)]);
        }
        else
        {
            Set(PatentImportField.MainIpc, ipc[random.Next(ipc.Length)]);
            Set(PatentImportField.FurtherIpc, string.Join("；", Enumerable.Range(0, random.Next(0, 3)).Select(_ => ipc[random.Next(ipc.Length)])));
        }

        Set(PatentImportField.Inventors, string.Join("；", Enumerable.Range(0, random.Next(1, 5))
            .Select(_ => Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)]).Distinct(StringComparer.Ordinal)));
        Set(PatentImportField.FilingDate, Iso(filed));
        Set(PatentImportField.PublicationDate, Iso(published));
        Set(PatentImportField.GrantDate, Iso(granted));
        Set(PatentImportField.LegalStatus, granted is null ? "审中" : random.NextDouble() < 0.1 ? "失效" : "有效");
        Set(PatentImportField.Keywords, string.Join("、", Enumerable.Range(0, random.Next(0, 4)).Select(_ => Keywords[random.Next(Keywords.Length)]).Distinct(StringComparer.Ordinal)));
        Set(PatentImportField.Industry, Industry.Plan[random.Next(Industry.Plan.Count)].NameZh);

        void Set(PatentImportField field, string? value) => cells[(int)field] = value ?? string.Empty;
    }

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The real texts of the embedded KPPatent-ZH data (MIT licence) that rows are made from.</summary>
    private sealed record SourceTexts(string[] Titles, string[] Abstracts, string[] Claims)
    {
        public static SourceTexts Load()
        {
            using var stream = typeof(DemoCatalogueSeeder).Assembly.GetManifestResourceStream(DemoCatalogueSeeder.ResourceName)
                ?? throw new InvalidOperationException($"Resource {DemoCatalogueSeeder.ResourceName} is missing.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            List<string> titles = [], abstracts = [], claims = [];
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0)
                {
                    continue;
                }

                using var json = JsonDocument.Parse(line);
                Add(json.RootElement, "title", titles);
                Add(json.RootElement, "abstract", abstracts);
                Add(json.RootElement, "claims", claims);
            }

            return new SourceTexts([.. titles], [.. abstracts], [.. claims]);
        }

        private static void Add(JsonElement record, string name, List<string> texts)
        {
            if (record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
            {
                texts.Add(text);
            }
        }
    }
}
