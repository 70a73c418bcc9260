using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;

namespace PatentTransfer.Matching.Search;

/// <summary>Turns a <see cref="PatentSearchQuery"/> into a Lucene query, filter and sort.</summary>
internal sealed class PatentQueryBuilder(Analyzer analyzer, PatentSearchOptions options)
{
    /// <summary>
    /// Typed searches of up to this many words require all of them, as users of any search box expect; beyond it
    /// the text is a description (a pasted demand) and any shared word counts, ranked by BM25.
    /// </summary>
    public const int AllWordsRequiredUpTo = 4;

    /// <summary>
    /// The words of a text, each with the shorter dictionary words the analyzer put at the same position
    /// (jieba's search mode: 锂离子电池 → 锂离子电池, 锂离子, 离子, 电池). A word counts as matched when any of its
    /// forms matches. Terms are distinct across the whole text.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Words(string? text)
    {
        var words = new List<List<string>>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return words;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var stream = analyzer.GetTokenStream(PatentIndexSchema.Abstract, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        List<string>? current = null;
        while (stream.IncrementToken())
        {
            var value = term.ToString();
            var startsWord = increment.PositionIncrement > 0 || current is null;
            if (!seen.Add(value))
            {
                if (startsWord)
                {
                    // A repeated word: its forms were counted where it first appeared.
                    current = null;
                }

                continue;
            }

            if (startsWord || current is null)
            {
                current = [];
                words.Add(current);
            }

            current.Add(value);
        }

        stream.End();
        return words;
    }

    public Query TextQuery(IReadOnlyList<IReadOnlyList<string>> words)
    {
        if (words.Count == 0)
        {
            return new MatchAllDocsQuery();
        }

        var query = new BooleanQuery();
        foreach (var forms in words)
        {
            if (forms.Count == 1)
            {
                query.Add(TermAcrossFields(forms[0]), Occur.SHOULD);
                continue;
            }

            var word = new BooleanQuery();
            foreach (var form in forms)
            {
                word.Add(TermAcrossFields(form), Occur.SHOULD);
            }

            query.Add(word, Occur.SHOULD);
        }

        if (words.Count <= AllWordsRequiredUpTo)
        {
            query.MinimumNumberShouldMatch = words.Count;
        }

        return query;
    }

    public static Filter? Filter(PatentSearchQuery query)
    {
        var filters = new List<Filter>();
        if (!string.IsNullOrWhiteSpace(query.IpcPrefix))
        {
            var (value, isLevel) = IpcCodes.ParsePrefix(query.IpcPrefix);
            filters.Add(isLevel
                ? new TermFilter(new Term(PatentIndexSchema.Ipc, value))
                : new PrefixFilter(new Term(PatentIndexSchema.Ipc, value)));
        }

        AddExact(filters, PatentIndexSchema.Industry, query.IndustryCode);
        AddExact(filters, PatentIndexSchema.PatentType, query.PatentType);
        AddExact(filters, PatentIndexSchema.HolderType, query.HolderType);
        AddExact(filters, PatentIndexSchema.City, query.CityCode);
        AddExact(filters, PatentIndexSchema.Mode, query.OfferedMode);
        if (query.PriceMin is not null || query.PriceMax is not null)
        {
            filters.Add(NumericRangeFilter.NewInt64Range(
                PatentIndexSchema.Price,
                query.PriceMin is { } min ? PatentIndexSchema.FenBound(min, MidpointRounding.ToPositiveInfinity) : null,
                query.PriceMax is { } max ? PatentIndexSchema.FenBound(max, MidpointRounding.ToNegativeInfinity) : null,
                minInclusive: true,
                maxInclusive: true));
        }

        AddFlag(filters, query.OpenLicenceOnly, PatentIndexSchema.OpenLicenceFlag);
        AddFlag(filters, query.FreeOnly, PatentIndexSchema.FreeFlag);
        AddFlag(filters, query.PayLaterOnly, PatentIndexSchema.PayLaterFlag);
        AddFlag(filters, query.SleepingOnly, PatentIndexSchema.SleepingFlag);
        AddFlag(filters, query.ValidOnly, PatentIndexSchema.ValidFlag);
        AddFlag(filters, query.ListedOnly, PatentIndexSchema.ListedFlag);

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

    /// <summary>
    /// The order of results. Every order ends with the patent's id, so that equal scores, dates and prices (many
    /// patents share a grant date; duplicates share a score) come out in the same order from every searcher:
    /// without it ties fall to Lucene's document numbers, which merges and rebuilds renumber, and a page could
    /// repeat or skip a patent of the page before.
    /// </summary>
    public static Sort Sort(PatentSort sort, bool hasText)
    {
        var newest = new SortField(PatentIndexSchema.GrantSort, SortFieldType.INT64, reverse: true);
        var id = new SortField(PatentIndexSchema.IdSort, SortFieldType.STRING);
        return sort switch
        {
            PatentSort.Relevance when hasText => new Sort(SortField.FIELD_SCORE, newest, id),
            PatentSort.Relevance or PatentSort.GrantDateNewest => new Sort(newest, SortField.FIELD_SCORE, id),
            PatentSort.PriceLowest => new Sort(new SortField(PatentIndexSchema.PriceSort, SortFieldType.INT64), SortField.FIELD_SCORE, newest, id),
            _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, "unknown sort"),
        };
    }

    private DisjunctionMaxQuery TermAcrossFields(string term)
    {
        var boosts = options.FieldBoosts;
        var query = new DisjunctionMaxQuery(options.FieldTieBreaker);
        AddField(query, PatentIndexSchema.Title, term, boosts.Title);
        AddField(query, PatentIndexSchema.Abstract, term, boosts.Abstract);
        AddField(query, PatentIndexSchema.Claims, term, boosts.Claims);
        AddField(query, PatentIndexSchema.Keywords, term, boosts.Keywords);
        return query;
    }

    private static void AddField(DisjunctionMaxQuery query, string field, string term, float boost)
    {
        if (boost > 0)
        {
            query.Add(new TermQuery(new Term(field, term)) { Boost = boost });
        }
    }

    private static void AddExact(List<Filter> filters, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            filters.Add(new TermFilter(new Term(field, value.Trim())));
        }
    }

    private static void AddFlag(List<Filter> filters, bool required, string flag)
    {
        if (required)
        {
            filters.Add(new TermFilter(new Term(PatentIndexSchema.Flag, flag)));
        }
    }
}
