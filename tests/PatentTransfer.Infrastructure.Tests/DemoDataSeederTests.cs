using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PatentTransfer.Domain.Auditing;
using PatentTransfer.Domain.Identity;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Domain.Regions;
using PatentTransfer.Infrastructure.Data.Seeding;
using PatentTransfer.Infrastructure.Identity;
using PatentTransfer.Testing;

namespace PatentTransfer.Infrastructure.Tests;

public sealed record SeedCounts(int Organisations, int DemoOrganisations, int Users, int UserRoles, int OrganisationAuditRows);

/// <summary>
/// A database of its own (so the demo data does not leak into other tests), seeded twice through the services
/// AddInfrastructure registers, as the CLI does.
/// </summary>
public sealed class SeededDemoDatabase : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = default!;
    public IHost Host { get; private set; } = default!;
    public IReadOnlyList<DemoAccount> FirstAccounts { get; private set; } = [];
    public IReadOnlyList<DemoAccount> SecondAccounts { get; private set; } = [];
    public SeedCounts Before { get; private set; } = default!;
    public SeedCounts AfterFirst { get; private set; } = default!;
    public SeedCounts AfterSecond { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        Database = await TestDatabase.CreateAsync("seed", cancellationToken);
        Host = ServiceHost.Build(Database.AppConnectionString);
        Before = await CountAsync();
        FirstAccounts = await SeedAsync(cancellationToken);
        AfterFirst = await CountAsync();
        SecondAccounts = await SeedAsync(cancellationToken);
        AfterSecond = await CountAsync();
    }

    private async Task<IReadOnlyList<DemoAccount>> SeedAsync(CancellationToken cancellationToken)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(cancellationToken);
    }

    private async Task<SeedCounts> CountAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var db = Database.CreateOwnerContext();
        return new SeedCounts(
            await db.Organisations.CountAsync(cancellationToken),
            await db.Organisations.CountAsync(o => o.IsDemo, cancellationToken),
            await db.Users.CountAsync(cancellationToken),
            await db.UserRoles.CountAsync(cancellationToken),
            await db.AuditEntries.CountAsync(a => a.RecordType == nameof(Organisation), cancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        Host?.Dispose();
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }
}

public class DemoDataSeederTests(SeededDemoDatabase seeded) : IClassFixture<SeededDemoDatabase>
{
    private const string DemoMarker = "（演示）";

