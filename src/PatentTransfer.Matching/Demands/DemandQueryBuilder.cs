using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;
using PatentTransfer.Matching.Search;

namespace PatentTransfer.Matching.Demands;

/// <summary>Turns a <see cref="DemandSearchQuery"/> into a Lucene query, filter and sort.</summary>
internal static class DemandQueryBuilder
{
    /// <summary>Text searches over the demand's texts, weighted by <see cref="DemandSearchOptions.FieldBoosts"/>.</summary>
    public static FullTextQuery FullText(Analyzer analyzer, DemandSearchOptions options)
    {
        var boosts = options.FieldBoosts;
        return new FullTextQuery(
            analyzer,
            [
                new(DemandIndexSchema.Title, boosts.Title),
                new(DemandIndexSchema.Problem, boosts.Problem),
                new(DemandIndexSchema.Targets, boosts.Targets),
                new(DemandIndexSchema.Basis, boosts.Basis),
                new(DemandIndexSchema.Product, boosts.Product),
                new(DemandIndexSchema.Keywords, boosts.Keywords),
            ],
            options.FieldTieBreaker);
    }

    /// <summary>The filters of <paramref name="query"/>; confidentiality is always among them.</summary>
    public static Filter Filter(DemandSearchQuery query, IReadOnlyList<string> visibleLevels)
    {
        var filters = new List<Filter>();
        SearchFilters.AddAnyOf(filters, DemandIndexSchema.Confidentiality, visibleLevels);
        SearchFilters.AddAnyOf(filters, DemandIndexSchema.Industry, query.IndustryCodes);
        SearchFilters.AddExact(filters, DemandIndexSchema.City, query.CityCode);
        SearchFilters.AddExact(filters, DemandIndexSchema.Type, query.Type);
        SearchFilters.AddAnyOf(filters, DemandIndexSchema.Mode, query.Modes);
        SearchFilters.AddAnyOf(filters, DemandIndexSchema.Payment, query.PaymentPreferences);
        if (query.Budget is { } budget)
        {
            filters.Add(Budget(budget));
        }

        if (query.ValidOn is { } day)
        {
            filters.Add(NumericRangeFilter.NewInt32Range(DemandIndexSchema.ValidUntil, day.DayNumber, null, minInclusive: true, maxInclusive: true));
        }

        return SearchFilters.AllOf(filters)
            ?? throw new InvalidOperationException("the confidentiality filter is missing");
    }

    /// <summary>
    /// The order of results. Every order ends with the demand's id (<see cref="IndexKeys.TieBreak"/>): demands
    /// published the same day, closing the same day or with the same budget are common.
    /// </summary>
    public static Sort Sort(DemandSort sort, bool hasText)
    {
        var newest = new SortField(DemandIndexSchema.PublishedSort, SortFieldType.INT64, reverse: true);
        var id = IndexKeys.TieBreak;
        return sort switch
        {
            DemandSort.Relevance when hasText => new Sort(SortField.FIELD_SCORE, newest, id),
            DemandSort.Relevance or DemandSort.NewestPublished => new Sort(newest, SortField.FIELD_SCORE, id),
            DemandSort.ClosingSoonest => new Sort(new SortField(DemandIndexSchema.ValidUntilSort, SortFieldType.INT64), SortField.FIELD_SCORE, newest, id),
            DemandSort.BudgetHighest => new Sort(new SortField(DemandIndexSchema.BudgetSort, SortFieldType.INT64, reverse: true), SortField.FIELD_SCORE, newest, id),
            _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, "unknown sort"),
        };
    }

    /// <summary>
    /// Stated budgets that overlap the range — low end at most its top, high end at least its bottom, bounds rounded
    /// inwards to whole fen — and, if asked for, negotiable ones.
    /// </summary>
    private static BooleanFilter Budget(DemandBudgetFilter budget)
    {
        var stated = new BooleanFilter();
        stated.Add(new TermFilter(new Term(DemandIndexSchema.Budget, DemandIndexSchema.BudgetStated)), Occur.MUST);
        if (budget.Max is { } max)
        {
            var top = DemandIndexSchema.Bound(max, MidpointRounding.ToNegativeInfinity);
            stated.Add(NumericRangeFilter.NewInt64Range(DemandIndexSchema.BudgetLow, null, top, minInclusive: true, maxInclusive: true), Occur.MUST);
        }

        if (budget.Min is { } min)
        {
            var bottom = DemandIndexSchema.Bound(min, MidpointRounding.ToPositiveInfinity);
            stated.Add(NumericRangeFilter.NewInt64Range(DemandIndexSchema.BudgetHigh, bottom, null, minInclusive: true, maxInclusive: true), Occur.MUST);
        }

        if (!budget.IncludeNegotiable)
        {
            return stated;
        }

        var either = new BooleanFilter();
        either.Add(stated, Occur.SHOULD);
        either.Add(new TermFilter(new Term(DemandIndexSchema.Budget, DemandIndexSchema.BudgetNegotiable)), Occur.SHOULD);
        return either;
    }
}
