using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Domain.Reference;
using PatentTransfer.Domain.Regions;
using PatentTransfer.Infrastructure.Identity;

namespace PatentTransfer.Infrastructure.Data.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();

        // The domain limits names to 100 user-perceived characters; combining marks can make that more code points.
        builder.Property(o => o.Name).HasMaxLength(Organisation.NameMaxLength * 2).IsRequired();
        builder.Property(o => o.CreditCode)
            .HasConversion(c => c.Value, s => CreditCode.Parse(s))
            .HasMaxLength(CreditCode.Length)
            .IsFixedLength()
            .IsRequired();
        builder.HasIndex(o => o.CreditCode).IsUnique();

        builder.Property(o => o.RegionCode).HasMaxLength(12).IsRequired();
        builder.HasOne<Region>().WithMany().HasForeignKey(o => o.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.Property(o => o.IndustryCode).HasMaxLength(40);
        builder.HasOne<Industry>().WithMany().HasForeignKey(o => o.IndustryCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(o => o.ReviewedByUserId).OnDelete(DeleteBehavior.Restrict);

        builder.Property(o => o.RejectionReason).HasMaxLength(Organisation.ReasonMaxLength * 2);
        builder.Property(o => o.Version).IsRowVersion();
        builder.HasIndex(o => new { o.Status, o.RegionCode });

        builder.Ignore(o => o.AuditAction);
        builder.Ignore(o => o.IsSme);
        builder.Ignore(o => o.CanPublish);
    }
}
