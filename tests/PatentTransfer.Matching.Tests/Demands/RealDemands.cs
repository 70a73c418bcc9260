using System.Text.Json;
using System.Text.RegularExpressions;
using PatentTransfer.Matching.Demands;

namespace PatentTransfer.Matching.Tests.Demands;

/// <summary>
/// Eight real SME demands, copied verbatim (id, title, content, source) into <c>bdci2019-sample.jsonl</c> beside this
/// file from shared/data/demands: CCF BDCI 2019 requirements (Henan technology-transfer platform); no licence is
/// stated, used for tests with the source labelled (NOTICE.md). The platform's form asks for 需求内容, 预期目标 and
/// 现有工作基础; where a demand keeps those headings its text is split into problem, targets and basis as the
/// portal's form would hold them, otherwise it is all problem.
/// </summary>
internal static partial class RealDemands
{
    public const string FileName = "bdci2019-sample.jsonl";

    public static IReadOnlyList<DemandDocument> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Demands", FileName);
        return File.ReadLines(path)
            .Where(line => line.Length > 0)
            .Select(line => JsonSerializer.Deserialize<Row>(line, JsonOptions) ?? throw new InvalidDataException(line))
            .Select(ToDemand)
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

    private sealed record Row(string Id, string Title, string Content, string Source);
}
