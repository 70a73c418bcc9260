using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;

namespace PatentTransfer.Matching.Search;

/// <summary>Turns a <see cref="PatentSearchQuery"/> into a Lucene query, filter and sort.</summary>
internal static class PatentQueryBuilder
{
    /// <summary>Text searches over the patent's texts, weighted by <see cref="PatentSearchOptions.FieldBoosts"/>.</summary>
    public static FullTextQuery FullText(Analyzer analyzer, PatentSearchOptions options)
    {
        var boosts = options.FieldBoosts;
        return new FullTextQuery(
            analyzer,
            [
                new(PatentIndexSchema.Title, boosts.Title),
                new(PatentIndexSchema.Abstract, boosts.Abstract),
                new(PatentIndexSchema.Claims, boosts.Claims),
                new(PatentIndexSchema.Keywords, boosts.Keywords),
            ],
            options.FieldTieBreaker);
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

        SearchFilters.AddExact(filters, PatentIndexSchema.Industry, query.IndustryCode);
        SearchFilters.AddExact(filters, PatentIndexSchema.PatentType, query.PatentType);
        SearchFilters.AddExact(filters, PatentIndexSchema.HolderType, query.HolderType);
        SearchFilters.AddExact(filters, PatentIndexSchema.City, query.CityCode);
        SearchFilters.AddExact(filters, PatentIndexSchema.Mode, query.OfferedMode);
        if (query.PriceMin is not null || query.PriceMax is not null)
        {
            filters.Add(NumericRangeFilter.NewInt64Range(
                PatentIndexSchema.Price,
                query.PriceMin is { } min ? IndexedMoney.Bound(min, IndexedMoney.FenPerYuan, MidpointRounding.ToPositiveInfinity) : null,
                query.PriceMax is { } max ? IndexedMoney.Bound(max, IndexedMoney.FenPerYuan, MidpointRounding.ToNegativeInfinity) : null,
                minInclusive: true,
                maxInclusive: true));
        }

        AddFlag(filters, query.OpenLicenceOnly, PatentIndexSchema.OpenLicenceFlag);
        AddFlag(filters, query.FreeOnly, PatentIndexSchema.FreeFlag);
        AddFlag(filters, query.PayLaterOnly, PatentIndexSchema.PayLaterFlag);
        AddFlag(filters, query.SleepingOnly, PatentIndexSchema.SleepingFlag);
        AddFlag(filters, query.ValidOnly, PatentIndexSchema.ValidFlag);
        AddFlag(filters, query.ListedOnly, PatentIndexSchema.ListedFlag);

        return SearchFilters.AllOf(filters);
    }

    /// <summary>
    /// The order of results. Every order ends with the patent's id (<see cref="IndexKeys.TieBreak"/>): many patents
    /// share a grant date, and duplicates share a score.
    /// </summary>
    public static Sort Sort(PatentSort sort, bool hasText)
    {
        var newest = new SortField(PatentIndexSchema.GrantSort, SortFieldType.INT64, reverse: true);
        var id = IndexKeys.TieBreak;
        return sort switch
        {
            PatentSort.Relevance when hasText => new Sort(SortField.FIELD_SCORE, newest, id),
            PatentSort.Relevance or PatentSort.GrantDateNewest => new Sort(newest, SortField.FIELD_SCORE, id),
            PatentSort.PriceLowest => new Sort(new SortField(PatentIndexSchema.PriceSort, SortFieldType.INT64), SortField.FIELD_SCORE, newest, id),
            _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, "unknown sort"),
        };
    }

    private static void AddFlag(List<Filter> filters, bool required, string flag)
    {
        if (required)
        {
            filters.Add(new TermFilter(new Term(PatentIndexSchema.Flag, flag)));
        }
    }
}
