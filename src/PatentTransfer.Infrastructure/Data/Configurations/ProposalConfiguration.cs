using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PatentTransfer.Domain.Demands;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Infrastructure.Identity;

namespace PatentTransfer.Infrastructure.Data.Configurations;

internal sealed class DemandProposalConfiguration : IEntityTypeConfiguration<DemandProposal>
{
    public const string TableName = "demand_proposals";

    public void Configure(EntityTypeBuilder<DemandProposal> builder)
    {
        builder.ToTable(TableName);
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasOne<Demand>().WithMany().HasForeignKey(p => p.DemandId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.HolderOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(p => p.ProposedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(p => p.DecidedByUserId).OnDelete(DeleteBehavior.Restrict);

        // The patents are values of the proposal (up to five, always read with it); their existence and ownership
        // are checked when it is made, and a patent is never deleted.
        builder.Property(p => p.PatentIds).HasColumnType("uuid[]");
        builder.Property(p => p.Message).HasMaxLength(DemandProposal.MessageMaxLength * 2).IsRequired();
        builder.Property(p => p.DeclineNote).HasMaxLength(DemandProposal.NoteMaxLength * 2);
        builder.Property(p => p.Version).IsRowVersion();

        // A demand's proposals are listed for its SME; a holder's for the holder. One pending proposal per holder and
        // demand: a second one would only repeat the first, and two simultaneous submits must not both land.
        builder.HasIndex(p => new { p.DemandId, p.Status });
        builder.HasIndex(p => new { p.HolderOrganisationId, p.CreatedAt });
        builder.HasIndex(p => new { p.DemandId, p.HolderOrganisationId })
            .IsUnique()
            .HasFilter("status = 'Pending'")
            .HasDatabaseName("ux_demand_proposals_one_pending_per_holder");

        builder.Ignore(p => p.AuditAction);
        builder.Ignore(p => p.IsPending);
    }
}

internal sealed class DealRequestConfiguration : IEntityTypeConfiguration<DealRequest>
{
    public const string TableName = "deal_requests";

    public void Configure(EntityTypeBuilder<DealRequest> builder)
    {
        builder.ToTable(TableName);
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.SmeOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.HolderOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Demand>().WithMany().HasForeignKey(r => r.DemandId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DemandProposal>().WithOne().HasForeignKey<DealRequest>(r => r.ProposalId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.PatentIds).HasColumnType("uuid[]");

        // Each side lists its own requests, newest first.
        builder.HasIndex(r => new { r.SmeOrganisationId, r.CreatedAt });
        builder.HasIndex(r => new { r.HolderOrganisationId, r.CreatedAt });

        // Kept although the unique index below starts with the demand: that one is partial.
        builder.HasIndex(r => r.DemandId);

        // An SME asks about a recommended patent once per demand while the request is open: two clicks, or two
        // colleagues at once, must not open two negotiations (the service also finds an open request from a proposal).
        builder.HasIndex(r => new { r.DemandId, r.PatentIds })
            .IsUnique()
            .HasFilter("origin = 'Recommendation' AND status = 'Open'")
            .HasDatabaseName("ux_deal_requests_one_open_per_recommended_patent");

        builder.Ignore(r => r.AuditAction);
    }
}
