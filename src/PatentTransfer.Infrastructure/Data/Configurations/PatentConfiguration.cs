using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Domain.Patents;

namespace PatentTransfer.Infrastructure.Data.Configurations;

internal sealed class PatentConfiguration : IEntityTypeConfiguration<Patent>
{
    public const string TableName = "patents";
    public const string LegalEventsTableName = "patent_legal_events";

    public void Configure(EntityTypeBuilder<Patent> builder)
    {
        builder.ToTable(TableName);
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();

        builder.Property(p => p.ApplicationNumber).HasMaxLength(16).IsRequired();
        builder.HasIndex(p => p.ApplicationNumber).IsUnique();
        builder.Property(p => p.PublicationNumber).HasMaxLength(16);
        builder.Property(p => p.Title).HasMaxLength(PatentDetails.TitleMaxLength * 2);
        // lz4 compresses long Chinese texts about as well as pglz at a fraction of the CPU time (decision 0010).
        builder.Property(p => p.Abstract).HasMaxLength(PatentDetails.AbstractMaxLength).IsRequired().UseCompressionMethod("lz4");
        builder.Property(p => p.Claims).HasMaxLength(PatentDetails.ClaimsMaxLength).UseCompressionMethod("lz4");
        builder.Property(p => p.MainIpc).HasMaxLength(20);
        builder.Property(p => p.Locarno).HasMaxLength(5);
        builder.Property(p => p.IndustryCode).HasMaxLength(40);
        builder.Property(p => p.Source).HasMaxLength(100);

        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.HolderOrganisationId).OnDelete(DeleteBehavior.Restrict);
        // No foreign key to the fixed industry list: both writers check the code against it, and the check per row
        // cost a seventh of a bulk import's database time (decision 0010).
        builder.HasIndex(p => p.HolderOrganisationId);
        builder.HasIndex(p => p.MainIpc);

        builder.Property(p => p.Version).IsRowVersion();

        builder.OwnsMany(p => p.LegalEvents, events =>
        {
            events.ToTable(LegalEventsTableName);
            events.WithOwner().HasForeignKey("PatentId");
            events.Property<int>("Id").UseIdentityAlwaysColumn();
            events.HasKey("Id");
            events.Property(e => e.Note).HasMaxLength(LegalEvent.NoteMaxLength * 2);
            events.HasIndex("PatentId", nameof(LegalEvent.Date));
        });
        builder.Navigation(p => p.LegalEvents).HasField("_legalEvents").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.Ignore(p => p.AuditAction);
        builder.Ignore(p => p.DisplayTitle);
        builder.Ignore(p => p.IpcCodes);
        builder.Ignore(p => p.Timeline);
    }
}
