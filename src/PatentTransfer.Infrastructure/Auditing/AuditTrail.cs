using Microsoft.EntityFrameworkCore;
using PatentTransfer.Domain.Auditing;
using PatentTransfer.Infrastructure.Data;

namespace PatentTransfer.Infrastructure.Auditing;

/// <summary>Records security events (log-ins, lockouts, password and role changes) that are not record changes.</summary>
public interface IAuditTrail
{
    Task RecordSecurityEventAsync(string action, Actor actor, string? recordType, string? recordId, string? summary,
        Guid? organisationId = null, CancellationToken cancellationToken = default);
}

public sealed class AuditTrail(IDbContextFactory<PortalDbContext> contextFactory, TimeProvider timeProvider) : IAuditTrail
{
    public async Task RecordSecurityEventAsync(string action, Actor actor, string? recordType, string? recordId, string? summary,
        Guid? organisationId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.AuditEntries.Add(new AuditEntry(timeProvider.GetUtcNow(), AuditCategory.Security, action, actor.UserId, actor.Name,
            recordType, recordId, summary, organisationId ?? actor.OrganisationId));
        await db.SaveChangesAsync(cancellationToken);
    }
}
