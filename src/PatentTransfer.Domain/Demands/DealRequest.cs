using PatentTransfer.Domain.Auditing;

namespace PatentTransfer.Domain.Demands;

/// <summary>Where a deal request came from; the deals issue adds requests made from a patent's page.</summary>
public enum DealRequestOrigin
{
    /// <summary>An SME accepted a holder's proposal on one of its demands.</summary>
    DemandProposal,

    /// <summary>An SME asked to negotiate about a patent the portal recommended for one of its demands.</summary>
    Recommendation,
}

public enum DealRequestStatus
{
    /// <summary>Recorded; both sides see it and the negotiation can start.</summary>
    Open,
}

/// <summary>
/// The wish of an SME and a holder to make a deal on some patents, as recorded when the SME accepts a proposal or
/// asks to negotiate about a recommended patent.
/// Both organisations see it. What follows — negotiation, contract, signature, registration — belongs to the deals
/// issue, which extends the statuses; this record is its starting point and keeps where it came from.
/// </summary>
public sealed class DealRequest : IAuditable
{
    // For EF Core.
    private DealRequest()
    {
        PatentIds = [];
    }

    public Guid Id { get; private set; }
    public DealRequestOrigin Origin { get; private set; }
    public DealRequestStatus Status { get; private set; }
    public Guid SmeOrganisationId { get; private set; }
    public Guid HolderOrganisationId { get; private set; }
    public Guid? DemandId { get; private set; }
    public Guid? ProposalId { get; private set; }
    public Guid[] PatentIds { get; private set; }
    public Guid CreatedByUserId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string? AuditAction { get; set; }

    // Filed under the SME, whose decision created it; the holder's history finds it by the proposal or the patent.
    Guid? IAuditable.AuditOrganisationId => SmeOrganisationId;

    internal static DealRequest FromProposal(DemandProposal proposal, Guid smeOrganisationId, Guid userId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Origin = DealRequestOrigin.DemandProposal,
        Status = DealRequestStatus.Open,
        SmeOrganisationId = smeOrganisationId,
        HolderOrganisationId = proposal.HolderOrganisationId,
        DemandId = proposal.DemandId,
        ProposalId = proposal.Id,
        PatentIds = [.. proposal.PatentIds],
        CreatedByUserId = userId,
        CreatedAt = now,
        AuditAction = AuditActions.DealRequestCreated,
    };

    /// <summary>
    /// The SME asks the holder of a patent recommended for its demand to negotiate. The caller checks that the user
    /// is one of the SME's users, that the demand is open and the patent valid, and that no request is open yet.
    /// </summary>
    public static DealRequest FromRecommendation(
        Guid demandId, Guid smeOrganisationId, Guid holderOrganisationId, Guid patentId, Guid userId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Origin = DealRequestOrigin.Recommendation,
        Status = DealRequestStatus.Open,
        SmeOrganisationId = smeOrganisationId,
        HolderOrganisationId = holderOrganisationId,
        DemandId = demandId,
        PatentIds = [patentId],
        CreatedByUserId = userId,
        CreatedAt = now,
        AuditAction = AuditActions.DealRequestCreated,
    };
}
