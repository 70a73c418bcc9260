using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Infrastructure.Identity;
using PatentTransfer.Infrastructure.Patents.Import;

namespace PatentTransfer.Infrastructure.Data.Configurations;

internal sealed class PatentImportConfiguration : IEntityTypeConfiguration<PatentImport>
{
    public void Configure(EntityTypeBuilder<PatentImport> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(i => i.HolderOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(i => i.UserName).HasMaxLength(PatentImport.UserNameMaxLength).IsRequired();
        builder.Property(i => i.FileName).HasMaxLength(PatentImport.FileNameMaxLength).IsRequired();

        // The holder's history lists its imports newest first.
        builder.HasIndex(i => new { i.HolderOrganisationId, i.StartedAt });
    }
}
