using System.Security.Claims;
using PatentTransfer.Domain.Identity;

namespace PatentTransfer.Web.Infrastructure;

/// <summary>
/// Which cities a staff member may review: provincial staff and administrators all of them, city staff
/// only their own. Everyone else none. Every reviewing query and command filters by this.
/// </summary>
public sealed record StaffScope(Guid UserId, bool AllCities, string? CityCode)
{
    public bool IsStaff => AllCities || CityCode is not null;

    public bool Covers(string? cityCode) => AllCities || (CityCode is not null && cityCode == CityCode);

    public static StaffScope From(ClaimsPrincipal user)
    {
        var id = user.UserId() ?? Guid.Empty;
        if (user.IsInRole(Roles.ProvincialStaff) || user.IsInRole(Roles.Administrator))
        {
            return new StaffScope(id, true, null);
        }

        return user.IsInRole(Roles.CityStaff) && user.CityCodeOf() is { Length: > 0 } city
            ? new StaffScope(id, false, city)
            : new StaffScope(id, false, null);
    }
}
