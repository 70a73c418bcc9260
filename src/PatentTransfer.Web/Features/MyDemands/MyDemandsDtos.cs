using PatentTransfer.Domain.Demands;
using PatentTransfer.Web.Infrastructure;

namespace PatentTransfer.Web.Features.MyDemands;

/// <summary>Filters of the SME workspace; <see cref="Status"/> null lists every demand.</summary>
public sealed record MyDemandsQuery(DemandStatus? Status = null, string? Search = null, int Page = 0, int PageSize = 20);

/// <summary>One of the SME's demands; <see cref="Status"/> as of today (see <see cref="Demands.DemandView"/>).</summary>
public sealed record MyDemandRow(
    Guid Id,
    string Title,
    DemandType Type,
    DemandStatus Status,
    DemandConfidentiality Confidentiality,
    DateOnly ValidUntil,
    int FollowUpCount,
    int ProposalCount,
    int PendingProposalCount,
    DateTimeOffset UpdatedAt);

/// <summary>
/// A page of the workspace, how many demands the SME has in each status (all of them, whatever the filter), and
/// whether its organisation is verified (until then demands can be drafted but not submitted).
/// </summary>
public sealed record MyDemandsList(Page<MyDemandRow> Page, IReadOnlyDictionary<DemandStatus, int> Counts, bool OrganisationVerified)
{
    public int Total => Counts.Values.Sum();
}

/// <summary>The outcome of saving the form: the demand's id once it exists, and a message per field that needs correcting.</summary>
public sealed record DemandSaveResult(CommandResult Result, FieldErrors Errors, Guid? Id);
