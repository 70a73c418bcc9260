namespace PatentTransfer.Matching.Search;

/// <summary>
/// A search as the portal's search page sends it. All filters combine with AND; a null or empty filter does not
/// filter. Empty <see cref="Text"/> matches every patent (relevance then falls back to newest grant first).
/// </summary>
/// <param name="Text">What the user typed. Up to four words must all match (in any field); longer texts, such as a
/// pasted demand description, rank every patent sharing a word by BM25.</param>
/// <param name="IpcPrefix">Section "H", class "H01", subclass "H01M", group "H01M10/" (or "H01M10"), or any longer
/// prefix of a full symbol; matches any of a patent's IPC codes.</param>
/// <param name="PriceMin">Inclusive lower bound in yuan; with a bound set, patents without a price are excluded.</param>
/// <param name="PriceMax">Inclusive upper bound in yuan.</param>
/// <param name="Take">Page size, 0 to 1000 (0 returns only <see cref="PatentSearchResult.Total"/>).</param>
public sealed record PatentSearchQuery(
    string? Text = null,
    string? IpcPrefix = null,
    string? IndustryCode = null,
    string? PatentType = null,
    string? HolderType = null,
    string? CityCode = null,
    string? OfferedMode = null,
    decimal? PriceMin = null,
    decimal? PriceMax = null,
    bool OpenLicenceOnly = false,
    bool FreeOnly = false,
    bool PayLaterOnly = false,
    bool SleepingOnly = false,
    bool ValidOnly = false,
    bool ListedOnly = false,
    PatentSort Sort = PatentSort.Relevance,
    int Skip = 0,
    int Take = 20)
{
    public const int MaxTake = 1000;
}

public enum PatentSort
{
    /// <summary>Best text match first; without text, newest grant first.</summary>
    Relevance,

    /// <summary>Newest grant date first; patents without a grant date last.</summary>
    GrantDateNewest,

    /// <summary>Lowest asking price first; patents without a price last.</summary>
    PriceLowest,
}
