using PatentTransfer.Domain.Identity;
using PatentTransfer.Domain.Organisations;

namespace PatentTransfer.Domain.Tests;

public class RolesTests
{
    [Theory]
    [InlineData(OrganisationType.PrivateEnterprise, EnterpriseSize.Micro, Roles.SmeUser)]
    [InlineData(OrganisationType.PrivateEnterprise, EnterpriseSize.Small, Roles.SmeUser)]
    [InlineData(OrganisationType.PrivateEnterprise, EnterpriseSize.Medium, Roles.SmeUser)]
    [InlineData(OrganisationType.PrivateEnterprise, EnterpriseSize.Large, Roles.PatentHolder)]
    [InlineData(OrganisationType.StateOwnedEnterprise, EnterpriseSize.Micro, Roles.PatentHolder)]
    [InlineData(OrganisationType.StateOwnedEnterprise, EnterpriseSize.Small, Roles.PatentHolder)]
    [InlineData(OrganisationType.StateOwnedEnterprise, EnterpriseSize.Medium, Roles.PatentHolder)]
    [InlineData(OrganisationType.StateOwnedEnterprise, EnterpriseSize.Large, Roles.PatentHolder)]
    [InlineData(OrganisationType.University, null, Roles.PatentHolder)]
    [InlineData(OrganisationType.ResearchInstitute, null, Roles.PatentHolder)]
    [InlineData(OrganisationType.ServiceAgency, null, Roles.ServiceAgency)]
    [InlineData(OrganisationType.FinancialInstitution, null, Roles.FinancialInstitution)]
    public void RegistrationRoleFollowsTypeAndSize(OrganisationType type, EnterpriseSize? size, string role)
    {
        Assert.Equal(role, Roles.ForRegistration(type, size));
    }

    [Fact]
    public void EverySelfRegistrableTypeAndSizeGetsANonStaffRole()
    {
        EnterpriseSize?[] sizes = [null, .. Enum.GetValues<EnterpriseSize>().Select(s => (EnterpriseSize?)s)];
        foreach (var type in Enum.GetValues<OrganisationType>().Where(t => t.IsSelfRegistrable()))
        {
            foreach (var size in sizes.Where(s => s.HasValue == type.RequiresSize()))
            {
                var role = Roles.ForRegistration(type, size);

                Assert.Contains(role, Roles.All);
                Assert.DoesNotContain(role, Roles.Staff);
            }
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData(EnterpriseSize.Small)]
    public void GovernmentAccountsAreNotSelfRegistered(EnterpriseSize? size)
    {
        Assert.False(OrganisationType.Government.IsSelfRegistrable());
        Assert.Throws<ArgumentOutOfRangeException>(() => Roles.ForRegistration(OrganisationType.Government, size));
    }

    [Fact]
    public void RoleNamesAreDistinctAndStaffAreAmongThem()
    {
        Assert.Equal(7, Roles.All.Count);
        Assert.Equal(Roles.All.Count, Roles.All.Distinct(StringComparer.Ordinal).Count());
        Assert.All(Roles.Staff, staff => Assert.Contains(staff, Roles.All));
        Assert.Equal(Roles.Staff, Roles.Reviewers.Split(','));
        Assert.Equal([Roles.ProvincialStaff, Roles.Administrator], Roles.UserManagers.Split(','));
    }
}
