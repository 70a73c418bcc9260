using System.Text;

namespace PatentTransfer.Matching.Demands;

/// <summary>The four parts a demand's free text is split into; every character of it belongs to exactly one.</summary>
public enum DemandTextPart
{
    /// <summary>What the SME needs solved: the 需求内容 part, or what is neither targets, basis nor background.</summary>
    Problem,

    /// <summary>The targets: the 预期目标/技术指标 part, or sentences with quantified goals.</summary>
    Targets,

    /// <summary>What the SME already has: equipment, team, history, results (现有工作基础).</summary>
    Basis,

    /// <summary>Market and policy talk that leads into the problem or closes it (随着…, 具有广阔的市场前景).</summary>
    Background,
}

/// <summary>How a piece of a part is used beyond the part itself.</summary>
public enum DemandTextRole
{
    /// <summary>What the part says; in <see cref="DemandTextSections.CoreText"/> when the part is problem or targets.</summary>
    Body,

    /// <summary>A section heading as written ("二、预期目标：", "【现有基础】"); the form's label replaces it.</summary>
    Heading,

    /// <summary>
    /// Kept in the part but left out of the core text: company facts (founding year, 高新技术企业, revenue, 厂房,
    /// staff), budget and cooperation terms, "为了满足客户及市场要求" filler and list numbering.
    /// </summary>
    Aside,

    /// <summary>A sentence pasted again (many postings carry their whole text twice); shown once.</summary>
    Repeat,
}

/// <summary>A run of the demand's content, <c>content.Substring(Start, Length)</c>.</summary>
public readonly record struct DemandTextSegment(int Start, int Length, DemandTextPart Part, DemandTextRole Role)
{
    public int End => Start + Length;
}

/// <summary>
/// A demand's title and free text read into the demand form's parts (<see cref="DemandTextReader.Read"/>).
/// <see cref="Segments"/> cover the content exactly once, in order; each part's text is its segments put together,
/// so nothing of what the SME wrote is lost or shown twice.
/// </summary>
public sealed record DemandTextSections
{
    internal DemandTextSections(string title, string content, IReadOnlyList<DemandTextSegment> segments)
    {
        Title = title;
        Content = content;
        Segments = segments;
        Problem = Join(DemandTextPart.Problem, _ => true);
        TargetsText = Join(DemandTextPart.Targets, _ => true);
        Basis = Join(DemandTextPart.Basis, _ => true);
        Background = Join(DemandTextPart.Background, _ => true);
        var coreTitle = Collapse(title);
        CoreTitleLength = coreTitle.Length;
        CoreText = string.Join(
            '\n',
            new[]
            {
                coreTitle,
                Collapse(Join(DemandTextPart.Problem, role => role == DemandTextRole.Body, spaceGaps: true)),
                Collapse(Join(DemandTextPart.Targets, role => role == DemandTextRole.Body, spaceGaps: true)),
            }.Where(text => text.Length > 0));
    }

    public string Title { get; }

    public string Content { get; }

    /// <summary>Contiguous, non-overlapping runs that cover <see cref="Content"/> from start to end.</summary>
    public IReadOnlyList<DemandTextSegment> Segments { get; }

    /// <summary>The problem part exactly as written, headings and repeats included.</summary>
    public string Problem { get; }

    /// <summary>
    /// The targets part exactly as written; read its numbers with <see cref="DemandTextReader.ExtractTargets"/> on
    /// <c>FieldText(DemandTextPart.Targets)</c>.
    /// </summary>
    public string TargetsText { get; }

    /// <summary>The existing basis exactly as written.</summary>
    public string Basis { get; }

    /// <summary>The background exactly as written.</summary>
    public string Background { get; }

    /// <summary>
    /// What a retrieval query should be built from: the title, then the problem, then the targets, one line each,
    /// without headings, asides (company facts, budget, filler, list numbering) or repeated sentences; white space
    /// collapsed. Basis and background are left out: they describe the company and its market, not what it seeks.
    /// </summary>
    public string CoreText { get; }

    /// <summary>The length of the title at the start of <see cref="CoreText"/> (0 without a title).</summary>
    public int CoreTitleLength { get; }

    /// <summary>
    /// A part as the demand form shows it: without its headings and repeated sentences, white space collapsed and
    /// trimmed; company facts and numbering stay, they are the SME's words.
    /// </summary>
    public string FieldText(DemandTextPart part) =>
        Collapse(Join(part, role => role is DemandTextRole.Body or DemandTextRole.Aside, spaceGaps: true));

    /// <summary>
    /// The segments of <paramref name="part"/> with a role <paramref name="include"/> takes. With
    /// <paramref name="spaceGaps"/>, a space stands where something was left out between two taken runs
    /// ("…划分方案 DMA压力…"), or a segmenter would read a word across the gap; without, the part is exact.
    /// </summary>
    private string Join(DemandTextPart part, Func<DemandTextRole, bool> include, bool spaceGaps = false)
    {
        var builder = new StringBuilder();
        var end = -1;
        foreach (var segment in Segments)
        {
            if (segment.Part != part || !include(segment.Role))
            {
                continue;
            }

            if (spaceGaps && end >= 0 && segment.Start != end)
            {
                builder.Append(' ');
            }

            builder.Append(Content, segment.Start, segment.Length);
            end = segment.End;
        }

        return builder.ToString();
    }

    private static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var character in text)
        {
            if (char.IsWhiteSpace(character))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(character);
        }

        return builder.ToString();
    }
}
