namespace PatentTransfer.Matching.Demands;

/// <summary>
/// A search of the demand hall. All filters combine with AND; a null or empty filter does not filter, except
/// <see cref="VisibleConfidentiality"/>, which is required and, when empty, lets nothing through. Empty
/// <see cref="Text"/> matches every demand (relevance then falls back to newest published first).
/// </summary>
/// <param name="VisibleConfidentiality">The confidentiality levels the viewer may see ("Public", "Anonymised",
/// "PlatformOnly"). The caller decides by who is asking; the index only filters. It has no default so that no
/// caller can forget it and show platform-only demands to a visitor.</param>
/// <param name="Text">What the user typed: up to four words must all match (in any text field: title, problem,
/// targets, basis, product, keywords); a longer text, such as a pasted patent abstract, ranks every demand sharing
/// a word by BM25.</param>
/// <param name="IndustryCodes">Any of these industry codes (exact).</param>
/// <param name="CityCode">4-digit city-level unit (exact).</param>
/// <param name="Type">One demand type, e.g. "TechnicalProblem".</param>
/// <param name="Modes">Demands preferring any of these modes ("Buy", "Licence", "Equity", "JointRnD").</param>
/// <param name="PaymentPreferences">Demands accepting any of these ways of paying ("LumpSum", "Royalty", "PayLater").</param>
/// <param name="Budget">A budget range to overlap; null does not filter by budget.</param>
/// <param name="ValidOn">Leaves out demands whose last valid day is before this date (the caller's today, from its
/// <see cref="TimeProvider"/>); a demand is still listed on its last day.</param>
/// <param name="Page">1-based page number.</param>
/// <param name="PageSize">Demands per page, 0 to <see cref="MaxPageSize"/> (0 returns only
/// <see cref="DemandSearchResult.Total"/>).</param>
public sealed record DemandSearchQuery(
    IReadOnlyCollection<string> VisibleConfidentiality,
    string? Text = null,
    IReadOnlyCollection<string>? IndustryCodes = null,
    string? CityCode = null,
    string? Type = null,
    IReadOnlyCollection<string>? Modes = null,
    IReadOnlyCollection<string>? PaymentPreferences = null,
    DemandBudgetFilter? Budget = null,
    DateOnly? ValidOn = null,
    DemandSort Sort = DemandSort.Relevance,
    int Page = 1,
    int PageSize = 20)
{
    public const int MaxPageSize = 1000;
}

/// <summary>
/// Demands whose budget range overlaps [<paramref name="Min"/>, <paramref name="Max"/>] (万元, both inclusive; a
/// null bound is open). A demand's own open bound counts as open too: "from 30" overlaps every range reaching 30 or
/// more, "up to 8" every range starting at 8 or less. Negotiable demands (no budget stated) have no range to
/// overlap, so they are listed only with <paramref name="IncludeNegotiable"/>: whether a hall that asks for
/// "10–50万" also shows "面议" is the page's choice, made visibly, not a default buried here.
/// <c>new DemandBudgetFilter(null, null, IncludeNegotiable: false)</c> lists the demands that state a budget.
/// </summary>
public sealed record DemandBudgetFilter(decimal? Min, decimal? Max, bool IncludeNegotiable);

public enum DemandSort
{
    /// <summary>Best text match first; without text, newest published first.</summary>
    Relevance,

    /// <summary>Most recently published first.</summary>
    NewestPublished,

    /// <summary>Earliest last valid day first: demands about to close.</summary>
    ClosingSoonest,

    /// <summary>
    /// Highest budget first, by the most the SME states it would pay (the upper bound, or the lower bound of a
    /// "from" budget); negotiable demands last.
    /// </summary>
    BudgetHighest,
}
