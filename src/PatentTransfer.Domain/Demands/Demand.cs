using PatentTransfer.Domain.Auditing;
using PatentTransfer.Domain.Common;

namespace PatentTransfer.Domain.Demands;

public enum DemandStatus
{
    Draft,
    Submitted,
    Returned,
    Published,
    Expired,
    Closed,
}

public enum DemandCloseReason
{
    SolvedHere,
    SolvedElsewhere,
    GaveUp,
    Other,
}

/// <summary>
/// A technology demand of an SME (docs/DOMAIN.md §5). Draft → submitted → published after review by staff of the
/// SME's city, or returned with a reason the SME sees, edited and submitted again. A published demand expires after
/// its last day of validity; the SME renews it (published or expired, back to published, without a new review:
/// only its dates change, docs/decisions/0012-technology-demands.md) or closes it with a reason. A demand that was
/// never published is withdrawn instead. Every step is audited.
/// </summary>
public sealed class Demand : IAuditable, IVersioned
{
    public const int ReasonMaxLength = 500;
    public const int CloseNoteMaxLength = 500;

    // For EF Core.
    private Demand()
    {
        Title = string.Empty;
        IndustryCode = string.Empty;
        Description = string.Empty;
        ContactName = string.Empty;
        ContactPhone = string.Empty;
        Keywords = [];
        Targets = [];
        PaymentPreferences = [];
        Modes = [];
    }

    /// <param name="isDemo">Demonstration data: the hall marks it so.</param>
    /// <param name="source">Where the text comes from when it is third-party data, named on the demand's page.</param>
    public Demand(
        Guid smeOrganisationId, Guid createdByUserId, DemandDetails details, DateOnly today, DateTimeOffset now, bool isDemo = false, string? source = null)
        : this()
    {
        Id = Guid.CreateVersion7(now);
        SmeOrganisationId = smeOrganisationId;
        CreatedByUserId = createdByUserId;
        CreatedAt = now;
        IsDemo = isDemo;
        Source = source;
        Status = DemandStatus.Draft;
        Apply(details, today, now);
        AuditAction = AuditActions.DemandCreated;
    }

    public Guid Id { get; private set; }
    public Guid SmeOrganisationId { get; private set; }
    public Guid CreatedByUserId { get; private set; }
    public string Title { get; private set; }
    public DemandType Type { get; private set; }
    public string IndustryCode { get; private set; }

    /// <summary>An IPC symbol the SME thinks the technology falls under ("C22C" or "C22C38/04"), checked against the IPC table.</summary>
    public string? IpcHint { get; private set; }

    public string[] Keywords { get; private set; }
    public string Description { get; private set; }
    public DemandTarget[] Targets { get; private set; }

    /// <summary>Equipment, team and earlier work the SME brings.</summary>
    public string? ExistingBasis { get; private set; }

    /// <summary>The product or scene the technology is for.</summary>
    public string? TargetScene { get; private set; }

    public bool BudgetNegotiable { get; private set; }

    /// <summary>万元, 2 decimals.</summary>
    public decimal? BudgetMinWan { get; private set; }

    /// <summary>万元, 2 decimals.</summary>
    public decimal? BudgetMaxWan { get; private set; }

    public PaymentPreference[] PaymentPreferences { get; private set; }
    public DemandMode[] Modes { get; private set; }
    public DateOnly? ExpectedCompletion { get; private set; }

    /// <summary>The last day the demand is shown (Asia/Shanghai date); it expires the day after.</summary>
    public DateOnly ValidUntil { get; private set; }

    public DemandConfidentiality Confidentiality { get; private set; }
    public string ContactName { get; private set; }
    public string ContactPhone { get; private set; }
    public string? ContactEmail { get; private set; }
    public DemandStatus Status { get; private set; }

    /// <summary>Demonstration data (a real text under a demo SME, say); shown as such.</summary>
    public bool IsDemo { get; private set; }

    /// <summary>Where the text comes from when it is third-party data; shown with the demand.</summary>
    public string? Source { get; private set; }

    public string? ReturnReason { get; private set; }
    public DemandCloseReason? CloseReason { get; private set; }
    public string? CloseNote { get; private set; }
    public Guid? ReviewedByUserId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public DateTimeOffset? ReturnedAt { get; private set; }

    /// <summary>When staff first published it; a renewal does not move it (see <see cref="RenewedAt"/>).</summary>
    public DateTimeOffset? PublishedAt { get; private set; }

    public DateTimeOffset? RenewedAt { get; private set; }
    public DateTimeOffset? ExpiredAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public uint Version { get; private set; }
    public string? AuditAction { get; set; }

    Guid? IAuditable.AuditOrganisationId => SmeOrganisationId;

    public bool IsEditable => Status is DemandStatus.Draft or DemandStatus.Returned;

