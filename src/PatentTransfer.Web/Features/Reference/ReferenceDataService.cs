using Microsoft.EntityFrameworkCore;
using PatentTransfer.Domain.Reference;
using PatentTransfer.Domain.Regions;
using PatentTransfer.Infrastructure.Data;
using PatentTransfer.Web.Infrastructure;

namespace PatentTransfer.Web.Features.Reference;

/// <summary>
/// Regions and industries, read once and kept in memory: they change only when an operator reloads
/// reference data, which restarts nothing but is rare enough to pick up on the next process start.
/// </summary>
public sealed class ReferenceDataService(IServiceScopeFactory scopeFactory) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Snapshot? _snapshot;

    public sealed record Snapshot(
        IReadOnlyDictionary<string, Region> Regions,
        IReadOnlyList<Region> Cities,
        IReadOnlyDictionary<string, IReadOnlyList<Region>> LocatableByCity,
        IReadOnlyList<Industry> Industries);

    public async Task<Snapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_snapshot is { } ready)
        {
            return ready;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is not null)
            {
                return _snapshot;
            }

            await using var scope = scopeFactory.CreateAsyncScope();
            var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>();
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Code).ToListAsync(cancellationToken);
            var industries = await db.Industries.AsNoTracking().OrderBy(i => i.SortOrder).ToListAsync(cancellationToken);
            var snapshot = new Snapshot(
                regions.ToDictionary(r => r.Code, StringComparer.Ordinal),
                regions.Where(r => r.IsCityLevel).OrderBy(CityOrder).ThenBy(r => r.Code, StringComparer.Ordinal).ToList(),
                regions.Where(r => r.IsLocatable && r.CityCode is not null)
                    .GroupBy(r => r.CityCode!, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => (IReadOnlyList<Region>)g.OrderBy(r => r.Code, StringComparer.Ordinal).ToList(), StringComparer.Ordinal),
                industries);

            // An empty table means set-up has not loaded reference data yet: do not remember that.
            if (regions.Count > 0)
            {
                _snapshot = snapshot;
            }

            return snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    public static string RegionName(Region region) =>
        PortalCultures.IsEnglish && region.NameEn is { } en ? en : region.Name;

    public static string IndustryName(Industry industry) =>
        PortalCultures.IsEnglish ? industry.NameEn : industry.NameZh;

    /// <summary>"石家庄市 · 桥西区" for a county, the city's own name for a city-level unit.</summary>
    public static string Location(Snapshot data, string regionCode)
    {
        if (!data.Regions.TryGetValue(regionCode, out var region))
        {
            return regionCode;
        }

        return region.CityCode is { } city && city != region.Code && data.Regions.TryGetValue(city, out var parent)
            ? $"{RegionName(parent)} · {RegionName(region)}"
            : RegionName(region);
    }

    // Prefecture cities first (in code order), then 定州, 辛集 and 雄安新区.
    private static int CityOrder(Region region) => region.Kind == RegionKind.PrefectureCity ? 0 : 1;
}
