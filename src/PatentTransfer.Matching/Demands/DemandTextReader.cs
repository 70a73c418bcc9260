using PatentTransfer.Matching.Text;

namespace PatentTransfer.Matching.Demands;

/// <summary>
/// Reads an SME's free-text technology demand into the parts of the demand form (DOMAIN.md §5): problem, targets,
/// existing basis and background, and the core a retrieval query is built from. Real postings mix these freely;
/// where the SME used the platform's headings (需求内容, 预期目标, 现有工作基础, in any numbering, bracket or colon
/// style) the headings decide, elsewhere each sentence is placed by its cue words (decision 0014). Pure text: no
/// dictionary, no index, no state; safe to call from any thread.
/// </summary>
public static class DemandTextReader
{
    public static DemandTextSections Read(string title, string content)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(content);

        var folded = TextFolding.FoldWidth(content);
        var headings = DemandTextHeadings.Find(folded);
        var reader = new DemandSectionReader(
            folded,
            DemandTargetParser.Parse(content),
            pullTargets: !headings.Any(heading => heading.Kind == DemandSectionKind.Targets));

        var start = 0;
        var kind = DemandSectionKind.Open;
        foreach (var heading in headings)
        {
            reader.ReadSection(start, heading.Start, kind);
            reader.AddHeading(heading);
            start = heading.End;
            kind = heading.Kind;
        }

        reader.ReadSection(start, content.Length, kind);
        return new DemandTextSections(title, content, reader.Complete());
    }

    /// <summary>
    /// The quantified targets of <paramref name="text"/>, in order. Meant for a demand's targets as the form shows them,
    /// <c>sections.FieldText(DemandTextPart.Targets)</c> (headings out, a pasted-twice target once): elsewhere
    /// comparisons often describe the present state ("目前屈服强度达到550MPa"), which only <see cref="Read"/> tells apart.
    /// </summary>
    public static IReadOnlyList<QuantifiedTarget> ExtractTargets(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return DemandTargetParser.Parse(text).Select(found => found.Target).ToList();
    }
}
