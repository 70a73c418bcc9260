using PatentTransfer.Domain.Organisations;
using PatentTransfer.Testing;

namespace PatentTransfer.Web.Tests.Components;

internal static class ComponentTestData
{
    /// <summary>A fresh private SME in 石家庄 (桥西区), pending, or returned by 石家庄's demo staff member.</summary>
    public static async Task<Organisation> CreateSmeAsync(PortalAppFactory app, OrganisationStatus status, CancellationToken cancellationToken)
    {
        var organisation = new Organisation("石家庄组件测试有限公司" + Guid.NewGuid().ToString("N")[..6], OrganisationType.PrivateEnterprise,
            EnterpriseSize.Small, CreditCode.Parse(TestCreditCodes.Next("130104")), "130104", "equipment", DateTimeOffset.UtcNow);
        if (status != OrganisationStatus.Pending)
        {
            var reviewer = await app.FindUserAsync(Accounts.ShijiazhuangStaff);
            if (status == OrganisationStatus.Verified)
            {
                organisation.Verify(reviewer.Id, DateTimeOffset.UtcNow);
            }
            else
            {
                organisation.Reject(reviewer.Id, "营业执照名称不一致", DateTimeOffset.UtcNow);
            }
        }

        await using var db = app.CreateDbContext();
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(cancellationToken);
        return organisation;
    }

    public static async Task<Organisation> ReloadAsync(PortalAppFactory app, Guid id, CancellationToken cancellationToken)
    {
        await using var db = app.CreateDbContext();
        return await db.Organisations.FindAsync([id], cancellationToken) ?? throw new InvalidOperationException("gone");
    }
}
