using System.Text.RegularExpressions;

namespace PatentTransfer.Matching.Recommend;

/// <summary>
/// Reads what a patent is about from its texts when the data lacks a usable title: most corpus patents have an
/// abstract only, and the abstract's first clause names the invention in the title's own form
/// ("本发明公开了一种曲面屏幕玻璃保护膜的制作方法，…" → "一种曲面屏幕玻璃保护膜的制作方法").
/// </summary>
public static partial class PatentTexts
{
    private const int MaxSubjectLength = 60;

    // The subject is named in the first sentence or two; a "一种" further on names a part of the invention.
    private const int SubjectSearchLength = 150;

    /// <summary>
    /// The title a matcher should weigh: the real title without page-count debris of the source
    /// ("权利要求书1页说明书3页…"), or when there is none the subject of the abstract's first clause; empty when
    /// neither says anything.
    /// </summary>
    public static string SubjectOf(string? title, string? abstractText)
    {
        var cleaned = Clean(title);
        if (cleaned.Length > 0)
        {
            return cleaned;
        }

        var text = Clean(abstractText);
        var match = SubjectClause().Match(text[..Math.Min(text.Length, SubjectSearchLength)]);
        if (match.Success)
        {
            return match.Groups["subject"].Value;
        }

        // No "一种…" opening: the first clause, when short enough to be a name rather than a sentence.
        var first = FirstClause().Match(text);
        return first.Success && first.Value.Length <= MaxSubjectLength / 2 ? first.Value : "";
    }

    /// <summary>Trims, and drops leading arrows and "权利要求书N页说明书N页附图N页" left by the source's page layout.</summary>
    public static string Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "" : LayoutDebris().Replace(text.Trim(), "").Trim();

    [GeneratedRegex(@"^(?:[→\s]+|(?:权利要求书|说明书|附图)\s*\d+\s*页\s*)+")]
    private static partial Regex LayoutDebris();

    // "本发明公开了一种X，…", "一种X。…", "本发明是…的分案申请。本申请公开了一种X": X up to the next clause mark.
    [GeneratedRegex(@"(?<subject>一种[^，。；：,;:]{2,60})")]
    private static partial Regex SubjectClause();

    [GeneratedRegex(@"^[^，。；：,;:]{2,}")]
    private static partial Regex FirstClause();
}
