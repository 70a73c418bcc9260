using PatentTransfer.Domain.Auditing;
using PatentTransfer.Domain.Common;

namespace PatentTransfer.Domain.Demands;

public enum ProposalStatus
{
    Pending,
    Accepted,
    Declined,
    Withdrawn,
}

/// <summary>Why an SME turned a proposal down; the holder sees it (and a note for "other").</summary>
public enum ProposalDeclineReason
{
    NotRelevant,
    TooExpensive,
    TechnologyNotMature,
    SolvedAlready,
    Other,
}

/// <summary>
/// A holder's answer to a published demand: one or more of its published patents with a message. The SME accepts
/// it (which records a <see cref="DealRequest"/>) or declines it with a reason; the holder may withdraw it while
/// it is pending. A holder has at most one pending proposal per demand (checked by the service and a partial
/// unique index): a second one would only repeat the first.
/// </summary>
public sealed class DemandProposal : IAuditable, IVersioned
{
    public const int MessageMinLength = 10;
    public const int MessageMaxLength = 1000;
    public const int MaxPatents = 5;
    public const int NoteMaxLength = 500;

    // For EF Core.
    private DemandProposal()
    {
        Message = string.Empty;
        PatentIds = [];
    }

    /// <param name="patentIds">Patents of <paramref name="holderOrganisationId"/> with a published listing; the caller
    /// checks ownership and listing, which the aggregate cannot see.</param>
    public DemandProposal(Guid demandId, Guid holderOrganisationId, Guid proposedByUserId, string message, IReadOnlyCollection<Guid> patentIds, DateTimeOffset now)
        : this()
    {
        var distinct = patentIds.Distinct().ToArray();
        if (distinct.Length == 0)
        {
            throw new DomainRuleException("Proposal_PatentRequired");
        }

        if (distinct.Length > MaxPatents)
        {
            throw new DomainRuleException("Proposal_TooManyPatents");
        }

        Id = Guid.CreateVersion7(now);
        DemandId = demandId;
        HolderOrganisationId = holderOrganisationId;
        ProposedByUserId = proposedByUserId;
        Message = CheckedText(message, MessageMinLength, MessageMaxLength, "Proposal_Message");
        PatentIds = distinct;
        Status = ProposalStatus.Pending;
        CreatedAt = now;
        UpdatedAt = now;
        AuditAction = AuditActions.ProposalCreated;
    }

    public Guid Id { get; private set; }
    public Guid DemandId { get; private set; }
    public Guid HolderOrganisationId { get; private set; }
    public Guid ProposedByUserId { get; private set; }
    public string Message { get; private set; }
    public Guid[] PatentIds { get; private set; }
    public ProposalStatus Status { get; private set; }
    public ProposalDeclineReason? DeclineReason { get; private set; }

    /// <summary>The SME's words when declining (required for <see cref="ProposalDeclineReason.Other"/>).</summary>
    public string? DeclineNote { get; private set; }

    public Guid? DecidedByUserId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public uint Version { get; private set; }
    public string? AuditAction { get; set; }

    Guid? IAuditable.AuditOrganisationId => HolderOrganisationId;

    public bool IsPending => Status == ProposalStatus.Pending;

    /// <summary>The rule code a message breaks, or null: lets a form report it next to the other fields.</summary>
    public static string? MessageError(string? message) => TextError(message, MessageMinLength, MessageMaxLength, "Proposal_Message");

    /// <summary>
    /// The SME takes the proposal up: the proposal is accepted and a deal request for its patents is recorded
    /// between the two organisations (the deals issue turns it into a negotiation and a contract).
    /// </summary>
    public DealRequest Accept(Guid smeOrganisationId, Guid userId, DateTimeOffset now)
    {
        RequirePending();
        Status = ProposalStatus.Accepted;
        DecidedByUserId = userId;
        DecidedAt = now;
        UpdatedAt = now;
        AuditAction = AuditActions.ProposalAccepted;
        return DealRequest.FromProposal(this, smeOrganisationId, userId, now);
    }

    public void Decline(ProposalDeclineReason reason, string? note, Guid userId, DateTimeOffset now)
    {
        RequirePending();
        if (!Enum.IsDefined(reason))
        {
            throw new DomainRuleException("Proposal_DeclineReasonRequired");
        }

        var text = Text.NormaliseInput(note);
        if (reason == ProposalDeclineReason.Other && text.Length == 0)
        {
            throw new DomainRuleException("Proposal_DeclineNoteRequired");
        }

        DeclineReason = reason;
        DeclineNote = text.Length == 0 ? null : CheckedText(text, 1, NoteMaxLength, "Proposal_DeclineNote");
        Status = ProposalStatus.Declined;
        DecidedByUserId = userId;
        DecidedAt = now;
        UpdatedAt = now;
        AuditAction = AuditActions.ProposalDeclined;
    }

    /// <summary>The holder takes a pending proposal back (a patent was sold meanwhile, say).</summary>
    public void Withdraw(Guid userId, DateTimeOffset now)
    {
        RequirePending();
        Status = ProposalStatus.Withdrawn;
        DecidedByUserId = userId;
        DecidedAt = now;
        UpdatedAt = now;
        AuditAction = AuditActions.ProposalWithdrawn;
    }

    /// <summary>The text trimmed; a broken rule (see <see cref="TextError"/>) is thrown.</summary>
    internal static string CheckedText(string? value, int minLength, int maxLength, string codePrefix) =>
        TextError(value, minLength, maxLength, codePrefix) is { } code ? throw new DomainRuleException(code) : Text.NormaliseInput(value);

    /// <summary>The rule a text breaks: "{prefix}Required", "{prefix}Markup", "{prefix}TooShort", "{prefix}TooLong"; null when none.</summary>
    private static string? TextError(string? value, int minLength, int maxLength, string codePrefix)
    {
        var text = Text.NormaliseInput(value);
        if (text.Length == 0)
        {
            return codePrefix + "Required";
        }

        if (Text.ContainsMarkup(text))
        {
            return codePrefix + "Markup";
        }

        var length = Text.DisplayLength(text);
        return length < minLength ? codePrefix + "TooShort" : length > maxLength ? codePrefix + "TooLong" : null;
    }

    private void RequirePending()
    {
        if (Status != ProposalStatus.Pending)
        {
            throw new DomainRuleException("Proposal_NotPending");
        }
    }
}
