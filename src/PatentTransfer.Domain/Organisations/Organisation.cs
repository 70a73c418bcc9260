using PatentTransfer.Domain.Auditing;
using PatentTransfer.Domain.Common;

namespace PatentTransfer.Domain.Organisations;

/// <summary>
/// A registered organisation. It is pending until staff of its city verify it; until then its users may browse
/// but not publish. A rejected organisation sees the reason, corrects its details and submits again.
/// </summary>
public sealed class Organisation : IAuditable, IVersioned
{
    public const int NameMaxLength = 100;
    public const int ReasonMaxLength = 500;

    // For EF Core.
    private Organisation()
    {
        Name = string.Empty;
        RegionCode = string.Empty;
    }

    public Organisation(
        string name,
        OrganisationType type,
        EnterpriseSize? size,
        CreditCode creditCode,
        string regionCode,
        string? industryCode,
        DateTimeOffset now,
        bool isDemo = false)
    {
        Id = Guid.CreateVersion7(now);
        CreditCode = creditCode;
        CreatedAt = now;
        IsDemo = isDemo;
        Name = string.Empty;
        RegionCode = string.Empty;
        SetDetails(name, type, size, regionCode, industryCode);
        Status = OrganisationStatus.Pending;
        SubmittedAt = now;
        AuditAction = AuditActions.OrganisationSubmitted;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public OrganisationType Type { get; private set; }
    public EnterpriseSize? Size { get; private set; }
    public CreditCode CreditCode { get; private set; }

    /// <summary>County-level region (or a city-level unit without counties, such as 定州).</summary>
    public string RegionCode { get; private set; }

    public string? IndustryCode { get; private set; }
    public OrganisationStatus Status { get; private set; }
    public string? RejectionReason { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public Guid? ReviewedByUserId { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Generated for demonstrations; the UI marks it so nobody mistakes it for a real organisation.</summary>
    public bool IsDemo { get; private set; }

    /// <summary>Concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; private set; }

    public string? AuditAction { get; set; }

    Guid? IAuditable.AuditOrganisationId => Id;

    public bool IsSme => Type == OrganisationType.PrivateEnterprise && Size is EnterpriseSize.Micro or EnterpriseSize.Small or EnterpriseSize.Medium;

    public bool CanPublish => Status == OrganisationStatus.Verified;

    public void Verify(Guid reviewerId, DateTimeOffset now)
    {
        EnsurePending();
        Status = OrganisationStatus.Verified;
        RejectionReason = null;
        ReviewedByUserId = reviewerId;
        ReviewedAt = now;
        AuditAction = AuditActions.OrganisationVerified;
    }

    public void Reject(Guid reviewerId, string reason, DateTimeOffset now)
    {
        EnsurePending();
        reason = Text.NormaliseInput(reason);
        if (reason.Length == 0)
        {
            throw new DomainRuleException("Organisation.ReasonRequired");
        }

        if (Text.DisplayLength(reason) > ReasonMaxLength)
        {
            throw new DomainRuleException("Organisation.ReasonTooLong");
        }

        if (Text.ContainsMarkup(reason))
        {
            throw new DomainRuleException("Text.Markup");
        }

        Status = OrganisationStatus.Rejected;
        RejectionReason = reason;
        ReviewedByUserId = reviewerId;
        ReviewedAt = now;
        AuditAction = AuditActions.OrganisationRejected;
    }

    /// <summary>
    /// The applicant corrects a rejected (or still pending) organisation. A verified organisation's details are
    /// frozen here because staff vouched for them; changing them needs a new review (a later feature).
    /// </summary>
    public void Correct(string name, OrganisationType type, EnterpriseSize? size, string regionCode, string? industryCode, DateTimeOffset now)
    {
        if (Status == OrganisationStatus.Verified)
        {
            throw new DomainRuleException("Organisation.VerifiedIsFrozen");
        }

        SetDetails(name, type, size, regionCode, industryCode);
        Status = OrganisationStatus.Pending;
        SubmittedAt = now;

        // A new submission awaits a new decision; the earlier one stays in the audit trail.
        RejectionReason = null;
        ReviewedByUserId = null;
        ReviewedAt = null;
        AuditAction = AuditActions.OrganisationResubmitted;
    }

    private void SetDetails(string name, OrganisationType type, EnterpriseSize? size, string regionCode, string? industryCode)
    {
        name = Text.NormaliseInput(name);
        if (name.Length < 2 || Text.DisplayLength(name) > NameMaxLength)
        {
            throw new DomainRuleException("Organisation.NameLength");
        }

        if (Text.ContainsMarkup(name))
        {
            throw new DomainRuleException("Text.Markup");
        }

        if (type.RequiresSize() != size.HasValue)
        {
            throw new DomainRuleException(type.RequiresSize() ? "Organisation.SizeRequired" : "Organisation.SizeNotApplicable");
        }

        if (string.IsNullOrWhiteSpace(regionCode))
        {
            throw new DomainRuleException("Organisation.RegionRequired");
        }

        Name = name;
        Type = type;
        Size = size;
        RegionCode = regionCode;
        IndustryCode = string.IsNullOrWhiteSpace(industryCode) ? null : industryCode;
    }

    private void EnsurePending()
    {
        if (Status != OrganisationStatus.Pending)
        {
            throw new DomainRuleException("Organisation.NotPending");
        }
    }
}
