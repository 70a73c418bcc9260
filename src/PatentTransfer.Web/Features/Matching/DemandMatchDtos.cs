using PatentTransfer.Domain.Demands;
using PatentTransfer.Matching.Recommend;
using PatentTransfer.Web.Features.DemandHall;

namespace PatentTransfer.Web.Features.Matching;

/// <summary>Whether a patent is matched with demands now: only a valid patent is.</summary>
public enum PatentMatchAvailability
{
    Available,

    /// <summary>Lapsed, expired, withdrawn or otherwise not in force today: nothing to offer a demand.</summary>
    PatentNotValid,
}

/// <summary>Why the holder cannot propose this patent on a demand from the list (proposals, decision 0013).</summary>
public enum PatentProposalBlock
{
    None,

    /// <summary>The holder's organisation has not been verified yet.</summary>
    HolderNotVerified,

    /// <summary>The patent has no published listing: a holder proposes only what it publicly offers.</summary>
    PatentNotListed,
}

/// <summary>
/// A demand the patent could answer, as its holder may see it: what the demand hall shows this holder of the demand (the
/// SME named only for a public demand, otherwise its city and size), and why it was matched.
/// </summary>
/// <param name="ProposalPending">The holder already has a proposal waiting on this demand (one per demand).</param>
public sealed record MatchedDemand(
    Guid DemandId,
    int Rank,
    string Title,
    DemandType Type,
    DemandHallSme Sme,
    DemandBudget Budget,
    IReadOnlyList<DemandMode> Modes,
    IReadOnlyList<PaymentPreference> PaymentPreferences,
    DateOnly ValidUntil,
    DemandConfidentiality Confidentiality,
    bool IsDemo,
    double Score,
    IReadOnlyList<MatchedTerm> MatchedTerms,
    IReadOnlyList<ExplainedFactor> Factors,
    bool ProposalPending);

/// <summary>The demands matched with one of the holder's patents, best first.</summary>
/// <param name="ProposalBlock">Whether the holder may propose this patent on the demands listed, and if not why.</param>
public sealed record PatentDemandMatches(
    PatentMatchAvailability Availability,
    PatentProposalBlock ProposalBlock,
    IReadOnlyList<MatchedDemand> Demands)
{
    public bool MayPropose => ProposalBlock == PatentProposalBlock.None;
}
