using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatentTransfer.Domain.Demands;
using PatentTransfer.Infrastructure.Auditing;
using PatentTransfer.Infrastructure.Data;
using PatentTransfer.Web.Localization;

namespace PatentTransfer.Web.Features.Demands;

public sealed class DemandExpiryOptions
{
    public const string Section = "DemandExpiry";

    /// <summary>How often published demands past their last day are marked expired.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// Marks published demands whose last day of validity has passed as expired, one demand at a time, each with its
/// audit entry ("demand.expired", by system). Reads never wait for it (they treat such demands as expired already,
/// <see cref="Demand.IsExpired"/>); the sweep makes the stored status, the audit trail and later statistics agree.
/// </summary>
public sealed class DemandExpiry(IDbContextFactory<PortalDbContext> contextFactory, TimeProvider timeProvider)
{
    /// <summary>Expires every demand that is due on today's Asia/Shanghai date; returns how many were expired.</summary>
    public async Task<int> ExpireDueAsync(CancellationToken cancellationToken)
    {
        var today = PortalTime.Today(timeProvider);
        List<Guid> due;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            due = await db.Demands.AsNoTracking()
                .Where(d => d.Status == DemandStatus.Published && d.ValidUntil < today)
                .OrderBy(d => d.ValidUntil)
                .Select(d => d.Id)
                .ToListAsync(cancellationToken);
        }

        var expired = 0;
        foreach (var id in due)
        {
            // A context per demand: an SME renewing or closing it meanwhile wins, and the others still expire.
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var demand = await db.Demands.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
            if (demand is null || !demand.ExpireIfDue(today, timeProvider.GetUtcNow()))
            {
                continue;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                expired++;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Changed by its SME since it was read; the next sweep looks at it again if it is still due.
            }
        }

        return expired;
    }
}

/// <summary>
/// Runs <see cref="DemandExpiry"/> at start-up and then every <see cref="DemandExpiryOptions.SweepInterval"/>, on the
/// portal's clock (docs/decisions/0012-technology-demands.md). A failed sweep is logged and retried at the next tick.
/// </summary>
public sealed class DemandExpiryWorker(
    IServiceScopeFactory scopeFactory,
    TimeProvider timeProvider,
    IOptions<DemandExpiryOptions> options,
    ILogger<DemandExpiryWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, timeProvider);
        do
        {
            try
            {
                await using var scope = scopeFactory.CreateAsyncScope();
                var services = scope.ServiceProvider;
                using (services.GetRequiredService<ICurrentActor>().ActAs(Actor.System))
                {
                    var expired = await services.GetRequiredService<DemandExpiry>().ExpireDueAsync(stoppingToken);
                    if (expired > 0)
                    {
                        logger.LogInformation("Demand expiry: {Count} demand(s) past their validity marked expired", expired);
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Demand expiry sweep failed; retrying at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
