using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PatentTransfer.Domain.Auditing;

namespace PatentTransfer.Infrastructure.Auditing;

/// <summary>
/// Writes an audit entry for every added, modified or deleted <see cref="IAuditable"/> record, in the same
/// transaction as the change, so a state change can never be saved without its trail.
/// </summary>
public sealed class AuditSaveChangesInterceptor(ICurrentActor currentActor, TimeProvider timeProvider) : SaveChangesInterceptor
{
    private const int SummaryTextLength = 120;

    private static readonly JsonSerializerOptions SummaryJson = new()
    {
        // Keep Chinese text readable in the stored summary; the UI encodes it on output.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        eventData.Context is not null && HasAuditableChanges(eventData.Context)
            ? throw new InvalidOperationException("Auditable records must be saved with SaveChangesAsync.")
            : result;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && HasAuditableChanges(context))
        {
            var actor = await currentActor.GetAsync(cancellationToken);
            var now = timeProvider.GetUtcNow();
            foreach (var entry in context.ChangeTracker.Entries<IAuditable>().ToList())
            {
                if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                {
                    context.Add(CreateEntry(entry, actor, now));
                    entry.Entity.AuditAction = null;
                }
            }
        }

        return result;
    }

    private static bool HasAuditableChanges(DbContext context) =>
        context.ChangeTracker.Entries<IAuditable>().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);

    private static AuditEntry CreateEntry(EntityEntry<IAuditable> entry, Actor actor, DateTimeOffset now)
    {
        var type = entry.Metadata.ClrType.Name;
        var action = entry.Entity.AuditAction ?? $"{type.ToLowerInvariant()}.{entry.State.ToString().ToLowerInvariant()}";
        var key = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue));
        return new AuditEntry(now, AuditCategory.Business, action, actor.UserId, actor.Name, type, key, Summarise(entry),
            entry.Entity.AuditOrganisationId);
    }

    /// <summary>
    /// Added: the values stored. Deleted: the values removed. Modified: {"Property": {"before": x, "after": y}}
    /// for each property whose value really changed. Provider values are used, so enums read as names.
    /// </summary>
    private static string Summarise(EntityEntry entry)
    {
        var summary = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            var metadata = property.Metadata;
            if (metadata.IsConcurrencyToken || metadata.IsShadowProperty())
            {
                continue;
            }

            var converter = metadata.GetTypeMapping().Converter;
            object? Provider(object? value) => Shorten(value is null || converter is null ? value : converter.ConvertToProvider(value));

            switch (entry.State)
            {
                case EntityState.Added:
                    summary[metadata.Name] = Provider(property.CurrentValue);
                    break;
                case EntityState.Deleted:
                    summary[metadata.Name] = Provider(property.OriginalValue);
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    summary[metadata.Name] = new { before = Provider(property.OriginalValue), after = Provider(property.CurrentValue) };
                    break;
            }
        }

        return JsonSerializer.Serialize(summary, SummaryJson);
    }

    /// <summary>Long texts (abstracts, claims) are summarised by their opening and length: the record keeps the whole.</summary>
    private static object? Shorten(object? value) =>
        value is string { Length: > SummaryTextLength } text ? $"{text[..SummaryTextLength]}…（共 {text.Length} 字）" : value;
}
