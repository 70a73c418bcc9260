using Microsoft.AspNetCore.Identity;
using PatentTransfer.Domain.Organisations;

namespace PatentTransfer.Infrastructure.Identity;

public sealed class PortalUser : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 50;

    public PortalUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    [PersonalData]
    public string DisplayName { get; set; } = string.Empty;

    public Guid? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }

    /// <summary>The city-level region a city staff member works for; null for everyone else.</summary>
    public string? CityCode { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>A demo account (development only); shown as such.</summary>
    public bool IsDemo { get; set; }
}

public sealed class PortalRole : IdentityRole<Guid>
{
    public PortalRole()
    {
        Id = Guid.CreateVersion7();
    }

    public PortalRole(string name) : this()
    {
        Name = name;
        NormalizedName = name.ToUpperInvariant();
    }
}
