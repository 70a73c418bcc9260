using PatentTransfer.Domain.Demands;
using PatentTransfer.Domain.Listings;
using PatentTransfer.Domain.Patents;
using PatentTransfer.Matching.Recommend;

namespace PatentTransfer.Web.Features.Matching;

/// <summary>Whether a demand gets recommendations now: only a published demand within its validity does.</summary>
public enum RecommendationAvailability
{
    Available,

    /// <summary>Awaiting review or returned: recommendations start with publication.</summary>
    NotPublished,

    Expired,
    Closed,
}

/// <summary>
/// The wording of one factor, beyond its kind: how close the IPC classes are, whether the modes or the price fit or
/// not, how near the holder is. Each has its label and explanation in the resources (<c>MatchFactor_*</c>).
/// </summary>
public enum FactorVariant
{
    Text,
    IpcGroup,
    IpcSubclass,
    IpcClass,
    IpcSection,
    Industry,
    ModesShared,
    ModesNone,
    PriceWithin,
    PriceOver,
    Free,
    PayLater,
    OpenLicence,
    Sleeping,
    RemainingTerm,
    Invention,
    SameCity,
    Hebei,
    Neighbour,
    Listed,

    /// <summary>A factor this version of the portal does not know yet: shown by its engine name.</summary>
    Unknown,
}

/// <summary>Which side a pair is explained to: the demand's reader (recommended patents) or the patent's holder (matched demands).</summary>
public enum MatchDirection
{
    PatentsForDemand,
    DemandsForPatent,
}

/// <summary>
/// One part of a recommendation's score, explained: <see cref="Figures"/> are the values its explanation names
/// (codes, amounts, years), culture-neutral; the page words them.
/// </summary>
public sealed record ExplainedFactor(MatchFactorKind Kind, FactorVariant Variant, double Contribution, IReadOnlyList<string> Figures);

/// <summary>A recommended patent as the demand's page shows it, read from the database, with why it was recommended.</summary>
public sealed record RecommendedPatent(
    Guid PatentId,
    int Rank,
    string ApplicationNumber,
    string Title,
    PatentType Type,
    string HolderName,
    string HolderRegionCode,
    bool IsSleeping,
    ListingTerms? PublishedTerms,
    bool IsDemo,
    double Score,
    IReadOnlyList<MatchedTerm> MatchedTerms,
    IReadOnlyList<ExplainedFactor> Factors,
    Guid? DealRequestId);

/// <summary>
/// A demand's recommendations for someone who may see them. <see cref="MayAct"/>: the SME's own users dismiss and
/// request; staff only read.
/// </summary>
public sealed record DemandRecommendations(
    RecommendationAvailability Availability,
    bool MayAct,
    IReadOnlyList<RecommendedPatent> Patents,
    int DismissedCount);

/// <summary>How often SMEs set one of the holder's patents aside, by reason; never by whom or for which demand.</summary>
public sealed record PatentDismissalFeedback(
    Guid PatentId,
    string ApplicationNumber,
    string Title,
    IReadOnlyDictionary<DismissalReason, int> Counts)
{
    public int Total => Counts.Values.Sum();
}

/// <summary>The holder's feedback: per patent, and the totals over all of them.</summary>
public sealed record HolderRecommendationFeedback(
    IReadOnlyList<PatentDismissalFeedback> Patents,
    IReadOnlyDictionary<DismissalReason, int> Totals);
