namespace PatentTransfer.Domain.Auditing;

public enum AuditCategory
{
    Security,
    Business,
}

/// <summary>
/// One row of the append-only audit trail. The database refuses UPDATE, DELETE and TRUNCATE on this table for
/// every role (a trigger) and the application's role has only SELECT and INSERT on it.
/// </summary>
public sealed class AuditEntry
{
    public const int SummaryMaxLength = 8000;

    private AuditEntry()
    {
        Action = string.Empty;
        ActorName = string.Empty;
    }

    public AuditEntry(
        DateTimeOffset occurredAt,
        AuditCategory category,
        string action,
        Guid? actorUserId,
        string actorName,
        string? recordType,
        string? recordId,
        string? summary,
        Guid? organisationId = null,
        string? cityCode = null)
    {
        OccurredAt = occurredAt;
        Category = category;
        Action = action;
        ActorUserId = actorUserId;
        ActorName = actorName;
        RecordType = recordType;
        RecordId = recordId;
        Summary = summary is { Length: > SummaryMaxLength } ? summary[..SummaryMaxLength] : summary;
        OrganisationId = organisationId;
        CityCode = cityCode;
    }

    public long Id { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public AuditCategory Category { get; private set; }

    /// <summary>Dotted action name, e.g. "auth.login.failed" or "organisation.verified".</summary>
    public string Action { get; private set; }

    public Guid? ActorUserId { get; private set; }

    /// <summary>Display name of the actor at the time ("system" for background work, "anonymous").</summary>
    public string ActorName { get; private set; }

    public string? RecordType { get; private set; }
    public string? RecordId { get; private set; }

    /// <summary>Before/after summary of what changed (JSON for record changes, a short note for security events).</summary>
    public string? Summary { get; private set; }

    /// <summary>The organisation the record belongs to, for filtering.</summary>
    public Guid? OrganisationId { get; private set; }

    /// <summary>City-level region the record belongs to, for filtering.</summary>
    public string? CityCode { get; private set; }
}
