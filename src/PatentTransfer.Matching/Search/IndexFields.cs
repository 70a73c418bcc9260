using Lucene.Net.Documents;

namespace PatentTransfer.Matching.Search;

/// <summary>
/// Adds an item's facts to its Lucene document the way <see cref="SearchFilters"/> looks for them: codes and enum
/// names as exact terms without surrounding spaces, lists as one term or text per value, blanks left out.
/// </summary>
internal static class IndexFields
{
    /// <summary>An exact, unstored term; nothing for a blank value.</summary>
    public static void AddTerm(Document document, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            document.Add(new StringField(field, value.Trim(), Field.Store.NO));
        }
    }

    /// <summary>One exact, unstored term for each distinct value.</summary>
    public static void AddTerms(Document document, string field, IEnumerable<string>? values)
    {
        foreach (var value in SearchFilters.Values(values))
        {
            document.Add(new StringField(field, value, Field.Store.NO));
        }
    }

    /// <summary>Analysed text, stored for highlights; nothing for a blank text, which has nothing to find or show.</summary>
    public static void AddStoredText(Document document, string field, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            document.Add(new TextField(field, text, Field.Store.YES));
        }
    }

    /// <summary>
    /// Each value as analysed, unstored text of the same field: keywords entered one by one are matched like a text,
    /// but a phrase never runs across two of them.
    /// </summary>
    public static void AddTexts(Document document, string field, IEnumerable<string>? values)
    {
        foreach (var value in values ?? [])
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                document.Add(new TextField(field, value, Field.Store.NO));
            }
        }
    }
}