    /// <summary>
    /// Posted on another platform and shown here as written there (the source is named): its text keeps its form, so
    /// the rules that make an SME posting here describe its need fully do not apply (<see cref="DemandDetails.Validate"/>).
    /// </summary>
    public bool IsCarriedOver => Source is not null;

    public bool IsRenewable => Status is DemandStatus.Published or DemandStatus.Expired;

    /// <summary>Closing applies to a demand that has been public; one that never was is withdrawn.</summary>
    public bool IsClosable => Status is DemandStatus.Published or DemandStatus.Expired;

    public bool IsWithdrawable => Status is DemandStatus.Draft or DemandStatus.Submitted or DemandStatus.Returned;

    public DemandDetails CurrentDetails => new(
        Title, Type, IndustryCode, IpcHint, Keywords, Description, Targets, ExistingBasis, TargetScene,
        new DemandBudget(BudgetNegotiable, BudgetMinWan, BudgetMaxWan), PaymentPreferences, Modes, ExpectedCompletion, ValidUntil,
        Confidentiality, new DemandContact(ContactName, ContactPhone, ContactEmail));

    /// <summary>
    /// Expired on <paramref name="today"/>: marked so, or published with its last day of validity behind it and not
    /// yet marked by the expiry sweep. Reads use this so a demand never shows as published past its validity.
    /// </summary>
    public bool IsExpired(DateOnly today) => Status == DemandStatus.Expired || (Status == DemandStatus.Published && today > ValidUntil);

    /// <summary>Marks a published demand whose validity has run out as expired; false when it is not due.</summary>
    public bool ExpireIfDue(DateOnly today, DateTimeOffset now)
    {
        if (Status != DemandStatus.Published || today <= ValidUntil)
        {
            return false;
        }

        Status = DemandStatus.Expired;
        ExpiredAt = now;
        UpdatedAt = now;
        AuditAction = AuditActions.DemandExpired;
        return true;
    }

    public void Edit(DemandDetails details, DateOnly today, DateTimeOffset now)
    {
        if (!IsEditable)
        {
            throw new DomainRuleException("Demand_NotEditable");
        }

        // A returned demand stays returned while the SME corrects it, so the reason stays in view until resubmission.
        Apply(details, today, now);
        AuditAction = AuditActions.DemandEdited;
    }

    public void Submit(bool smeMayPublish, DateOnly today, DateTimeOffset now)
    {
        if (!smeMayPublish)
        {
            throw new DomainRuleException("Demand_SmeNotVerified");
        }

        if (!IsEditable)
        {
            throw new DomainRuleException("Demand_NotSubmittable");
        }

        // A draft saved weeks ago may have dates that have passed since: submit only what holds today.
        if (CurrentDetails.Validate(today, IsCarriedOver) is [var first, ..])
        {
            throw new DomainRuleException("Demand_" + first.Code, first.Field);
        }

        Status = DemandStatus.Submitted;
        SubmittedAt = now;
        ReturnReason = null;
        ReturnedAt = null;
        UpdatedAt = now;
        AuditAction = AuditActions.DemandSubmitted;
    }

    public void Approve(Guid reviewerId, DateOnly today, DateTimeOffset now)
    {
        EnsureSubmitted();

        // The dates may have passed while the demand waited for review: publish only a demand valid from today.
        if (DemandDetails.DateErrors(ExpectedCompletion, ValidUntil, today).FirstOrDefault() is { } error)
        {
            throw new DomainRuleException("Demand_" + error.Code, error.Field);
        }

        Status = DemandStatus.Published;
        ReviewedByUserId = reviewerId;
        ReviewedAt = now;
        PublishedAt ??= now;
        UpdatedAt = now;
        AuditAction = AuditActions.DemandPublished;
    }

    public void Return(Guid reviewerId, string reason, DateTimeOffset now)
    {
        EnsureSubmitted();
        var text = Text.NormaliseInput(reason);
        if (text.Length == 0)
        {
            throw new DomainRuleException("Demand_ReasonRequired");
        }

        if (Text.DisplayLength(text) > ReasonMaxLength || Text.ContainsMarkup(text))
        {
            throw new DomainRuleException("Demand_ReasonInvalid");
        }

        Status = DemandStatus.Returned;
        ReturnReason = text;
        ReturnedAt = now;
        ReviewedByUserId = reviewerId;
        ReviewedAt = now;
        UpdatedAt = now;
        AuditAction = AuditActions.DemandReturned;
    }

