using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PatentTransfer.Domain.Identity;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Infrastructure.Identity;

namespace PatentTransfer.Infrastructure.Data.Seeding;

/// <summary>A demo account that run.sh prints (development only).</summary>
public sealed record DemoAccount(string Email, string Role, string DisplayName, string OrganisationKey, string? CityCode = null);

/// <summary>
/// Demo organisations of every type in several cities and one verified account per role, all marked as demo
/// data. Every name is invented and ends in （演示）, so no real organisation is ever shown as a participant.
/// Idempotent: organisations are found by credit code and accounts by e-mail.
/// </summary>
public sealed class DemoDataSeeder(PortalDbContext db, UserManager<PortalUser> userManager, TimeProvider timeProvider, ILogger<DemoDataSeeder> logger)
{
    /// <summary>Known password of every demo account; printed by run.sh in development only.</summary>
    public const string DemoPassword = "Demo#2026";

    private sealed record DemoOrganisation(string Key, string Name, OrganisationType Type, EnterpriseSize? Size, string RegionCode,
        string? Industry, OrganisationStatus Status, string? RejectionReason = null);

    private static readonly DemoOrganisation[] Organisations =
    [
        new("sme", "石家庄恒锐精密机械有限公司（演示）", OrganisationType.PrivateEnterprise, EnterpriseSize.Small, "130104", "equipment", OrganisationStatus.Verified),
        new("university", "河北示范理工大学（演示）", OrganisationType.University, null, "130602", "new-materials", OrganisationStatus.Verified),
        new("institute", "河北示范新材料研究院（演示）", OrganisationType.ResearchInstitute, null, "130171", "new-materials", OrganisationStatus.Verified),
        new("soe", "冀东示范钢铁集团有限公司（演示）", OrganisationType.StateOwnedEnterprise, EnterpriseSize.Large, "130209", "steel", OrganisationStatus.Verified),
        new("agency", "燕赵示范知识产权运营中心（演示）", OrganisationType.ServiceAgency, null, "130102", null, OrganisationStatus.Verified),
        new("bank", "冀融示范银行石家庄分行（演示）", OrganisationType.FinancialInstitution, null, "130102", null, OrganisationStatus.Verified),
        new("city-sjz", "石家庄市知识产权局（演示）", OrganisationType.Government, null, "130102", null, OrganisationStatus.Verified),
        new("city-bd", "保定市知识产权局（演示）", OrganisationType.Government, null, "130606", null, OrganisationStatus.Verified),
        new("province", "河北省知识产权局（演示）", OrganisationType.Government, null, "130104", null, OrganisationStatus.Verified),
        new("operator", "河北省专利转化运营平台（演示）", OrganisationType.Government, null, "130104", null, OrganisationStatus.Verified),
        new("pending-sjz", "石家庄示范生物医药有限公司（演示）", OrganisationType.PrivateEnterprise, EnterpriseSize.Micro, "130111", "biomedicine", OrganisationStatus.Pending),
        new("pending-cz", "沧州示范化工科技有限公司（演示）", OrganisationType.PrivateEnterprise, EnterpriseSize.Small, "130903", "chemicals", OrganisationStatus.Pending),
        new("pending-xa", "雄安示范数字科技有限公司（演示）", OrganisationType.PrivateEnterprise, EnterpriseSize.Medium, "130629", "electronics", OrganisationStatus.Pending),
        new("pending-dz", "定州示范农业机械有限公司（演示）", OrganisationType.PrivateEnterprise, EnterpriseSize.Small, "130682", "agriculture", OrganisationStatus.Pending),
        new("pending-bd", "保定示范新能源科技有限公司（演示）", OrganisationType.PrivateEnterprise, EnterpriseSize.Small, "130607", "new-energy", OrganisationStatus.Pending),
        new("rejected-ts", "唐山示范环保设备有限公司（演示）", OrganisationType.PrivateEnterprise, EnterpriseSize.Small, "130203", "equipment", OrganisationStatus.Rejected,
            "营业执照上的名称与填写的机构名称不一致，请核对后重新提交（演示数据）"),

        // Further holders of the demo catalogue, so that its patents come from several cities and holder types.
        new("hd-college", "邯郸示范工程学院（演示）", OrganisationType.University, null, "130402", "equipment", OrganisationStatus.Verified),
        new("lf-institute", "廊坊示范信息技术研究所（演示）", OrganisationType.ResearchInstitute, null, "131003", "intelligent-info", OrganisationStatus.Verified),
        new("qhd-university", "秦皇岛示范海洋大学（演示）", OrganisationType.University, null, "130302", "biomedicine", OrganisationStatus.Verified),
        new("ts-soe", "唐山示范重工集团有限公司（演示）", OrganisationType.StateOwnedEnterprise, EnterpriseSize.Large, "130203", "high-end-equipment", OrganisationStatus.Verified),
        new("xt-institute", "邢台示范农业科学研究院（演示）", OrganisationType.ResearchInstitute, null, "130503", "agriculture", OrganisationStatus.Verified),
        new("sme-holder", "保定示范电子科技有限公司（演示）", OrganisationType.PrivateEnterprise, EnterpriseSize.Small, "130606", "electronics", OrganisationStatus.Verified),

        // SMEs that post the demo demands (DemoDemandSeeder): one or two in each of the 14 city-level units, with the
        // industries the plan names for them. Appended here so the credit codes of the ones above stay as they were.
        new("sme-sjz", "石家庄示范药物制剂有限公司（演示）", OrganisationType.PrivateEnterprise, EnterpriseSize.Small, "130171", "biomedicine", OrganisationStatus.Verified),
        new("sme-ts", "唐山示范冶金装备有限公司（演示）", OrganisationType.PrivateEnterprise, EnterpriseSize.Medium, "130207", "steel", OrganisationStatus.Verified),
        new("sme-ts-2", "唐山示范陶瓷材料有限公司（演示）", OrganisationType.PrivateEnterprise, EnterpriseSize.Small, "130203", "new-materials", OrganisationStatus.Verified),
        new("sme-qhd", "秦皇岛示范海洋食品有限公司（演示）", OrganisationType.PrivateEnterprise, EnterpriseSize.Small, "130302", "agriculture", OrganisationStatus.Verified),
        new("sme-hd", "邯郸示范紧固件有限公司（演示）", OrganisationType.PrivateEnterprise, EnterpriseSize.Small, "130408", "equipment", OrganisationStatus.Verified),
        new("sme-hd-2", "邯郸示范煤化工有限公司（演示）", OrganisationType.PrivateEnterprise, EnterpriseSize.Medium, "130406", "chemicals", OrganisationStatus.Verified),
        new("sme-xt", "邢台示范轴承有限公司（演示）", OrganisationType.PrivateEnterprise, EnterpriseSize.Small, "130535", "high-end-equipment", OrganisationStatus.Verified),
        new("sme-bd", "保定示范汽车零部件有限公司（演示）", OrganisationType.PrivateEnterprise, EnterpriseSize.Medium, "130609", "equipment", OrganisationStatus.Verified),
        new("sme-bd-2", "保定示范光伏材料有限公司（演示）", OrganisationType.PrivateEnterprise, EnterpriseSize.Small, "130671", "new-energy", OrganisationStatus.Verified),
        new("sme-zjk", "张家口示范风电运维有限公司（演示）", OrganisationType.PrivateEnterprise, EnterpriseSize.Small, "130708", "new-energy", OrganisationStatus.Verified),
        new("sme-cd", "承德示范中药材开发有限公司（演示）", OrganisationType.PrivateEnterprise, EnterpriseSize.Micro, "130821", "biomedicine", OrganisationStatus.Verified),
        new("sme-cz", "沧州示范管道装备有限公司（演示）", OrganisationType.PrivateEnterprise, EnterpriseSize.Small, "130925", "equipment", OrganisationStatus.Verified),
        new("sme-cz-2", "沧州示范精细化工有限公司（演示）", OrganisationType.PrivateEnterprise, EnterpriseSize.Medium, "130973", "chemicals", OrganisationStatus.Verified),
        new("sme-lf", "廊坊示范电子信息有限公司（演示）", OrganisationType.PrivateEnterprise, EnterpriseSize.Small, "131071", "electronics", OrganisationStatus.Verified),
        new("sme-lf-2", "廊坊示范软件科技有限公司（演示）", OrganisationType.PrivateEnterprise, EnterpriseSize.Micro, "131082", "intelligent-info", OrganisationStatus.Verified),
        new("sme-hs", "衡水示范橡塑制品有限公司（演示）", OrganisationType.PrivateEnterprise, EnterpriseSize.Small, "131102", "new-materials", OrganisationStatus.Verified),
        new("sme-dz", "定州示范体育器材有限公司（演示）", OrganisationType.PrivateEnterprise, EnterpriseSize.Small, "130682", "equipment", OrganisationStatus.Verified),
        new("sme-xj", "辛集示范皮革科技有限公司（演示）", OrganisationType.PrivateEnterprise, EnterpriseSize.Small, "130181", "chemicals", OrganisationStatus.Verified),
        new("sme-xa", "雄安示范智能网联科技有限公司（演示）", OrganisationType.PrivateEnterprise, EnterpriseSize.Small, "130629", "intelligent-info", OrganisationStatus.Verified),
        new("sme-xa-2", "雄安示范水环境治理有限公司（演示）", OrganisationType.PrivateEnterprise, EnterpriseSize.Micro, "130632", "other", OrganisationStatus.Verified),
    ];

