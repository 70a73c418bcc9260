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

/// <summary>
/// Writes through the scope's context when it is inside a transaction (so the event commits or rolls back
/// with the change it describes, e.g. a registration), otherwise through a short-lived context of its own.
/// </summary>
public sealed class AuditTrail(PortalDbContext scopedContext, IDbContextFactory<PortalDbContext> contextFactory, TimeProvider timeProvider) : IAuditTrail
{
    public async Task RecordSecurityEventAsync(string action, Actor actor, string? recordType, string? recordId, string? summary,
        Guid? organisationId = null, CancellationToken cancellationToken = default)
    {
        var entry = new AuditEntry(timeProvider.GetUtcNow(), AuditCategory.Security, action, actor.UserId, actor.Name,
            recordType, recordId, summary, organisationId ?? actor.OrganisationId);
        if (scopedContext.Database.CurrentTransaction is not null)
        {
            scopedContext.AuditEntries.Add(entry);
            await scopedContext.SaveChangesAsync(cancellationToken);
            return;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
    }
}
