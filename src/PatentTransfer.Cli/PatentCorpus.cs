using System.Text.Json;
using System.Text.Json.Serialization;
using PatentTransfer.Matching.Search;

namespace PatentTransfer.Cli;

/// <summary>One line of kppatent-zh.jsonl: a real patent's texts (no owners, codes, dates or prices).</summary>
internal sealed record CorpusPatent(string Id, string? PublicationNumber, string? Title, string Abstract, string? Claims);

/// <summary>One line of a demand file (dev-queries.jsonl).</summary>
internal sealed record CorpusDemand(string Id, string Title, string Content);

/// <summary>Reads the JSON-lines files the search commands work on.</summary>
internal static class PatentCorpus
{
    /// <summary>Where the main repository ships its copy of the KPPatent-ZH corpus, relative to the repository root.</summary>
    public const string ShippedCopy = "src/PatentTransfer.Infrastructure/Data/Seeding/ReferenceData/kppatent-zh.jsonl";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static JsonSerializerOptions JsonOptions => Json;

    /// <summary>Every patent with an id; a missing abstract (one corpus patent has only title and claims) is empty.</summary>
    public static List<CorpusPatent> ReadPatents(string path) => ReadLines<CorpusPatent>(path)
        .Where(p => !string.IsNullOrWhiteSpace(p.Id))
        .Select(p => p with { Abstract = p.Abstract ?? "" })
        .ToList();

    public static List<CorpusDemand> ReadDemands(string path) => ReadLines<CorpusDemand>(path).ToList();

    /// <summary>
    /// The shipped copy, looked for above the working directory and above the CLI's own folder (so that it is
    /// found both from the repository root and from bin/Release/net10.0); null when neither has it.
    /// </summary>
    public static string? FindShippedCopy() => FindShipped(ShippedCopy);

    /// <summary>A file of the repository (path relative to its root), looked for like <see cref="FindShippedCopy"/>.</summary>
    public static string? FindShipped(string relativePath)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, relativePath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A real corpus patent as the index sees it. The corpus has texts only; the facts the index filters on get
    /// neutral values, which evaluation does not use.
    /// </summary>
    public static PatentDocument ToDocument(CorpusPatent patent, Guid id) => new(
        id,
        ApplicationNumber: patent.Id,
        patent.PublicationNumber,
        Title: patent.Title ?? "",
        patent.Abstract,
        patent.Claims,
        Keywords: [],
        IpcCodes: [],
        IndustryCode: null,
        PatentType: "Invention",
        HolderType: "University",
        CityCode: null,
        HolderName: "",
        GrantDate: null,
        IsValid: true,
        IsSleeping: false,
        IsListed: false,
        OfferedModes: [],
        Price: null,
        OpenLicence: false,
        FreeForSmes: false,
        PayLater: false);

    public static IEnumerable<T> ReadLines<T>(string path)
    {
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            T? row;
            try
            {
                row = JsonSerializer.Deserialize<T>(line, Json);
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{path}:{number}: {ex.Message}", ex);
            }

            yield return row ?? throw new InvalidDataException($"{path}:{number}: empty record");
        }
    }
}
