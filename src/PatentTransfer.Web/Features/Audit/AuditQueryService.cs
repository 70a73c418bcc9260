using Microsoft.EntityFrameworkCore;
using PatentTransfer.Domain.Auditing;
using PatentTransfer.Domain.Common;
using PatentTransfer.Infrastructure.Data;
using PatentTransfer.Web.Infrastructure;
using PatentTransfer.Web.Localization;

namespace PatentTransfer.Web.Features.Audit;

public sealed record AuditQuery(
    DateOnly? From = null,
    DateOnly? To = null,
    AuditCategory? Category = null,
    string? Action = null,
    string? Actor = null,
    string? RecordType = null,
    string? RecordId = null,
    int Page = 0,
    int PageSize = 50);

public sealed record AuditRow(
    long Id,
    DateTimeOffset OccurredAt,
    AuditCategory Category,
    string Action,
    string ActorName,
    Guid? ActorUserId,
    string? RecordType,
    string? RecordId,
    string? Summary);

/// <summary>Search of the audit trail for provincial staff and administrators (the page checks the role too).</summary>
public sealed class AuditQueryService(IDbContextFactory<PortalDbContext> contextFactory)
{
    public async Task<Page<AuditRow>> SearchAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.AuditEntries.AsNoTracking();
        if (query.From is { } from)
        {
            var start = PortalTime.StartOfDay(from);
            rows = rows.Where(a => a.OccurredAt >= start);
        }

        if (query.To is { } to)
        {
            var end = PortalTime.StartOfDay(to.AddDays(1));
            rows = rows.Where(a => a.OccurredAt < end);
        }

        if (query.Category is { } category)
        {
            rows = rows.Where(a => a.Category == category);
        }

        if (Text.NormaliseInput(query.Action) is { Length: > 0 } action)
        {
            rows = rows.Where(a => a.Action == action);
        }

        if (Text.NormaliseInput(query.Actor) is { Length: > 0 } actor)
        {
            rows = rows.Where(a => EF.Functions.ILike(a.ActorName, SqlLike.Contains(actor), SqlLike.EscapeCharacter));
        }

        if (Text.NormaliseInput(query.RecordType) is { Length: > 0 } recordType)
        {
            rows = rows.Where(a => a.RecordType == recordType);
        }

        if (Text.NormaliseInput(query.RecordId) is { Length: > 0 } recordId)
        {
            rows = rows.Where(a => a.RecordId == recordId);
        }

        var total = await rows.CountAsync(cancellationToken);
        var items = await rows
            .OrderByDescending(a => a.Id)
            .Skip(Math.Max(0, query.Page) * query.PageSize)
            .Take(Math.Clamp(query.PageSize, 1, 200))
            .Select(a => new AuditRow(a.Id, a.OccurredAt, a.Category, a.Action, a.ActorName, a.ActorUserId, a.RecordType, a.RecordId, a.Summary))
            .ToListAsync(cancellationToken);
        return new Page<AuditRow>(items, total);
    }
}
