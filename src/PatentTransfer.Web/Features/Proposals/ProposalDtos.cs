using PatentTransfer.Domain.Demands;

namespace PatentTransfer.Web.Features.Proposals;

/// <summary>A patent as a proposal shows it.</summary>
public sealed record ProposedPatent(Guid Id, string ApplicationNumber, string Title);

/// <summary>A proposal as the SME, the holder or staff see it.</summary>
public sealed record ProposalRow(
    Guid Id,
    Guid DemandId,
    string DemandTitle,
    Guid HolderOrganisationId,
    string HolderName,
    string Message,
    IReadOnlyList<ProposedPatent> Patents,
    ProposalStatus Status,
    ProposalDeclineReason? DeclineReason,
    string? DeclineNote,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DecidedAt,
    Guid? DealRequestId,
    uint Version);

/// <summary>What a holder may do on a demand's page: propose (and with which patents), or see its pending proposal.</summary>
public sealed record ProposalContext(bool MayPropose, string? WhyNot, ProposalRow? Pending, int PublishedPatentCount);

/// <summary>What the holder typed: a message and the chosen patents.</summary>
public sealed record ProposalInput(string? Message, IReadOnlyList<Guid> PatentIds);

/// <summary>A holder's answers to demands with what became of each, and the reasons SMEs gave when declining.</summary>
public sealed record HolderProposals(IReadOnlyList<ProposalRow> Proposals, IReadOnlyDictionary<ProposalDeclineReason, int> DeclineReasons);

/// <summary>A deal request as either side sees it, with where it came from (an accepted proposal, a recommendation).</summary>
public sealed record DealRequestRow(
    Guid Id,
    DealRequestOrigin Origin,
    DealRequestStatus Status,
    Guid SmeOrganisationId,
    string SmeName,
    Guid HolderOrganisationId,
    string HolderName,
    Guid? DemandId,
    string? DemandTitle,
    IReadOnlyList<ProposedPatent> Patents,
    DateTimeOffset CreatedAt,
    bool ViewerIsSme);
