using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PatentTransfer.Domain.Identity;
using PatentTransfer.Domain.Regions;
using PatentTransfer.Infrastructure.Identity;

namespace PatentTransfer.Infrastructure.Data.Configurations;

internal sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> builder)
    {
        builder.ToTable("users");
        builder.Property(u => u.DisplayName).HasMaxLength(PortalUser.DisplayNameMaxLength * 2).IsRequired();
        builder.HasOne(u => u.Organisation).WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(u => u.CityCode).HasMaxLength(12);
        builder.HasOne<Region>().WithMany().HasForeignKey(u => u.CityCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PortalRoleConfiguration : IEntityTypeConfiguration<PortalRole>
{
    public void Configure(EntityTypeBuilder<PortalRole> builder)
    {
        builder.ToTable("roles");

        // Roles are part of the schema, not demo data: every database has all of them from its first migration.
        // Fixed ids and stamps keep the seed stable across migrations.
        builder.HasData(Roles.All.Select((name, i) => new PortalRole(name)
        {
            Id = new Guid($"00000000-0000-7000-8000-{i + 1:D12}"),
            ConcurrencyStamp = $"role-{name}",
        }));
    }
}

internal sealed class UserRoleConfiguration : IEntityTypeConfiguration<IdentityUserRole<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserRole<Guid>> builder) => builder.ToTable("user_roles");
}

internal sealed class UserClaimConfiguration : IEntityTypeConfiguration<IdentityUserClaim<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserClaim<Guid>> builder) => builder.ToTable("user_claims");
}

internal sealed class UserLoginConfiguration : IEntityTypeConfiguration<IdentityUserLogin<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserLogin<Guid>> builder) => builder.ToTable("user_logins");
}

internal sealed class UserTokenConfiguration : IEntityTypeConfiguration<IdentityUserToken<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserToken<Guid>> builder) => builder.ToTable("user_tokens");
}

internal sealed class RoleClaimConfiguration : IEntityTypeConfiguration<IdentityRoleClaim<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityRoleClaim<Guid>> builder) => builder.ToTable("role_claims");
}
