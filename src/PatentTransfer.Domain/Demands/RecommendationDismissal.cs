using PatentTransfer.Domain.Auditing;
using PatentTransfer.Domain.Common;

namespace PatentTransfer.Domain.Demands;

/// <summary>
/// Why an SME set a recommended patent aside. These are the reasons CNIPA found buyers turn technologies down for
/// (docs/DOMAIN.md §1); holders see them counted per patent, never who gave them.
/// </summary>
public enum DismissalReason
{
    /// <summary>时机尚早: the technology is too early for the SME's product or market.</summary>
    TooEarly,

    /// <summary>效益不明确: the benefit for the SME is unclear.</summary>
    UnclearBenefit,

    TooExpensive,

    /// <summary>领域不符: the patent is about something else.</summary>
    WrongField,

    /// <summary>Needs a note.</summary>
    Other,
}

/// <summary>
/// An SME's "not for us" on a patent recommended for one of its demands: the patent leaves that demand's
/// recommendations for good (one dismissal per demand and patent), and the reason is counted in the feedback its holder
/// sees. The record names the SME and the demand for the audit trail and for staff; holders only ever get counts.
/// </summary>
public sealed class RecommendationDismissal : IAuditable
{
    public const int NoteMaxLength = 500;

    // For EF Core.
    private RecommendationDismissal()
    {
    }

    /// <param name="smeOrganisationId">The SME that owns <paramref name="demandId"/>; the caller checks that the user is one of its users.</param>
    public RecommendationDismissal(
        Guid demandId, Guid patentId, Guid smeOrganisationId, DismissalReason reason, string? note, Guid userId, DateTimeOffset now)
    {
        if (ReasonError(reason, note) is { } code)
        {
            throw new DomainRuleException(code);
        }

        Id = Guid.CreateVersion7(now);
        DemandId = demandId;
        PatentId = patentId;
        SmeOrganisationId = smeOrganisationId;
        Reason = reason;
        Note = Text.NormaliseInput(note) is { Length: > 0 } text ? text : null;
        DismissedByUserId = userId;
        DismissedAt = now;
        AuditAction = AuditActions.RecommendationDismissed;
    }

    public Guid Id { get; private set; }
    public Guid DemandId { get; private set; }
    public Guid PatentId { get; private set; }
    public Guid SmeOrganisationId { get; private set; }
    public DismissalReason Reason { get; private set; }

    /// <summary>The SME's words (required for <see cref="DismissalReason.Other"/>); staff may read them, holders never do.</summary>
    public string? Note { get; private set; }

    public Guid DismissedByUserId { get; private set; }
    public DateTimeOffset DismissedAt { get; private set; }
    public string? AuditAction { get; set; }

    Guid? IAuditable.AuditOrganisationId => SmeOrganisationId;

    /// <summary>
    /// The rule a reason and note break ("Dismissal_ReasonRequired", "Dismissal_NoteRequired", "Dismissal_NoteMarkup",
    /// "Dismissal_NoteTooLong"), or null: lets a form report it before anything is written.
    /// </summary>
    public static string? ReasonError(DismissalReason? reason, string? note)
    {
        if (reason is not { } chosen || !Enum.IsDefined(chosen))
        {
            return "Dismissal_ReasonRequired";
        }

        var text = Text.NormaliseInput(note);
        if (text.Length == 0)
        {
            return chosen == DismissalReason.Other ? "Dismissal_NoteRequired" : null;
        }

        return Text.ContainsMarkup(text) ? "Dismissal_NoteMarkup"
            : Text.DisplayLength(text) > NoteMaxLength ? "Dismissal_NoteTooLong"
            : null;
    }
}
