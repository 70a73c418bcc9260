namespace PatentTransfer.Domain.Auditing;

/// <summary>
/// A business record whose every state change is written to the audit trail. Domain methods set
/// <see cref="AuditAction"/> to say what happened ("organisation.verified"); the persistence layer writes the
/// entry with a before/after summary in the same transaction and clears it.
/// </summary>
public interface IAuditable
{
    string? AuditAction { get; set; }

    /// <summary>The organisation the record belongs to, so its history can be filtered by organisation.</summary>
    Guid? AuditOrganisationId { get; }
}
