using PatentTransfer.Domain.Auditing;
using PatentTransfer.Domain.Common;

namespace PatentTransfer.Domain.Demands;

public enum DemandFollowUpKind
{
    Visit,
    Call,
    Event,
    Note,
}

/// <summary>
/// One entry of a demand's follow-up log: a visit, call, matchmaking event or note by city or provincial staff or
/// by the SME itself. The log is append-only (the database refuses changes and deletions): it is the record of
/// how the platform served the SME, which the plan's figures rely on.
/// </summary>
public sealed class DemandFollowUp : IAuditable
{
    public const int TextMaxLength = 2_000;
    public const int AuthorNameMaxLength = 120;

    /// <summary>How far back an entry may be dated: contacts are logged when they happen, not reconstructed years later.</summary>
    public const int MaxDaysBack = 365;

    // For EF Core.
    private DemandFollowUp()
    {
        AuthorName = string.Empty;
        Text = string.Empty;
    }

    public DemandFollowUp(Demand demand, Guid authorUserId, string authorName, DemandFollowUpKind kind, DateOnly date, string text,
        DateOnly today, DateTimeOffset now)
        : this()
    {
        if (Validate(kind, date, text, today) is [var first, ..])
        {
            throw new DomainRuleException("DemandFollowUp_" + first.Code, first.Field);
        }

        Id = Guid.CreateVersion7(now);
        DemandId = demand.Id;
        SmeOrganisationId = demand.SmeOrganisationId;
        AuthorUserId = authorUserId;
        var name = Common.Text.NormaliseInput(authorName);
        AuthorName = name.Length > AuthorNameMaxLength ? name[..AuthorNameMaxLength] : name;
        Kind = kind;
        Date = date;
        Text = DemandDetails.Paragraphs(text)!;
        CreatedAt = now;
        AuditAction = AuditActions.DemandFollowUpAdded;
    }

    public Guid Id { get; private set; }
    public Guid DemandId { get; private set; }

    /// <summary>The demand's SME, kept on the entry so the audit trail and scoped queries need no join.</summary>
    public Guid SmeOrganisationId { get; private set; }

    public Guid AuthorUserId { get; private set; }

    /// <summary>The author's name when the entry was written; the log reads the same after a rename.</summary>
    public string AuthorName { get; private set; }

    public DemandFollowUpKind Kind { get; private set; }

    /// <summary>The day the contact took place (Asia/Shanghai date).</summary>
    public DateOnly Date { get; private set; }

    public string Text { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string? AuditAction { get; set; }

    Guid? IAuditable.AuditOrganisationId => SmeOrganisationId;

    /// <summary>Every broken rule as (field, code): a kind, a date within the last year and not in the future, a plain text.</summary>
    public static IReadOnlyList<DemandRuleError> Validate(DemandFollowUpKind kind, DateOnly date, string? text, DateOnly today)
    {
        var errors = new List<DemandRuleError>();
        if (!Enum.IsDefined(kind))
        {
            errors.Add(new(nameof(Kind), "KindRequired"));
        }

        if (date > today)
        {
            errors.Add(new(nameof(Date), "DateInFuture"));
        }
        else if (date < today.AddDays(-MaxDaysBack))
        {
            errors.Add(new(nameof(Date), "DateTooOld"));
        }

        var value = DemandDetails.Paragraphs(text);
        if (value is null)
        {
            errors.Add(new(nameof(Text), "TextRequired"));
        }
        else if (Common.Text.ContainsHtml(value))
        {
            errors.Add(new(nameof(Text), "Markup"));
        }
        else if (Common.Text.DisplayLength(value) > TextMaxLength)
        {
            errors.Add(new(nameof(Text), "TextTooLong"));
        }

        return errors;
    }
}
