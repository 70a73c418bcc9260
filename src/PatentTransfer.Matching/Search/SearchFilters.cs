using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace PatentTransfer.Matching.Search;

/// <summary>The exact-term filters the indexes build from a search page's choices; filters restrict without scoring.</summary>
internal static class SearchFilters
{
    /// <summary>The exact term, ignoring spaces around it; nothing when no value is given.</summary>
    public static void AddExact(List<Filter> filters, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            filters.Add(new TermFilter(new Term(field, value.Trim())));
        }
    }

    /// <summary>
    /// Any of the exact terms, ignoring spaces around them; nothing when no value is given (an empty choice, such as
    /// no industry ticked, does not filter).
    /// </summary>
    public static void AddAnyOf(List<Filter> filters, string field, IEnumerable<string>? values)
    {
        var terms = Values(values);
        switch (terms.Count)
        {
            case 0:
                return;
            case 1:
                filters.Add(new TermFilter(new Term(field, terms[0])));
                return;
            default:
                filters.Add(new TermsFilter(field, terms.Select(value => new BytesRef(value)).ToList()));
                return;
        }
    }

    /// <summary>All the filters together; null when there are none (Lucene then filters nothing).</summary>
    public static Filter? AllOf(IReadOnlyList<Filter> filters)
    {
        switch (filters.Count)
        {
            case 0:
                return null;
            case 1:
                return filters[0];
            default:
                var all = new BooleanFilter();
                foreach (var filter in filters)
                {
                    all.Add(filter, Occur.MUST);
                }

                return all;
        }
    }

    /// <summary>The distinct values given, without blanks and surrounding spaces.</summary>
    public static List<string> Values(IEnumerable<string>? values) =>
        values is null
            ? []
            : values.Where(value => !string.IsNullOrWhiteSpace(value)).Select(value => value.Trim()).Distinct(StringComparer.Ordinal).ToList();
}
