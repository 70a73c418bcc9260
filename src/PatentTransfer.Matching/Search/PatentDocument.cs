namespace PatentTransfer.Matching.Search;

/// <summary>
/// What the search index knows about one patent: its texts and the facts the portal filters and sorts by.
/// The database is the source of truth; the index is fed from it and can be rebuilt at any time.
/// </summary>
/// <param name="IpcCodes">IPC symbols, main classification first, e.g. "H01M10/0525" (spaces and case do not matter).</param>
/// <param name="PatentType">"Invention", "UtilityModel" or "Design".</param>
/// <param name="HolderType">e.g. "University", "ResearchInstitute", "StateOwnedEnterprise", "PrivateEnterprise".</param>
/// <param name="CityCode">4-digit city-level unit, e.g. "1301".</param>
/// <param name="IsListed">Has a published listing.</param>
/// <param name="OfferedModes">e.g. "Transfer", "ExclusiveLicence", "SoleLicence", "OrdinaryLicence", "Equity".</param>
/// <param name="Price">Asking price in yuan; null when negotiable or not listed.</param>
public sealed record PatentDocument(
    Guid Id,
    string ApplicationNumber,
    string? PublicationNumber,
    string Title,
    string Abstract,
    string? Claims,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> IpcCodes,
    string? IndustryCode,
    string PatentType,
    string HolderType,
    string? CityCode,
    string HolderName,
    DateOnly? GrantDate,
    bool IsValid,
    bool IsSleeping,
    bool IsListed,
    IReadOnlyList<string> OfferedModes,
    decimal? Price,
    bool OpenLicence,
    bool FreeForSmes,
    bool PayLater)
{
    /// <summary>When the patent's term ends (from type and filing date); null when unknown.</summary>
    public DateOnly? ExpiryDate { get; init; }
}
