using PatentTransfer.Domain.Auditing;

namespace PatentTransfer.Domain.Demands;

/// <summary>Where a deal request came from; the deals issue adds requests made from a patent's page.</summary>
public enum DealRequestOrigin
{
    /// <summary>An SME accepted a holder's proposal on one of its demands.</summary>
    DemandProposal,
}

public enum DealRequestStatus
{
    /// <summary>Recorded; both sides see it and the negotiation can start.</summary>
    Open,
}

/// <summary>
/// The wish of an SME and a holder to make a deal on some patents, as recorded when the SME accepts a proposal.
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

    // Filed under the SME, whose decision created it; the holder's history finds it by the proposal.
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
}
