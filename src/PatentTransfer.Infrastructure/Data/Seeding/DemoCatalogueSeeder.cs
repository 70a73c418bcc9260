using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PatentTransfer.Domain.Patents;
using PatentTransfer.Infrastructure.Auditing;
using PatentTransfer.Infrastructure.Patents;

namespace PatentTransfer.Infrastructure.Data.Seeding;

/// <summary>
/// Loads the demo catalogue: the 3,720 real patent texts of KPPatent-ZH (MIT licence) with generated holders,
/// numbers, dates, classification, inventors and legal events. Generated values are deterministic (seeded by the
/// source id), stored with is_demo and the source named, and the holders are invented demo organisations — no
/// real organisation is shown as the owner of these patents. Re-running changes nothing.
/// </summary>
public sealed class DemoCatalogueSeeder(
    PortalDbContext db,
    DemoDataSeeder organisations,
    PatentBulkStore store,
    TimeProvider timeProvider,
    ILogger<DemoCatalogueSeeder> logger)
{
    public const string ResourceName = "ReferenceData.kppatent-zh.jsonl";
    public const string SourceName = "KPPatent-ZH（MIT 许可）";

    private static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "磊", "强", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "秀英", "华", "鹏", "宇", "建国", "志强", "晓东", "海燕", "丽娟"];

    private sealed record SourcePatent(string Id, string? PublicationNumber, string? Title, string Abstract, string? Claims);

    public async Task<PatentMergeResult> SeedAsync(CancellationToken cancellationToken)
    {
        var holders = await organisations.OrganisationsAsync(cancellationToken);
        var weighted = DemoDataSeeder.CatalogueHolders.Where(h => holders.ContainsKey(h.Key)).ToList();
        if (weighted.Count == 0)
        {
            throw new InvalidOperationException("Seed the demo organisations before the demo catalogue.");
        }

        var guesser = await DemoIpcGuesser.LoadAsync(db, cancellationToken);
        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        var rows = new List<PatentUpsert>();
        var index = 0;
        var skipped = 0;
        foreach (var source in ReadSource())
        {
            index++;
            var random = DemoRandom.For(source.Id);
            var holderKey = DemoRandom.Pick(random, weighted);
            var row = Generate(source, index, random, guesser, holders[holderKey].Id, today);
            if (row.Details.Validate(today).Count == 0)
            {
                rows.Add(row);
            }
            else
            {
                skipped++;
            }
        }

        if (skipped > 0)
        {
            // One source record has no abstract at all; a patent without one cannot be listed.
            logger.LogInformation("Demo catalogue: {Skipped} source records skipped (incomplete)", skipped);
        }

        var result = await store.MergeAsync(rows, Actor.System, Guid.CreateVersion7(timeProvider.GetUtcNow()), cancellationToken);
        logger.LogInformation("Demo catalogue: {Inserted} patents added, {Updated} updated of {Total}", result.Inserted, result.Updated, rows.Count);
        return result;
    }

    private static PatentUpsert Generate(SourcePatent source, int index, Random random, DemoIpcGuesser guesser, Guid holderId, DateOnly today)
    {
        PublicationNumber? publication = Domain.Patents.PublicationNumber.TryParse(source.PublicationNumber, out var parsed) ? parsed : null;
        var text = source.Abstract.TrimStart();
        var type = publication?.Kind is 'U' or 'Y' || text.StartsWith("本实用新型", StringComparison.Ordinal) ? PatentType.UtilityModel
            : publication is not null || text.Contains("本发明", StringComparison.Ordinal) || random.NextDouble() >= 0.25 ? PatentType.Invention
            : PatentType.UtilityModel;

        var year = 2011 + random.Next(0, 13);
        var filed = new DateOnly(year, 1, 1).AddDays(random.Next(0, 365));
        // Serials above 0900000 are beyond the range CNIPA has issued to these types: they cannot be a real number.
        var digits = $"{year}{(type == PatentType.Invention ? 1 : 2)}{900000 + index:D7}";
        var number = ApplicationNumber.Parse(digits + "." + ApplicationNumber.ComputeCheckCharacter(digits));

        DateOnly? granted = type == PatentType.Invention ? filed.AddMonths(random.Next(22, 48)) : filed.AddMonths(random.Next(5, 12));
        if (granted > today || (type == PatentType.Invention && year >= 2021 && random.NextDouble() < 0.3))
        {
            granted = null;
        }

        DateOnly? published = type == PatentType.Invention ? filed.AddMonths(18) : granted;
        if (published > today)
        {
            published = null;
        }

        var events = new List<LegalEvent>();
        var lastDay = PatentTerms.LastDayOfProtection(type, filed);
        var status = granted is null ? LegalStatus.Pending : LegalStatus.Valid;
        if (granted is { } grant)
        {
            var roll = random.NextDouble();
            if (lastDay < today)
            {
                status = LegalStatus.Expired;
                events.Add(new LegalEvent(lastDay.AddDays(1), LegalEventType.Expiry, "保护期届满（演示）"));
            }
            else if (roll < 0.08)
            {
                status = LegalStatus.Lapsed;
                events.Add(new LegalEvent(DemoRandom.Between(random, grant, today), LegalEventType.LapseUnpaidFees, "未缴年费专利权终止（演示）"));
            }
            else if (roll < 0.28)
            {
                var use = random.NextDouble() switch { < 0.5 => LegalEventType.LicenceRecorded, < 0.8 => LegalEventType.TransferRegistered, _ => LegalEventType.PledgeRegistered };
                events.Add(new LegalEvent(DemoRandom.Between(random, grant, today), use, "演示数据"));
            }
            else if (roll < 0.31)
            {
                events.Add(new LegalEvent(DemoRandom.Between(random, grant, today), LegalEventType.OpenLicenceDeclared, "演示数据"));
            }
        }

        var ipc = guesser.Guess(source.Title ?? "", text[..Math.Min(text.Length, 160)], 3).Select(IpcCode.Parse).ToList();
        var main = ipc.Count > 0 ? ipc[0] : IpcCode.Parse("G06F16/00");
        var further = ipc.Skip(1).Where(c => c.Subclass != main.Subclass).Take(1).ToList();
        var industry = DemoIpcGuesser.IndustryOf(main.Value);
        var inventors = Enumerable.Range(0, random.Next(2, 6))
            .Select(_ => DemoRandom.Surnames[random.Next(DemoRandom.Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)]).Distinct(StringComparer.Ordinal).ToList();

        var details = new PatentDetails(number, publication, source.Title, source.Abstract, source.Claims, main, further, null, [], inventors,
            filed, published, granted, status, [], industry);
        return new PatentUpsert(details, holderId, events, IsDemo: true, Source: SourceName);
    }

    private static IEnumerable<SourcePatent> ReadSource()
    {
        using var stream = typeof(DemoCatalogueSeeder).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            string? Get(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s ? s : null;
            yield return new SourcePatent(Get("id")!, Get("publication_number"), Get("title"), Get("abstract") ?? "", Get("claims"));
        }
    }
}