    /// <summary>Keys of the demo organisations that hold the demo catalogue, with their share of it.</summary>
    public static IReadOnlyList<(string Key, int Weight)> CatalogueHolders { get; } =
    [
        ("university", 30), ("institute", 15), ("soe", 10), ("hd-college", 12), ("lf-institute", 10),
        ("qhd-university", 10), ("ts-soe", 6), ("xt-institute", 5), ("sme-holder", 2),
    ];

    /// <summary>
    /// Keys of the demo SMEs that post the demo demands, with their share of them. The demo SME account's own company
    /// ("sme") takes a handful, so that its workspace shows published demands; the others share the rest.
    /// </summary>
    public static IReadOnlyList<(string Key, int Weight)> DemandPosters { get; } =
    [
        ("sme", 1), ("sme-sjz", 4), ("sme-ts", 4), ("sme-ts-2", 4), ("sme-qhd", 4), ("sme-hd", 4), ("sme-hd-2", 4), ("sme-xt", 4),
        ("sme-bd", 4), ("sme-bd-2", 4), ("sme-zjk", 4), ("sme-cd", 4), ("sme-cz", 4), ("sme-cz-2", 4), ("sme-lf", 4), ("sme-lf-2", 4),
        ("sme-hs", 4), ("sme-dz", 4), ("sme-xj", 4), ("sme-xa", 4), ("sme-xa-2", 4),
    ];