    private async Task<List<Organisation>> OrganisationsAsync()
    {
        await using var db = seeded.Database.CreateOwnerContext();
        return await db.Organisations.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public void FirstRunCreatesTheDemoData()
    {
        Assert.Equal(new SeedCounts(0, 0, 0, 0, 0), seeded.Before);
        // 22 of every kind and 20 SMEs that post the demo demands, one or two in each city-level unit.
        Assert.Equal(42, seeded.AfterFirst.DemoOrganisations);
        Assert.Equal(seeded.AfterFirst.Organisations, seeded.AfterFirst.DemoOrganisations);
        Assert.Equal(DemoDataSeeder.Accounts.Count, seeded.AfterFirst.Users);
        Assert.Equal(DemoDataSeeder.Accounts.Count, seeded.AfterFirst.UserRoles);
        Assert.True(seeded.AfterFirst.OrganisationAuditRows >= seeded.AfterFirst.Organisations);
        Assert.Equal(DemoDataSeeder.Accounts, seeded.FirstAccounts);
    }

    [Fact]
    public void SecondRunCreatesNothingNew()
    {
        Assert.Equal(seeded.AfterFirst, seeded.AfterSecond);
        Assert.Equal(seeded.FirstAccounts, seeded.SecondAccounts);
    }

    [Fact]
    public async Task EveryDemoOrganisationIsMarkedWithAValidCreditCode()
    {
        var organisations = await OrganisationsAsync();

        Assert.NotEmpty(organisations);
        Assert.All(organisations, o => Assert.True(o.IsDemo, o.Name));
        Assert.Equal(organisations.Count, organisations.Select(o => o.CreditCode.Value).Distinct(StringComparer.Ordinal).Count());
        Assert.All(organisations, o =>
        {
            Assert.True(CreditCode.TryParse(o.CreditCode.Value, out _, out var error), $"{o.Name}: {error}");
            var prefix = o.Type switch
            {
                OrganisationType.Government => "11",
                OrganisationType.University or OrganisationType.ResearchInstitute => "12",
                _ => "91",
            };
            Assert.StartsWith(prefix + o.RegionCode, o.CreditCode.Value, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task EveryDemoOrganisationNameEndsInTheDemoMarker()
    {
        var organisations = await OrganisationsAsync();

        Assert.NotEmpty(organisations);
        Assert.All(organisations, o => Assert.EndsWith(DemoMarker, o.Name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryRoleHasAVerifiedDemoAccount()
    {
        await using var db = seeded.Database.CreateOwnerContext();
        var accounts = await (
                from user in db.Users
                join userRole in db.UserRoles on user.Id equals userRole.UserId
                join role in db.Roles on userRole.RoleId equals role.Id
                join organisation in db.Organisations on user.OrganisationId equals (Guid?)organisation.Id
                select new { user.Email, user.IsDemo, user.EmailConfirmed, Role = role.Name, organisation.Status })
            .ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(DemoDataSeeder.Accounts.Count, accounts.Count);
        Assert.All(accounts, a => Assert.True(a.IsDemo && a.EmailConfirmed, a.Email));
        foreach (var role in Roles.All)
        {
            Assert.Contains(accounts, a => a.Role == role && a.Status == OrganisationStatus.Verified);
        }

        // Reviewing and administration have a single demo account each.
        foreach (var role in new[] { Roles.ProvincialStaff, Roles.Administrator, Roles.ServiceAgency, Roles.FinancialInstitution })
        {
            Assert.Single(accounts, a => a.Role == role && a.Status == OrganisationStatus.Verified);
        }

        Assert.Single(accounts, a => a.Role == Roles.SmeUser && a.Status == OrganisationStatus.Verified);
        Assert.Single(accounts, a => a.Role == Roles.SmeUser && a.Status == OrganisationStatus.Pending);
    }

    [Fact]
    public async Task DemoAccountsMatchTheListAndUseTheDemoPassword()
    {
        await using var scope = seeded.Host.Services.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();

        Assert.Equal("Demo#2026", DemoDataSeeder.DemoPassword);
        foreach (var account in DemoDataSeeder.Accounts)
        {
            var user = await userManager.FindByEmailAsync(account.Email);
            Assert.NotNull(user);
            Assert.True(await userManager.CheckPasswordAsync(user, DemoDataSeeder.DemoPassword), account.Email);
            Assert.False(await userManager.CheckPasswordAsync(user, "demo#2026"), account.Email);
            Assert.Equal([account.Role], await userManager.GetRolesAsync(user));
            Assert.Equal(account.DisplayName, user.DisplayName);
            Assert.Equal(account.CityCode, user.CityCode);
            Assert.True(user.IsDemo);
            Assert.NotNull(user.OrganisationId);
        }
    }

    [Fact]
    public async Task CityStaffWorkForACityLevelUnit()
    {
        await using var db = seeded.Database.CreateOwnerContext();
        var cityLevel = await db.Regions.AsNoTracking()
            .Where(r => r.Kind == RegionKind.PrefectureCity || r.Kind == RegionKind.DirectlyAdministeredCity || r.Kind == RegionKind.NewArea)
            .Select(r => r.Code)
            .ToListAsync(TestContext.Current.CancellationToken);

        var cityStaff = DemoDataSeeder.Accounts.Where(a => a.Role == Roles.CityStaff).ToList();

        Assert.NotEmpty(cityStaff);
        Assert.All(cityStaff, a => Assert.Contains(a.CityCode, cityLevel));
        Assert.All(DemoDataSeeder.Accounts.Where(a => a.Role != Roles.CityStaff), a => Assert.Null(a.CityCode));
    }

    [Fact]
    public async Task PendingOrganisationsAreSpreadOverSeveralCities()
    {
        await using var db = seeded.Database.CreateOwnerContext();
        var pendingCities = await (
                from organisation in db.Organisations
                join region in db.Regions on organisation.RegionCode equals region.Code
                where organisation.Status == OrganisationStatus.Pending
                select region.CityCode)
            .Distinct()
            .ToListAsync(TestContext.Current.CancellationToken);

        Assert.True(pendingCities.Count >= 3, string.Join(", ", pendingCities));
        Assert.Contains(HebeiRegions.XiongAnCode, pendingCities);
        Assert.Contains(HebeiRegions.DingzhouCode, pendingCities);
    }

    [Fact]
    public async Task EveryCityLevelUnitHasOneOrTwoVerifiedDemoSmesThatPostDemands()
    {
        await using var db = seeded.Database.CreateOwnerContext();
        var posters = DemoDataSeeder.DemandPosters.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var keys = await PosterKeysAsync();
        var cities = await (
                from organisation in db.Organisations
                join region in db.Regions on organisation.RegionCode equals region.Code
                select new { organisation.Id, organisation.Status, organisation.Type, organisation.Size, region.CityCode })
            .ToListAsync(TestContext.Current.CancellationToken);
        var cityLevel = await db.Regions.AsNoTracking()
            .Where(r => r.Kind == RegionKind.PrefectureCity || r.Kind == RegionKind.DirectlyAdministeredCity || r.Kind == RegionKind.NewArea)
            .Select(r => r.Code)
            .ToListAsync(TestContext.Current.CancellationToken);

        var posting = cities.Where(c => keys.TryGetValue(c.Id, out var key) && posters.Contains(key)).ToList();

        Assert.Equal(posters.Count, posting.Count);
        Assert.All(posting, c => Assert.Equal((OrganisationStatus.Verified, OrganisationType.PrivateEnterprise), (c.Status, c.Type)));
        Assert.All(posting, c => Assert.Contains(c.Size, new EnterpriseSize?[] { EnterpriseSize.Micro, EnterpriseSize.Small, EnterpriseSize.Medium }));
        Assert.Equal(cityLevel.Order(StringComparer.Ordinal), posting.Select(c => c.CityCode!).Distinct().Order(StringComparer.Ordinal));
        Assert.All(posting.GroupBy(c => c.CityCode), city => Assert.InRange(city.Count(), 1, 2));
    }

    private async Task<Dictionary<Guid, string>> PosterKeysAsync()
    {
        await using var scope = seeded.Host.Services.CreateAsyncScope();
        var organisations = await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().OrganisationsAsync(TestContext.Current.CancellationToken);
        return organisations.ToDictionary(o => o.Value.Id, o => o.Key);
    }

    [Fact]
    public async Task RejectedDemoOrganisationCarriesItsReason()
    {
        var rejected = Assert.Single(await OrganisationsAsync(), o => o.Status == OrganisationStatus.Rejected);

        Assert.False(string.IsNullOrWhiteSpace(rejected.RejectionReason));
        Assert.NotNull(rejected.ReviewedByUserId);
    }

    [Fact]
    public async Task EveryDemoOrganisationHasItsAuditTrail()
    {
        await using var db = seeded.Database.CreateOwnerContext();
        var organisations = await db.Organisations.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        var audited = await db.AuditEntries.AsNoTracking()
            .Where(a => a.RecordType == nameof(Organisation) && a.Category == AuditCategory.Business)
            .Select(a => a.RecordId)
            .ToListAsync(TestContext.Current.CancellationToken);

        Assert.All(organisations, o => Assert.Contains(o.Id.ToString(), audited));
    }
}
