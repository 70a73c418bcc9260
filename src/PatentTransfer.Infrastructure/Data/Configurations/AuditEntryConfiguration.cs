using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PatentTransfer.Domain.Auditing;

namespace PatentTransfer.Infrastructure.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public const string TableName = "audit_entries";

    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable(TableName);
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).UseIdentityAlwaysColumn();
        builder.Property(a => a.Action).HasMaxLength(80).IsRequired();
        builder.Property(a => a.ActorName).HasMaxLength(120).IsRequired();
        builder.Property(a => a.RecordType).HasMaxLength(60);
        builder.Property(a => a.RecordId).HasMaxLength(60);
        builder.Property(a => a.Summary).HasMaxLength(AuditEntry.SummaryMaxLength);
        builder.Property(a => a.CityCode).HasMaxLength(12);
        builder.HasIndex(a => a.OccurredAt);
        builder.HasIndex(a => new { a.RecordType, a.RecordId });
        builder.HasIndex(a => a.ActorUserId);
        builder.HasIndex(a => a.Action);
        builder.HasIndex(a => a.OrganisationId);
    }
}