    public static IReadOnlyList<DemoAccount> Accounts { get; } =
    [
        new("sme@demo.example", Roles.SmeUser, "张经理（演示）", "sme"),
        new("holder@demo.example", Roles.PatentHolder, "李老师（演示）", "university"),
        new("agency@demo.example", Roles.ServiceAgency, "王顾问（演示）", "agency"),
        new("bank@demo.example", Roles.FinancialInstitution, "赵经理（演示）", "bank"),
        new("city.sjz@demo.example", Roles.CityStaff, "石家庄审核员（演示）", "city-sjz", "1301"),
        new("city.bd@demo.example", Roles.CityStaff, "保定审核员（演示）", "city-bd", "1306"),
        new("province@demo.example", Roles.ProvincialStaff, "省局工作人员（演示）", "province"),
        new("admin@demo.example", Roles.Administrator, "平台管理员（演示）", "operator"),
        new("pending@demo.example", Roles.SmeUser, "陈总（演示·待审核）", "pending-sjz"),
        new("institute@demo.example", Roles.PatentHolder, "刘主任（演示）", "institute"),
        new("soe@demo.example", Roles.PatentHolder, "孙部长（演示）", "soe"),
    ];

    /// <summary>The demo organisations by key (after <see cref="SeedAsync"/>).</summary>
    public async Task<IReadOnlyDictionary<string, Organisation>> OrganisationsAsync(CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, Organisation>(StringComparer.Ordinal);
        for (var i = 0; i < Organisations.Length; i++)
        {
            var code = DemoCreditCode(Organisations[i].Type, Organisations[i].RegionCode, i + 1);
            if (await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.CreditCode == code, cancellationToken) is { } organisation)
            {
                result[Organisations[i].Key] = organisation;
            }
        }

