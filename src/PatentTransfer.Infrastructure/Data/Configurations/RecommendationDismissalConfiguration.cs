using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PatentTransfer.Domain.Demands;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Domain.Patents;
using PatentTransfer.Infrastructure.Identity;

namespace PatentTransfer.Infrastructure.Data.Configurations;

internal sealed class RecommendationDismissalConfiguration : IEntityTypeConfiguration<RecommendationDismissal>
{
    public const string TableName = "recommendation_dismissals";

    public void Configure(EntityTypeBuilder<RecommendationDismissal> builder)
    {
        builder.ToTable(TableName);
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.HasOne<Demand>().WithMany().HasForeignKey(d => d.DemandId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Patent>().WithMany().HasForeignKey(d => d.PatentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(d => d.SmeOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(d => d.DismissedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.Note).HasMaxLength(RecommendationDismissal.NoteMaxLength * 2);

        // One dismissal per demand and patent: a second one (another tab, a double click) changes nothing, and the
        // holder's counts must not grow with it. The demand's recommendations read the demand's dismissals by this
        // index; the holder's feedback reads a patent's by the second.
        builder.HasIndex(d => new { d.DemandId, d.PatentId }).IsUnique();
        builder.HasIndex(d => new { d.PatentId, d.Reason });

        builder.Ignore(d => d.AuditAction);
    }
}
