using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PatentTransfer.Domain.Auditing;
using PatentTransfer.Domain.Demands;
using PatentTransfer.Domain.Identity;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Domain.Regions;
using PatentTransfer.Infrastructure.Data;
using PatentTransfer.Infrastructure.Data.Seeding;
using PatentTransfer.Infrastructure.Identity;
using PatentTransfer.Testing;

namespace PatentTransfer.Infrastructure.Tests.Demands;

public sealed record DemoDemandCounts(int Demands, int Users, int Organisations, int AuditEntries);

/// <summary>
/// A database of its own with the demo organisations and accounts, then the demo demands loaded twice through the
/// services AddInfrastructure registers, as the CLI's <c>db setup --demo</c> does.
/// </summary>
public sealed class SeededDemoDemands : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = default!;
    public IHost Host { get; private set; } = default!;
    public DemoDemandSeedResult First { get; private set; } = default!;
    public DemoDemandSeedResult Second { get; private set; } = default!;
    public DemoDemandCounts AfterFirst { get; private set; } = default!;
    public DemoDemandCounts AfterSecond { get; private set; } = default!;
    public DateTimeOffset StartedAt { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        Database = await TestDatabase.CreateAsync("demodemands", cancellationToken);
        Host = ServiceHost.Build(Database.AppConnectionString);
        StartedAt = DateTimeOffset.UtcNow;
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(cancellationToken);
        }

        First = await SeedAsync(cancellationToken);
        AfterFirst = await CountAsync(cancellationToken);
        Second = await SeedAsync(cancellationToken);
        AfterSecond = await CountAsync(cancellationToken);
    }

    private async Task<DemoDemandSeedResult> SeedAsync(CancellationToken cancellationToken)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DemoDemandSeeder>().SeedAsync(cancellationToken);
    }

    private async Task<DemoDemandCounts> CountAsync(CancellationToken cancellationToken)
    {
        await using var db = Database.CreateOwnerContext();
        return new DemoDemandCounts(
            await db.Demands.CountAsync(cancellationToken),
            await db.Users.CountAsync(cancellationToken),
            await db.Organisations.CountAsync(cancellationToken),
            await db.AuditEntries.CountAsync(cancellationToken));
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

public class DemoDemandSeederTests(SeededDemoDemands seeded) : IClassFixture<SeededDemoDemands>
{
    private const int RealDemands = 371;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);

    private PortalDbContext Db() => seeded.Database.CreateOwnerContext();

    private async Task<List<Demand>> DemandsAsync()
    {
        await using var db = Db();
        return await db.Demands.AsNoTracking().ToListAsync(Ct);
    }

    /// <summary>Each demand with the organisation that owns it and that organisation's city-level unit.</summary>
    private async Task<List<(Demand Demand, Organisation Owner, string CityCode)>> OwnedAsync()
    {
        await using var db = Db();
        var rows = await (
                from d in db.Demands.AsNoTracking()
                join o in db.Organisations.AsNoTracking() on d.SmeOrganisationId equals o.Id
                join r in db.Regions.AsNoTracking() on o.RegionCode equals r.Code
                select new { d, o, r.CityCode })
            .ToListAsync(Ct);
        return rows.Select(x => (x.d, x.o, x.CityCode!)).ToList();
    }

    [Fact]
    public void EveryRealDemandIsPublishedOnceAndASecondRunAddsNothing()
    {
        Assert.Equal(new DemoDemandSeedResult(RealDemands, 0, []), seeded.First with { Skipped = [] });
        Assert.Empty(seeded.First.Skipped);
        Assert.Equal((0, RealDemands), (seeded.Second.Added, seeded.Second.AlreadyLoaded));
        Assert.Empty(seeded.Second.Skipped);
        Assert.Equal(RealDemands, seeded.AfterFirst.Demands);
        Assert.Equal(seeded.AfterFirst, seeded.AfterSecond);
    }

    [Fact]
    public async Task EveryDemandIsPublishedValidTodayMarkedDemoAndNamesItsSource()
    {
        var demands = await DemandsAsync();
        var today = Today;

        Assert.Equal(RealDemands, demands.Count);
        Assert.All(demands, d =>
        {
            Assert.Equal(DemandStatus.Published, d.Status);
            Assert.False(d.IsExpired(today), d.Title);
            Assert.Empty(d.CurrentDetails.Validate(today, carriedOver: true));
            Assert.True(d.IsDemo);
            Assert.Equal(DemoDemandSeeder.SourceName, d.Source);
            Assert.True(d.IsCarriedOver);
            Assert.NotNull(d.ReviewedByUserId);
            Assert.True(d.CreatedAt < d.SubmittedAt && d.SubmittedAt < d.PublishedAt, d.Title);
            Assert.InRange(d.PublishedAt!.Value, seeded.StartedAt.AddDays(-90), DateTimeOffset.UtcNow);
            Assert.InRange(d.ValidUntil, today.AddMonths(3).AddDays(-1), today.AddMonths(DemandDetails.MaxValidityMonths));
        });
        Assert.True(DemoDemandSeeder.SourceName.Length <= 100);
    }

    [Fact]
    public async Task TheDemandsAreSpreadOverAllFourteenCityLevelUnits()
    {
        await using var db = Db();
        var cityLevel = await db.Regions.AsNoTracking()
            .Where(r => r.Kind == RegionKind.PrefectureCity || r.Kind == RegionKind.DirectlyAdministeredCity || r.Kind == RegionKind.NewArea)
            .Select(r => r.Code)
            .ToListAsync(Ct);

        var byCity = (await OwnedAsync()).GroupBy(x => x.CityCode).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(14, cityLevel.Count);
        Assert.Equal(cityLevel.Order(StringComparer.Ordinal), byCity.Keys.Order(StringComparer.Ordinal));
        Assert.All(byCity, city => Assert.True(city.Value >= 5, $"{city.Key}: {city.Value}"));
    }

    [Fact]
    public async Task OnlyVerifiedDemoSmesOwnThemAndNoRealOrganisation()
    {
        var owners = (await OwnedAsync()).Select(x => x.Owner).DistinctBy(o => o.Id).ToList();
        var demoKeys = await DemoOrganisationKeysAsync();

        Assert.True(owners.Count >= 20, $"{owners.Count} owners");
        Assert.All(owners, o =>
        {
            Assert.True(o.IsDemo, o.Name);
            Assert.EndsWith("（演示）", o.Name, StringComparison.Ordinal);
            Assert.True(o.IsSme, o.Name);
            Assert.Equal(OrganisationStatus.Verified, o.Status);
            Assert.Contains(demoKeys[o.Id], DemoDataSeeder.DemandPosters.Select(p => p.Key));
        });
    }

    [Fact]
    public async Task TheDemoSmeAccountSeesAHandfulOfItsOwnInItsWorkspace()
    {
        await using var db = Db();
        var sme = await db.Users.AsNoTracking().SingleAsync(u => u.Email == "sme@demo.example", Ct);

        var own = await db.Demands.AsNoTracking().Where(d => d.SmeOrganisationId == sme.OrganisationId).ToListAsync(Ct);

        Assert.InRange(own.Count, 3, 20);
        Assert.All(own, d => Assert.Equal(sme.Id, d.CreatedByUserId));
        Assert.All(own, d => Assert.Equal(sme.DisplayName, d.ContactName));
    }

    [Fact]
    public async Task EachDemandIsPostedByAnSmeUserOfItsOwnerWhoOtherwiseCannotSignIn()
    {
        await using var db = Db();
        var smeRole = await db.Roles.AsNoTracking().SingleAsync(r => r.Name == Roles.SmeUser, Ct);
        var posters = await (
                from d in db.Demands.AsNoTracking()
                join u in db.Users.AsNoTracking() on d.CreatedByUserId equals u.Id
                select new { d.SmeOrganisationId, User = u, IsSmeUser = db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == smeRole.Id) })
            .ToListAsync(Ct);
        var signIn = DemoDataSeeder.Accounts.Select(a => a.Email).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(RealDemands, posters.Count);
        Assert.All(posters, p =>
        {
            Assert.Equal(p.SmeOrganisationId, p.User.OrganisationId);
            Assert.True(p.IsSmeUser, p.User.Email);
            Assert.True(p.User.IsDemo, p.User.Email);
        });
        var madeForDemands = posters.Select(p => p.User).Where(u => !signIn.Contains(u.Email!)).DistinctBy(u => u.Id).ToList();
        Assert.Equal(DemoDataSeeder.DemandPosters.Count - 1, madeForDemands.Count);
        Assert.Equal(madeForDemands.Count, madeForDemands.Select(u => u.DisplayName).Distinct().Count());
        Assert.All(madeForDemands, u =>
        {
            Assert.Null(u.PasswordHash);
            Assert.False(u.EmailConfirmed);
            Assert.EndsWith("（演示）", u.DisplayName, StringComparison.Ordinal);
            Assert.EndsWith("@demo.example", u.Email, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task TheAuditTrailShowsThePosterSubmittingAndTheStaffOfTheCityApproving()
    {
        await using var db = Db();
        var cityStaff = await db.Users.AsNoTracking().Where(u => u.CityCode != null && u.IsDemo).ToDictionaryAsync(u => u.CityCode!, u => u.Id, Ct);
        var province = await db.Users.AsNoTracking().SingleAsync(u => u.Email == "province@demo.example", Ct);
        var trail = (await db.AuditEntries.AsNoTracking().Where(a => a.RecordType == nameof(Demand)).ToListAsync(Ct))
            .ToLookup(a => a.RecordId);

        foreach (var (demand, _, city) in await OwnedAsync())
        {
            var entries = trail[demand.Id.ToString()].OrderBy(a => a.Id).ToList();
            Assert.Equal([AuditActions.DemandCreated, AuditActions.DemandSubmitted, AuditActions.DemandPublished], entries.Select(a => a.Action));
            Assert.All(entries[..2], a => Assert.Equal(demand.CreatedByUserId, a.ActorUserId));
            var reviewer = cityStaff.GetValueOrDefault(city, province.Id);
            Assert.Equal(reviewer, entries[2].ActorUserId);
            Assert.Equal(reviewer, demand.ReviewedByUserId);
        }

        Assert.Contains(cityStaff["1301"], (await DemandsAsync()).Select(d => d.ReviewedByUserId));
        Assert.Contains(province.Id, (await DemandsAsync()).Select(d => d.ReviewedByUserId));
    }

    [Fact]
    public async Task ConfidentialityBudgetsAndTypesAreMixed()
    {
        var demands = await DemandsAsync();

        var levels = demands.GroupBy(d => d.Confidentiality).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(3, levels.Count);
        Assert.True(levels[DemandConfidentiality.Public] > levels[DemandConfidentiality.Anonymised]);
        Assert.True(levels[DemandConfidentiality.Anonymised] > levels[DemandConfidentiality.PlatformOnly]);

        Assert.Contains(demands, d => d.BudgetNegotiable);
        Assert.Contains(demands, d => d.BudgetMinWan is not null && d.BudgetMaxWan > d.BudgetMinWan);
        Assert.Contains(demands, d => d.BudgetMinWan is null && d.BudgetMaxWan is not null);
        Assert.All(demands.Where(d => d.BudgetNegotiable), d => Assert.Equal((null, null), (d.BudgetMinWan, d.BudgetMaxWan)));

        Assert.Equal(Enum.GetValues<DemandType>().Order(), demands.Select(d => d.Type).Distinct().Order());
        Assert.True(demands.Count(d => d.Type == DemandType.TechnicalProblem) > RealDemands / 2);
        Assert.All(demands, d => Assert.NotEmpty(d.Modes));
    }

    [Fact]
    public async Task TargetsAreReadFromTheTextWhereItHasThemAndNotInventedElsewhere()
    {
        var demands = await DemandsAsync();

        var withTargets = demands.Where(d => d.Targets.Length > 0).ToList();
        Assert.InRange(withTargets.Count, 50, 80);
        // A technology demand posted elsewhere without a quantified target keeps its type: the exemption, not a new type.
        Assert.Contains(demands, d => DemandDetails.NeedsTargets(d.Type) && d.Targets.Length == 0);

        var cbn = Assert.Single(demands, d => d.Title == "高韧性立方氮化硼CBN单晶的研制及其产业化");
        Assert.Equal(
            [
                new DemandTarget("100/120粒度的抗冲击韧性", TargetComparator.AtLeast, 67m, null, "%"),
                new DemandTarget("堆积密度", TargetComparator.AtLeast, 1.80m, null, "克/立方厘米"),
                new DemandTarget("氮化硼六方相到立方相的转变", TargetComparator.AtLeast, 73m, null, "%"),
            ],
            cbn.Targets);
        Assert.StartsWith("基于企业现有立方氮化硼产品牌号", cbn.Description, StringComparison.Ordinal);
        Assert.StartsWith("1、公司现有标准化厂房3栋", cbn.ExistingBasis, StringComparison.Ordinal);
        Assert.Contains("氮化硼", cbn.Keywords);
    }

    [Fact]
    public async Task APostingWithoutTextIsDescribedByItsTitleAndABudgetItStatesIsNotContradicted()
    {
        var demands = await DemandsAsync();

        var titleOnly = Assert.Single(demands, d => d.Title == "金银花全基因组技术");
        Assert.Equal(titleOnly.Title, titleOnly.Description);
        Assert.Null(titleOnly.ExistingBasis);

        // "…预算150万…": the SME's own figure stays the only one shown.
        var stated = Assert.Single(demands, d => d.Title == "膨化设备节能及自动化改造");
        Assert.True(stated.BudgetNegotiable);
    }

    [Fact]
    public async Task IndustryIpcHintAndKeywordsComeFromTheReferenceTablesAndTheText()
    {
        await using var db = Db();
        var industries = await db.Industries.AsNoTracking().Select(i => i.Code).ToListAsync(Ct);
        var demands = await DemandsAsync();
        var hints = demands.Where(d => d.IpcHint is not null).Select(d => d.IpcHint!).Distinct().ToList();
        var known = await db.IpcEntries.AsNoTracking().Where(e => hints.Contains(e.Code)).Select(e => e.Code).ToListAsync(Ct);

        Assert.All(demands, d => Assert.Contains(d.IndustryCode, industries));
        Assert.True(demands.Select(d => d.IndustryCode).Distinct().Count() >= 8);
        Assert.True(demands.Count(d => d.IpcHint is not null) > RealDemands * 3 / 4);
        Assert.Equal(hints.Order(StringComparer.Ordinal), known.Order(StringComparer.Ordinal));
        Assert.All(hints, h => Assert.Matches("^[A-H][0-9]{2}[A-Z]$", h));
        Assert.True(demands.Count(d => d.Keywords.Length >= 3) > RealDemands * 9 / 10);

        // Every keyword is a word of the demand's own posting, never a guess about it.
        var postings = SourcePostings();
        Assert.All(demands, d => Assert.All(d.Keywords, k => Assert.Contains(postings[d.Title], text => text.Contains(k, StringComparison.Ordinal))));
    }

    /// <summary>Title and text of every real posting, by title (a few titles were posted more than once).</summary>
    private static ILookup<string, string> SourcePostings()
    {
        using var stream = typeof(DemoDemandSeeder).Assembly.GetManifestResourceStream(DemoDemandSeeder.ResourceName)!;
        using var reader = new StreamReader(stream);
        var rows = new List<(string Title, string Text)>();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            using var json = System.Text.Json.JsonDocument.Parse(line);
            var title = json.RootElement.GetProperty("title").GetString()!;
            rows.Add((title, title + json.RootElement.GetProperty("content").GetString()));
        }

        return rows.ToLookup(r => r.Title, r => r.Text);
    }

    private async Task<Dictionary<Guid, string>> DemoOrganisationKeysAsync()
    {
        await using var scope = seeded.Host.Services.CreateAsyncScope();
        var organisations = await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().OrganisationsAsync(Ct);
        return organisations.ToDictionary(o => o.Value.Id, o => o.Key);
    }
}

public class DemoDemandTextTests
{
    [Fact]
    public void ATitleThatFitsIsKeptAndALongOneIsCutAtItsLastClause()
    {
        Assert.Equal("高韧性立方氮化硼CBN单晶的研制", DemoDemandSeeder.ShortTitle("  高韧性立方氮化硼CBN单晶的研制 "));
        var fits = new string('材', DemandDetails.TitleMaxLength);
        Assert.Equal(fits, DemoDemandSeeder.ShortTitle(fits));

        var longTitle = new string('甲', 60) + "，" + new string('乙', 60);
        Assert.Equal(new string('甲', 60), DemoDemandSeeder.ShortTitle(longTitle));

        var noClause = new string('丙', 150);
        var cut = DemoDemandSeeder.ShortTitle(noClause);
        Assert.Equal(DemandDetails.TitleMaxLength, cut.Length);
        Assert.EndsWith("…", cut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("希望引进成熟的膜分离技术", DemandType.TechnologyImport)]
    [InlineData("寻求高校合作开发新型催化剂", DemandType.JointRnD)]
    [InlineData("与科研院所共同研发耐磨衬板", DemandType.JointRnD)]
    [InlineData("求购一项热处理专利或获得许可", DemandType.LicenceWanted)]
    [InlineData("需要CAE分析人才", DemandType.Talent)]
    [InlineData("焊缝开裂，希望找到稳定的焊接工艺", DemandType.TechnicalProblem)]
    [InlineData("引进专家合作研发", DemandType.TechnologyImport)]
    public void TheTypeFollowsTheCueWordsInOrder(string core, DemandType expected) =>
        Assert.Equal(expected, DemoDemandSeeder.TypeOf(core));
}
