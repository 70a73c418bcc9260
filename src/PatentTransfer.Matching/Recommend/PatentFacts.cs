namespace PatentTransfer.Matching.Recommend;

/// <summary>What the re-ranking knows of a candidate patent besides its text (see <see cref="PatentMatchSchema"/>).</summary>
/// <param name="Price">Asking price in yuan; null when negotiable, royalty-based or not listed.</param>
public sealed record PatentFacts(
    Guid Id,
    IReadOnlyList<string> IpcCodes,
    string? IndustryCode,
    string? PatentType,
    string? CityCode,
    IReadOnlyList<string> OfferedModes,
    decimal? Price,
    DateOnly? ExpiryDate,
    bool OpenLicence,
    bool FreeForSmes,
    bool PayLater,
    bool IsSleeping,
    bool IsListed);

/// <summary>Facts of a patent document, for matching it against demands.</summary>
public static class PatentFactsExtensions
{
    public static PatentFacts Facts(this Search.PatentDocument patent)
    {
        ArgumentNullException.ThrowIfNull(patent);
        return new PatentFacts(
            patent.Id, patent.IpcCodes, patent.IndustryCode, patent.PatentType, patent.CityCode, patent.OfferedModes, patent.Price,
            patent.ExpiryDate, patent.OpenLicence, patent.FreeForSmes, patent.PayLater, patent.IsSleeping, patent.IsListed);
    }
}
