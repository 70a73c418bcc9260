using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PatentTransfer.Domain.Listings;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Domain.Patents;
using PatentTransfer.Infrastructure.Identity;

namespace PatentTransfer.Infrastructure.Data.Configurations;

internal sealed class ListingConfiguration : IEntityTypeConfiguration<Listing>
{
    public void Configure(EntityTypeBuilder<Listing> builder)
    {
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.HasOne<Patent>().WithOne().HasForeignKey<Listing>(l => l.PatentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => l.PatentId).IsUnique();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(l => l.HolderOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(l => l.ReviewedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.Status, l.HolderOrganisationId });

        // Enum arrays as text[] of names, like every other enum of the schema.
        builder.Property(l => l.Modes).HasConversion(
            modes => modes.Select(m => m.ToString()).ToArray(),
            names => names.Select(Enum.Parse<OfferMode>).ToArray(),
            new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<OfferMode[]>(
                (a, b) => a!.SequenceEqual(b!), m => m.Aggregate(0, (h, x) => HashCode.Combine(h, x)), m => m.ToArray()))
            .HasColumnType("text[]");
        builder.Property(l => l.LumpSum).HasPrecision(14, 2);
        builder.Property(l => l.EntryFee).HasPrecision(14, 2);
        builder.Property(l => l.RoyaltyPercent).HasPrecision(5, 2);
        builder.Property(l => l.Description).HasMaxLength(ListingTerms.DescriptionMaxLength * 2);
        builder.Property(l => l.ReturnReason).HasMaxLength(Listing.ReasonMaxLength * 2);
        builder.Property(l => l.Version).IsRowVersion();

        builder.Ignore(l => l.AuditAction);
        builder.Ignore(l => l.ComparablePrice);
        builder.Ignore(l => l.IsEditable);
        builder.Ignore(l => l.CurrentTerms);
    }
}