        return result;
    }

    public async Task<IReadOnlyList<DemoAccount>> SeedAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var reviewerId = await EnsureReviewerAsync(now, cancellationToken);
        var organisations = new Dictionary<string, Organisation>(StringComparer.Ordinal);
        for (var i = 0; i < Organisations.Length; i++)
        {
            organisations[Organisations[i].Key] = await EnsureOrganisationAsync(Organisations[i], i + 1, reviewerId, now, cancellationToken);
        }

        foreach (var account in Accounts)
        {
            await EnsureAccountAsync(account, organisations[account.OrganisationKey], now);
        }

        return Accounts;
    }

    /// <summary>Deterministic, valid credit codes: "91"/"12"/"11" + county code + "MADEM" + serial + check.</summary>
    public static CreditCode DemoCreditCode(OrganisationType type, string regionCode, int serial)
    {
        var prefix = type switch
        {
            OrganisationType.Government => "11",
            OrganisationType.University or OrganisationType.ResearchInstitute => "12",
            _ => "91",
        };
        var first17 = $"{prefix}{regionCode.PadRight(6, '0')[..6]}MADEM{serial:D4}";
        return CreditCode.Parse(first17 + CreditCode.ComputeCheckCharacter(first17));
    }

    private async Task<Guid> EnsureReviewerAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Seeded verifications need a reviewer: the platform operator's administrator, whose own organisation
        // is created pending and then verified by that administrator.
        var admin = Accounts.Single(a => a.Role == Roles.Administrator);
        var operatorDemo = Organisations.Single(o => o.Key == admin.OrganisationKey);
        var organisation = await EnsureOrganisationAsync(operatorDemo, Array.IndexOf(Organisations, operatorDemo) + 1, null, now, cancellationToken);
        var user = await EnsureAccountAsync(admin, organisation, now);
        if (organisation.Status == OrganisationStatus.Pending)
        {
            organisation.Verify(user.Id, now);
            await db.SaveChangesAsync(cancellationToken);
        }

        return user.Id;
    }

    private async Task<Organisation> EnsureOrganisationAsync(DemoOrganisation demo, int serial, Guid? reviewerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var code = DemoCreditCode(demo.Type, demo.RegionCode, serial);
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.CreditCode == code, cancellationToken);
        if (organisation is not null)
        {
            return organisation;
        }

        organisation = new Organisation(demo.Name, demo.Type, demo.Size, code, demo.RegionCode, demo.Industry, now, isDemo: true);
        db.Organisations.Add(organisation);
        if (reviewerId is { } reviewer)
        {
            switch (demo.Status)
            {
                case OrganisationStatus.Verified:
                    organisation.Verify(reviewer, now);
                    break;
                case OrganisationStatus.Rejected:
                    organisation.Reject(reviewer, demo.RejectionReason!, now);
                    break;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return organisation;
    }

    private async Task<PortalUser> EnsureAccountAsync(DemoAccount account, Organisation organisation, DateTimeOffset now)
    {
        var user = await userManager.FindByEmailAsync(account.Email);
        if (user is not null)
        {
            return user;
        }

        user = new PortalUser
        {
            UserName = account.Email,
            Email = account.Email,
            EmailConfirmed = true,
            DisplayName = account.DisplayName,
            OrganisationId = organisation.Id,
            CityCode = account.CityCode,
            CreatedAt = now,
            IsDemo = true,
        };
        Check(await userManager.CreateAsync(user, DemoPassword), account.Email);
        Check(await userManager.AddToRoleAsync(user, account.Role), account.Email);
        logger.LogInformation("Created demo account for role {Role}", account.Role);
        return user;
    }

    internal static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo account {email}: {string.Join("; ", result.Errors.Select(e => e.Code))}");
        }
    }
}