    /// <summary>
    /// Extends the validity of a published or expired demand and publishes it again. Only the dates change, so the
    /// reviewed content stays as approved and no new review is needed; the organisation must still be verified.
    /// </summary>
    public void Renew(DateOnly validUntil, DateOnly? expectedCompletion, bool smeMayPublish, DateOnly today, DateTimeOffset now)
    {
        if (!smeMayPublish)
        {
            throw new DomainRuleException("Demand_SmeNotVerified");
        }

        if (!IsRenewable)
        {
            throw new DomainRuleException("Demand_NotRenewable");
        }

        var completion = expectedCompletion ?? ExpectedCompletion;
        if (DemandDetails.DateErrors(completion, validUntil, today).FirstOrDefault() is { } error)
        {
            throw new DomainRuleException("Demand_" + error.Code, error.Field);
        }

        if (validUntil <= ValidUntil)
        {
            throw new DomainRuleException("Demand_RenewalMustExtend", nameof(ValidUntil));
        }

        ValidUntil = validUntil;
        ExpectedCompletion = completion;
        Status = DemandStatus.Published;
        RenewedAt = now;
        ExpiredAt = null;
        UpdatedAt = now;
        AuditAction = AuditActions.DemandRenewed;
    }

    /// <summary>Ends a published or expired demand; the reason feeds the plan's figures (solved here counts as served).</summary>
    public void Close(DemandCloseReason reason, string? note, DateTimeOffset now)
    {
        if (!IsClosable)
        {
            throw new DomainRuleException("Demand_NotClosable");
        }

        End(reason, note, now);
        AuditAction = AuditActions.DemandClosed;
    }

    /// <summary>Ends a demand that was never published (draft, awaiting review, returned). It cannot have been solved here.</summary>
    public void Withdraw(DemandCloseReason reason, string? note, DateTimeOffset now)
    {
        if (!IsWithdrawable)
        {
            throw new DomainRuleException("Demand_NotWithdrawable");
        }

        if (reason == DemandCloseReason.SolvedHere)
        {
            throw new DomainRuleException("Demand_WithdrawnNotSolvedHere", nameof(CloseReason));
        }

        End(reason, note, now);
        AuditAction = AuditActions.DemandWithdrawn;
    }

    private void End(DemandCloseReason reason, string? note, DateTimeOffset now)
    {
        if (!Enum.IsDefined(reason))
        {
            throw new DomainRuleException("Demand_CloseReasonRequired", nameof(CloseReason));
        }

        var text = Text.NormaliseInput(note);
        if (reason == DemandCloseReason.Other && text.Length == 0)
        {
            throw new DomainRuleException("Demand_CloseNoteRequired", nameof(CloseNote));
        }

        if (Text.DisplayLength(text) > CloseNoteMaxLength || Text.ContainsMarkup(text))
        {
            throw new DomainRuleException("Demand_CloseNoteInvalid", nameof(CloseNote));
        }

        Status = DemandStatus.Closed;
        CloseReason = reason;
        CloseNote = text.Length == 0 ? null : text;
        ClosedAt = now;
        UpdatedAt = now;
    }

    private void EnsureSubmitted()
    {
        if (Status != DemandStatus.Submitted)
        {
            throw new DomainRuleException("Demand_NotSubmitted");
        }
    }

    private void Apply(DemandDetails details, DateOnly today, DateTimeOffset now)
    {
        if (details.Validate(today, IsCarriedOver) is [var first, ..])
        {
            throw new DomainRuleException("Demand_" + first.Code, first.Field);
        }

        Title = Text.NormaliseInput(details.Title);
        Type = details.Type;
        IndustryCode = details.IndustryCode!.Trim();
        IpcHint = DemandDetails.TryNormaliseIpcHint(details.IpcHint, out var ipc) ? ipc : null;
        Keywords = details.Keywords.Select(k => Text.NormaliseInput(k)).Distinct(StringComparer.Ordinal).ToArray();
        Description = DemandDetails.Paragraphs(details.Description)!;
        Targets = details.Targets.Select(t => new DemandTarget(
            Text.NormaliseInput(t.Indicator),
            t.Comparator,
            t.Value,
            t.Comparator == TargetComparator.Between ? t.UpperValue : null,
            Text.NormaliseInput(t.Unit) is { Length: > 0 } unit ? unit : null)).ToArray();
        ExistingBasis = DemandDetails.Paragraphs(details.ExistingBasis);
        TargetScene = DemandDetails.Paragraphs(details.TargetScene);
        BudgetNegotiable = details.Budget.Negotiable;
        BudgetMinWan = details.Budget.Negotiable ? null : details.Budget.MinWan;
        BudgetMaxWan = details.Budget.Negotiable ? null : details.Budget.MaxWan;
        PaymentPreferences = [.. details.PaymentPreferences.Distinct().Order()];
        Modes = [.. details.Modes.Distinct().Order()];
        ExpectedCompletion = details.ExpectedCompletion;
        ValidUntil = details.ValidUntil!.Value;
        Confidentiality = details.Confidentiality;
        ContactName = Text.NormaliseInput(details.Contact.Name);
        ContactPhone = ContactRules.TryNormalisePhone(details.Contact.Phone, out var phone) ? phone : details.Contact.Phone;
        ContactEmail = Text.NormaliseInput(details.Contact.Email) is { Length: > 0 } email ? email : null;
        UpdatedAt = now;
    }
}
