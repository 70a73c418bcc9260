using System.Net;

namespace PatentTransfer.Matching.Tests;

/// <summary>What the tests check of highlighted titles and snippets, for patents and demands alike.</summary>
internal static class Highlights
{
    /// <summary>The text a highlight shows: marks removed, entities decoded.</summary>
    public static string Unmarked(string html) =>
        WebUtility.HtmlDecode(html.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal));

    public static void AssertOnlyMarkIsMarkup(string html)
    {
        var withoutMarks = html.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal);
        Assert.DoesNotContain('<', withoutMarks);
        Assert.DoesNotContain('>', withoutMarks);
        Assert.DoesNotContain('"', withoutMarks);
    }
}
