using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PatentTransfer.Domain.Auditing;
using PatentTransfer.Domain.Demands;
using PatentTransfer.Domain.Listings;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Domain.Patents;
using PatentTransfer.Domain.Reference;
using PatentTransfer.Domain.Regions;
using PatentTransfer.Infrastructure.Identity;
using PatentTransfer.Infrastructure.Patents.Import;

namespace PatentTransfer.Infrastructure.Data;

public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options)
    : IdentityDbContext<PortalUser, PortalRole, Guid>(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Patent> Patents => Set<Patent>();
    public DbSet<Listing> Listings => Set<Listing>();
    public DbSet<PatentImport> PatentImports => Set<PatentImport>();
    public DbSet<Demand> Demands => Set<Demand>();
    public DbSet<DemandFollowUp> DemandFollowUps => Set<DemandFollowUp>();
    public DbSet<DemandProposal> DemandProposals => Set<DemandProposal>();
    public DbSet<DealRequest> DealRequests => Set<DealRequest>();
    public DbSet<RecommendationDismissal> RecommendationDismissals => Set<RecommendationDismissal>();
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<IpcEntry> IpcEntries => Set<IpcEntry>();
    public DbSet<Industry> Industries => Set<Industry>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ReferenceDataSet> ReferenceDataSets => Set<ReferenceDataSet>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL and safe when members are reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}
