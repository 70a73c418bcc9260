using Microsoft.EntityFrameworkCore;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Infrastructure.Data;

namespace PatentTransfer.Web.Features.Home;

public sealed record HomeStatistics(int VerifiedOrganisations, int Smes, int PatentHolders, int ServiceProviders, int CitiesCovered);

/// <summary>Live counts for the home page, straight from the records (verified organisations only).</summary>
public sealed class HomeStatisticsService(IDbContextFactory<PortalDbContext> contextFactory)
{
    public async Task<HomeStatistics> GetAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var verified = db.Organisations.AsNoTracking().Where(o => o.Status == OrganisationStatus.Verified && o.Type != OrganisationType.Government);
        var byKind = await verified
            .GroupBy(o => new { o.Type, o.Size })
            .Select(g => new { g.Key.Type, g.Key.Size, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var cities = await verified.Join(db.Regions, o => o.RegionCode, r => r.Code, (o, r) => r.CityCode).Distinct().CountAsync(cancellationToken);

        return new HomeStatistics(
            byKind.Sum(k => k.Count),
            byKind.Where(k => k.Type == OrganisationType.PrivateEnterprise && k.Size is EnterpriseSize.Micro or EnterpriseSize.Small or EnterpriseSize.Medium).Sum(k => k.Count),
            byKind.Where(k => k.Type.IsPublicHolder()).Sum(k => k.Count),
            byKind.Where(k => k.Type is OrganisationType.ServiceAgency or OrganisationType.FinancialInstitution).Sum(k => k.Count),
            cities);
    }
}
