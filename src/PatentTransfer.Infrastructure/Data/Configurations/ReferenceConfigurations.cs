using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PatentTransfer.Domain.Reference;
using PatentTransfer.Domain.Regions;

namespace PatentTransfer.Infrastructure.Data.Configurations;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).HasMaxLength(12);
        builder.Property(r => r.Name).HasMaxLength(50).IsRequired();
        builder.Property(r => r.NameEn).HasMaxLength(60);
        builder.Property(r => r.ParentCode).HasMaxLength(12);
        builder.Property(r => r.CityCode).HasMaxLength(12);
        builder.Property(r => r.StatisticalParentCode).HasMaxLength(12);
        builder.HasIndex(r => r.CityCode);
        builder.HasIndex(r => r.ParentCode);
        builder.Ignore(r => r.IsCityLevel);
        builder.Ignore(r => r.IsLocatable);
    }
}

internal sealed class IpcEntryConfiguration : IEntityTypeConfiguration<IpcEntry>
{
    public void Configure(EntityTypeBuilder<IpcEntry> builder)
    {
        builder.ToTable("ipc_entries");
        builder.HasKey(i => i.Code);
        builder.Property(i => i.Code).HasMaxLength(20);
        builder.Property(i => i.Title).IsRequired();
        builder.Property(i => i.ParentCode).HasMaxLength(20);
        builder.HasIndex(i => i.ParentCode);
    }
}

internal sealed class IndustryConfiguration : IEntityTypeConfiguration<Industry>
{
    public void Configure(EntityTypeBuilder<Industry> builder)
    {
        builder.HasKey(i => i.Code);
        builder.Property(i => i.Code).HasMaxLength(40);
        builder.Property(i => i.NameZh).HasMaxLength(50).IsRequired();
        builder.Property(i => i.NameEn).HasMaxLength(80).IsRequired();
        builder.HasData(Industry.Plan);
    }
}

internal sealed class ReferenceDataSetConfiguration : IEntityTypeConfiguration<ReferenceDataSet>
{
    public void Configure(EntityTypeBuilder<ReferenceDataSet> builder)
    {
        builder.HasKey(r => r.Name);
        builder.Property(r => r.Name).HasMaxLength(60);
        builder.Property(r => r.Sha256).HasMaxLength(64).IsFixedLength();
    }
}
