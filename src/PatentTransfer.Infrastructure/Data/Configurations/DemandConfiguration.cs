using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PatentTransfer.Domain.Common;
using PatentTransfer.Domain.Demands;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Domain.Reference;
using PatentTransfer.Infrastructure.Identity;

namespace PatentTransfer.Infrastructure.Data.Configurations;

internal sealed class DemandConfiguration : IEntityTypeConfiguration<Demand>
{
    public const string TableName = "demands";

    // Comparators by name, like every enum of the schema; Chinese indicators and units kept readable in SQL.
    private static readonly JsonSerializerOptions TargetJson = new()
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public void Configure(EntityTypeBuilder<Demand> builder)
    {
        builder.ToTable(TableName);
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(d => d.SmeOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(d => d.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(d => d.ReviewedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Industry>().WithMany().HasForeignKey(d => d.IndustryCode).OnDelete(DeleteBehavior.Restrict);

        // The SME workspace lists an organisation's demands by status; review queues and the demand hall join the
        // organisation for its city and filter by status, newest publication first; the expiry sweep looks for
        // published demands past their last day.
        builder.HasIndex(d => new { d.SmeOrganisationId, d.Status });
        builder.HasIndex(d => new { d.Status, d.PublishedAt });
        builder.HasIndex(d => new { d.Status, d.ValidUntil });

        // The domain limits texts in user-perceived characters; combining marks can make that more code points.
        builder.Property(d => d.Title).HasMaxLength(DemandDetails.TitleMaxLength * 2).IsRequired();
        builder.Property(d => d.IndustryCode).HasMaxLength(40).IsRequired();
        builder.Property(d => d.IpcHint).HasMaxLength(20);
        builder.Property(d => d.Source).HasMaxLength(100);
        builder.Property(d => d.Keywords).HasColumnType("text[]");
        builder.Property(d => d.Description).HasMaxLength(DemandDetails.DescriptionMaxLength * 2).IsRequired();
        builder.Property(d => d.ExistingBasis).HasMaxLength(DemandDetails.ExistingBasisMaxLength * 2);
        builder.Property(d => d.TargetScene).HasMaxLength(DemandDetails.TargetSceneMaxLength * 2);
        builder.Property(d => d.BudgetMinWan).HasPrecision(12, 2);
        builder.Property(d => d.BudgetMaxWan).HasPrecision(12, 2);
        builder.Property(d => d.ContactName).HasMaxLength(DemandContact.NameMaxLength * 2).IsRequired();
        builder.Property(d => d.ContactPhone).HasMaxLength(30).IsRequired();
        builder.Property(d => d.ContactEmail).HasMaxLength(ContactRules.EmailMaxLength);
        builder.Property(d => d.ReturnReason).HasMaxLength(Demand.ReasonMaxLength * 2);
        builder.Property(d => d.CloseNote).HasMaxLength(Demand.CloseNoteMaxLength * 2);

        // Targets are values of the demand, always read and written with it and never queried on their own: one
        // jsonb document rather than a child table.
        builder.Property(d => d.Targets)
            .HasConversion(
                targets => JsonSerializer.Serialize(targets, TargetJson),
                json => JsonSerializer.Deserialize<DemandTarget[]>(json, TargetJson) ?? Array.Empty<DemandTarget>(),
                ArrayComparer<DemandTarget>())
            .HasColumnType("jsonb")
            .IsRequired();
        builder.Property(d => d.PaymentPreferences).HasConversion(EnumArray<PaymentPreference>(), ArrayComparer<PaymentPreference>()).HasColumnType("text[]");
        builder.Property(d => d.Modes).HasConversion(EnumArray<DemandMode>(), ArrayComparer<DemandMode>()).HasColumnType("text[]");
        builder.Property(d => d.Version).IsRowVersion();

        builder.Ignore(d => d.AuditAction);
        builder.Ignore(d => d.IsEditable);
        builder.Ignore(d => d.IsCarriedOver);
        builder.Ignore(d => d.IsRenewable);
        builder.Ignore(d => d.IsClosable);
        builder.Ignore(d => d.IsWithdrawable);
        builder.Ignore(d => d.CurrentDetails);
    }

    private static ValueComparer<T[]> ArrayComparer<T>() =>
        new((a, b) => a!.SequenceEqual(b!), values => values.Aggregate(0, (h, x) => HashCode.Combine(h, x)), values => values.ToArray());

    /// <summary>Enum arrays as text[] of names, like the listing's offer modes.</summary>
    private static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<TEnum[], string[]> EnumArray<TEnum>() where TEnum : struct, Enum =>
        new(values => values.Select(v => v.ToString()).ToArray(), names => names.Select(Enum.Parse<TEnum>).ToArray());
}

internal sealed class DemandFollowUpConfiguration : IEntityTypeConfiguration<DemandFollowUp>
{
    public const string TableName = "demand_follow_ups";

    public void Configure(EntityTypeBuilder<DemandFollowUp> builder)
    {
        builder.ToTable(TableName);
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.HasOne<Demand>().WithMany().HasForeignKey(f => f.DemandId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(f => f.SmeOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(f => f.AuthorUserId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(f => f.AuthorName).HasMaxLength(DemandFollowUp.AuthorNameMaxLength).IsRequired();
        builder.Property(f => f.Text).HasMaxLength(DemandFollowUp.TextMaxLength * 2).IsRequired();

        // A demand's log is read newest first.
        builder.HasIndex(f => new { f.DemandId, f.Date });
        builder.Ignore(f => f.AuditAction);
    }
}
