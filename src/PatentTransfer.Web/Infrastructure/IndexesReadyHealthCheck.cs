using Microsoft.Extensions.Diagnostics.HealthChecks;
using PatentTransfer.Web.Features.DemandHall;
using PatentTransfer.Web.Features.Matching;
using PatentTransfer.Web.Features.Search;

namespace PatentTransfer.Web.Infrastructure;

/// <summary>
/// Readiness of the in-process indexes (search, demand hall, matching both ways): unhealthy until each has finished its
/// first build from the database. Until then searches wait or answer from an empty index, and the builds keep both
/// cores busy; a load balancer, or a browser test, should not send users before. Tagged "ready", so /healthz (alive:
/// the database answers) does not depend on it.
/// </summary>
public sealed class IndexesReadyHealthCheck(
    PatentIndexer patents, DemandIndexer demands, PatentMatchIndexer patentMatches, DemandMatchIndexer demandMatches) : IHealthCheck
{
    public const string Tag = "ready";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var building = new (string Name, Task Ready)[]
        {
            ("search", patents.Ready), ("demand hall", demands.Ready), ("patent matching", patentMatches.Ready), ("demand matching", demandMatches.Ready),
        }.Where(index => !index.Ready.IsCompletedSuccessfully).Select(index => index.Name).ToList();
        return Task.FromResult(building.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"building: {string.Join(", ", building)}"));
    }
}
