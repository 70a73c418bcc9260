using System.Text.Json;
using System.Text.RegularExpressions;
using PatentTransfer.Matching.Demands;

namespace PatentTransfer.Matching.Tests.Demands;

/// <summary>
/// Eight real SME demands, copied verbatim (id, title, content, source) into <c>bdci2019-sample.jsonl</c> beside this
/// file, and all 371 into <c>bdci2019-requirements.jsonl</c>, from shared/data/demands: CCF BDCI 2019 requirements
/// (Henan technology-transfer platform); no licence is stated, used for tests with the source labelled (NOTICE.md).
/// The platform's form asks for 需求内容, 预期目标 and 现有工作基础; where a demand keeps those headings its text is
/// split into problem, targets and basis as the portal's form would hold them, otherwise it is all problem.
/// </summary>
internal static partial class RealDemands
{
    public const string FileName = "bdci2019-sample.jsonl";

    /// <summary>All 371 demands of the shared file, verbatim, for checks that must hold on every real text.</summary>
    public const string AllFileName = "bdci2019-requirements.jsonl";

    public static IReadOnlyList<DemandDocument> Load() => Rows(FileName).Select(ToDemand).ToList();

    /// <summary>The lines of a copied file as they are, in file order.</summary>
    public static IReadOnlyList<Row> Rows(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Demands", fileName);
        return File.ReadLines(path)
            .Where(line => line.Length > 0)
            .Select(line => JsonSerializer.Deserialize<Row>(line, JsonOptions) ?? throw new InvalidDataException(line))
            .ToList();
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private static DemandDocument ToDemand(Row row)
    {
        var content = row.Content;
        var targetsAt = TargetsHeading().Match(content);
        var basisAt = BasisHeading().Match(content);
        var problemEnd = targetsAt.Success ? targetsAt.Index : basisAt.Success ? basisAt.Index : content.Length;
        var targetsEnd = basisAt.Success && basisAt.Index > problemEnd ? basisAt.Index : content.Length;
        return DemandCatalogue.Demand("real:" + row.Title, row.Title, content[..problemEnd].Trim()) with
        {
            Targets = targetsAt.Success ? content[targetsAt.Index..targetsEnd].Trim() : null,
            Basis = basisAt.Success && basisAt.Index >= problemEnd ? content[basisAt.Index..].Trim() : null,
        };
    }

    [GeneratedRegex("预期目标[：:]|（预期目标）")]
    private static partial Regex TargetsHeading();

    [GeneratedRegex("现有(?:的研究|工作)?基础[：:]")]
    private static partial Regex BasisHeading();

    public sealed record Row(string Id, string Title, string Content, string Source);
}
