using System.Diagnostics;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatentTransfer.Domain.Demands;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Infrastructure.Identity;
using PatentTransfer.Matching.Demands;
using PatentTransfer.Web.Features.DemandHall;
using static PatentTransfer.Web.Tests.DemandHall.DemandHallTestData;
using static PatentTransfer.Web.Tests.Demands.DemandTestData;

namespace PatentTransfer.Web.Tests.DemandHall;

/// <summary>The demand hall's service against the running portal: who sees which demand, what of its SME, and the search.</summary>
public class DemandHallServiceTests(PortalAppFactory app)
{
    private static readonly DemandContact Withheld = new("", "", null);

    /// <summary>Stands for the SME that posted the demands under test.</summary>
    private const string Owner = "owner";

    /// <summary>Stands for a fresh patent holder (a university) whose organisation is still awaiting review.</summary>
    private const string UnverifiedHolder = "unverified-holder";

    public static TheoryData<string, bool> Viewers => new()
    {
        // viewer, sees platform-only demands
        { AnonymousVisitor, false },
        { Owner, false },
        { Accounts.Sme, false },
        { Accounts.PendingSme, false },
        { Accounts.Holder, true },
        { UnverifiedHolder, false },
        { Accounts.Agency, false },
        { Accounts.Bank, false },
        { Accounts.ShijiazhuangStaff, true },
        { Accounts.BaodingStaff, true },
        { Accounts.Provincial, true },
        { Accounts.Administrator, true },
    };

    private async Task<ClaimsPrincipal> ViewerAsync(string viewer, PortalUser owner) => viewer switch
    {
        Owner => await PrincipalAsync(app, owner.Email!),
        UnverifiedHolder => await PrincipalAsync(app, (await RegisterAsync(app, OrganisationType.University, null, verified: false)).Email!),
        _ => await PrincipalAsync(app, viewer),
    };

    /// <summary>One demand of each confidentiality level of a fresh SME in 保定, listed once the index has all three.</summary>
    private async Task<(string Token, PortalUser Sme, PublishedDemand Public, PublishedDemand Anonymised, PublishedDemand PlatformOnly)> ThreeLevelsAsync()
    {
        var token = SearchToken();
        var sme = await RegisterSmeAsync(app, Baoding);
        var platformOnly = await PublishAsync(app, sme, token, DemandConfidentiality.PlatformOnly);
        var anonymised = await PublishAsync(app, sme, token, DemandConfidentiality.Anonymised);
        var open = await PublishAsync(app, sme, token, DemandConfidentiality.Public);
        await EventuallyAsync(app, await PrincipalAsync(app, Accounts.Provincial), new(token), open.Id, anonymised.Id, platformOnly.Id);
        return (token, sme, open, anonymised, platformOnly);
    }

    [Theory]
    [MemberData(nameof(Viewers))]
    public async Task EachViewerFindsTheLevelsTheirRoleAllowsAndOnlyPublicDemandsNameTheirSme(string viewer, bool seesPlatformOnly)
    {
        var (token, sme, open, anonymised, platformOnly) = await ThreeLevelsAsync();
        var principal = await ViewerAsync(viewer, sme);
        PublishedDemand[] hidden = seesPlatformOnly ? [anonymised, platformOnly] : [anonymised];

        var listed = await SearchAsync(app, principal, new(token));

        Assert.Equal(hidden.Append(open).Select(d => d.Id).Order(), listed.Rows.Select(r => r.Id).Order());
        Assert.Equal(hidden.Length + 1, listed.Total);
        Assert.Equal(seesPlatformOnly, await DetailAsync(app, principal, platformOnly.Id) is not null);
        var rows = listed.Rows.ToDictionary(r => r.Id);
        Assert.Equal(open.SmeName, rows[open.Id].Sme.Name);
        var shown = await DetailAsync(app, principal, open.Id);
        Assert.Equal(open.SmeName, shown!.Sme.Name);
        Assert.Equal(Withheld, shown.Content.Contact);
        foreach (var demand in hidden)
        {
            // City and size describe the SME without naming it; neither the name nor the contact travels.
            Assert.Equal(new DemandHallSme(null, "1306", EnterpriseSize.Small), rows[demand.Id].Sme);
            var detail = await DetailAsync(app, principal, demand.Id);
            Assert.NotNull(detail);
            Assert.Equal(new DemandHallSme(null, "1306", EnterpriseSize.Small), detail.Sme);
            Assert.Null(detail.Contact);
            Assert.Equal(DemandHallContactAccess.ThroughPlatform, detail.ContactAccess);
            Assert.Equal(Withheld, detail.Content.Contact);
        }
    }

    [Theory]
    [InlineData(AnonymousVisitor, DemandHallContactAccess.SignInFirst)]
    [InlineData(Accounts.PendingSme, DemandHallContactAccess.VerifiedOnly)]
    [InlineData(UnverifiedHolder, DemandHallContactAccess.VerifiedOnly)]
    [InlineData(Accounts.Sme, DemandHallContactAccess.Shown)]
    [InlineData(Accounts.Holder, DemandHallContactAccess.Shown)]
    [InlineData(Accounts.Agency, DemandHallContactAccess.Shown)]
    [InlineData(Accounts.Bank, DemandHallContactAccess.Shown)]
    [InlineData(Accounts.BaodingStaff, DemandHallContactAccess.Shown)]
    public async Task APublicDemandsContactGoesOnlyToSignedInUsersOfVerifiedOrganisationsAndStaff(string viewer, DemandHallContactAccess expected)
    {
        var sme = await RegisterSmeAsync(app, Baoding);
        var open = await PublishAsync(app, sme, SearchToken());

        var detail = await DetailAsync(app, await ViewerAsync(viewer, sme), open.Id);

        Assert.Equal(expected, detail!.ContactAccess);
        Assert.Equal(expected == DemandHallContactAccess.Shown ? open.Contact : null, detail.Contact);
    }

    [Fact]
    public async Task OnlyVerifiedHoldersMayProposeAndOnlyTheOwnerAndItsCitysStaffGetTheirLinks()
    {
        var sme = await RegisterSmeAsync(app, Baoding);
        var open = await PublishAsync(app, sme, SearchToken());

        async Task<DemandHallDetail> As(string viewer) => (await DetailAsync(app, await ViewerAsync(viewer, sme), open.Id))!;

        Assert.True((await As(Accounts.Holder)).ViewerMayPropose);
        Assert.False((await As(UnverifiedHolder)).ViewerMayPropose);
        Assert.False((await As(Accounts.Agency)).ViewerMayPropose);
        Assert.False((await As(Accounts.Provincial)).ViewerMayPropose);
        Assert.False((await As(AnonymousVisitor)).ViewerMayPropose);
        Assert.True((await As(Owner)).ViewerIsOwner);
        Assert.False((await As(Accounts.Sme)).ViewerIsOwner);
        Assert.True((await As(Accounts.BaodingStaff)).ViewerReviews);
        Assert.True((await As(Accounts.Provincial)).ViewerReviews);
        Assert.False((await As(Accounts.ShijiazhuangStaff)).ViewerReviews);
    }

    [Fact]
    public async Task TheDetailCarriesTheIpcHintsChineseTitleTheSourceAndTheDemoMark()
    {
        var sme = await RegisterSmeAsync(app, Baoding);
        var demo = await PublishAsync(app, sme, SearchToken(), isDemo: true, source: "CCF BDCI 2019");

        var detail = await DetailAsync(app, await PrincipalAsync(app, AnonymousVisitor), demo.Id);

        Assert.Equal("C22C", detail!.Ipc?.Code);
        Assert.Contains("合金", detail.Ipc?.Title, StringComparison.Ordinal);
        Assert.True(detail.IsDemo);
        Assert.Equal("CCF BDCI 2019", detail.Source);
        Assert.Equal(TodayOn(TimeProvider.System), detail.PublishedOn);
    }

    [Fact]
    public async Task ChineseWordsFoundOnlyInTheTargetsOrOnlyInTheProblemFindTheirDemand()
    {
        var token = SearchToken();
        var sme = await RegisterSmeAsync(app);
        var byTargets = await PublishAsync(app, sme, token, change: input =>
        {
            input.Title = token + " 薄膜材料改进";
            input.Description = "我公司生产农用覆盖薄膜，现有产品在低温下容易开裂，希望改进配方和工艺，延长使用寿命。";
            input.Targets = [new() { Indicator = "断裂伸长率", Comparator = PatentTransfer.Domain.Demands.TargetComparator.AtLeast, Value = 350m, Unit = "%" }];
            input.ExistingBasis = null;
        });
        var byProblem = await PublishAsync(app, sme, token, change: input =>
        {
            input.Title = token + " 焊接质量提升";
            input.Description = "我公司的压力容器焊接工序中焊缝气孔较多，返修率高，希望引进新的焊接工艺或保护气体配方。";
            input.Targets = [new() { Indicator = "一次合格率", Comparator = PatentTransfer.Domain.Demands.TargetComparator.AtLeast, Value = 98m, Unit = "%" }];
            input.ExistingBasis = null;
        });
        var anyone = await PrincipalAsync(app, AnonymousVisitor);
        await EventuallyAsync(app, anyone, new(token), byTargets.Id, byProblem.Id);

        var targets = await SearchAsync(app, anyone, new(token + " 断裂伸长率"));
        var problem = await SearchAsync(app, anyone, new(token + " 焊缝气孔"));

        Assert.Equal([byTargets.Id], targets.Rows.Select(r => r.Id));
        Assert.Contains("<mark>", targets.Rows[0].SnippetHighlighted, StringComparison.Ordinal);
        Assert.Contains("断裂", targets.Rows[0].SnippetHighlighted, StringComparison.Ordinal);
        Assert.Equal([byProblem.Id], problem.Rows.Select(r => r.Id));
        Assert.Contains("<mark>", problem.Rows[0].SnippetHighlighted, StringComparison.Ordinal);
        Assert.Empty((await SearchAsync(app, anyone, new(token + " 锂电池"))).Rows);
    }

    [Fact]
    public async Task FiltersCombineAndSortsOrderTheHall()
    {
        var token = SearchToken();
        var baoding = await RegisterSmeAsync(app, Baoding);
        var shijiazhuang = await RegisterSmeAsync(app, Shijiazhuang);
        var today = TodayOn(TimeProvider.System);
        var licence = await PublishAsync(app, baoding, token, change: input =>
        {
            input.BudgetMinWan = 50m;
            input.BudgetMaxWan = 120m;
            input.ValidUntil = today.AddMonths(3);
        });
        var jointRnD = await PublishAsync(app, shijiazhuang, token, change: input =>
        {
            input.Type = DemandType.JointRnD;
            input.IndustryCode = "equipment";
            input.BudgetNegotiable = true;
            input.Modes = [DemandMode.JointRnD];
            input.PaymentPreferences = [PaymentPreference.Royalty];
            input.ValidUntil = today.AddMonths(1);
        });
        var import = await PublishAsync(app, baoding, token, change: input =>
        {
            input.Type = DemandType.TechnologyImport;
            input.BudgetMinWan = null;
            input.BudgetMaxWan = 30m;
            input.Modes = [DemandMode.Buy, DemandMode.Licence];
            input.PaymentPreferences = [PaymentPreference.PayLater];
            input.ValidUntil = today.AddMonths(5);
        });
        var anyone = await PrincipalAsync(app, AnonymousVisitor);
        await EventuallyAsync(app, anyone, new(token), licence.Id, jointRnD.Id, import.Id);

        async Task<Guid[]> Find(DemandHallQuery query) => [.. (await SearchAsync(app, anyone, query)).Rows.Select(r => r.Id)];

        Assert.Equal([licence.Id, import.Id], (await Find(new(token, CityCode: "1306"))).Order());
        Assert.Equal([import.Id], await Find(new(token, CityCode: "1306", Mode: DemandMode.Buy)));
        Assert.Equal([licence.Id], await Find(new(token, CityCode: "1306", Type: DemandType.TechnicalProblem, IndustryCode: "new-materials")));
        Assert.Equal([jointRnD.Id], await Find(new(token, Payment: PaymentPreference.Royalty)));
        Assert.Empty(await Find(new(token, CityCode: "1301", Payment: PaymentPreference.PayLater)));
        Assert.Equal([licence.Id], await Find(new(token, BudgetMin: 40m)));
        Assert.Equal([licence.Id, jointRnD.Id], (await Find(new(token, BudgetMin: 40m, IncludeNegotiable: true))).Order());
        Assert.Equal([import.Id], await Find(new(token, BudgetMin: 0m, BudgetMax: 30m)));
        // Bounds typed the wrong way round are read as the range they describe.
        Assert.Equal([licence.Id, import.Id], (await Find(new(token, BudgetMin: 100m, BudgetMax: 20m))).Order());

        Assert.Equal([licence.Id, import.Id, jointRnD.Id], await Find(new(token, Sort: DemandSort.BudgetHighest)));
        Assert.Equal([jointRnD.Id, licence.Id, import.Id], await Find(new(token, Sort: DemandSort.ClosingSoonest)));
    }

    [Fact]
    public async Task ANewlyPublishedDemandAppearsWithinSecondsAndAClosedOneLeavesTheIndex()
    {
        var token = SearchToken();
        var sme = await RegisterSmeAsync(app);
        var anyone = await PrincipalAsync(app, AnonymousVisitor);

        var demand = await PublishAsync(app, sme, token);
        var appeared = await EventuallyAsync(app, anyone, new(token), demand.Id);
        await ChangeAsync(app, demand.Id, d => d.Close(DemandCloseReason.SolvedElsewhere, null, DateTimeOffset.UtcNow));

        Assert.True(appeared < TimeSpan.FromSeconds(5), $"the index took {appeared} to list the demand");
        Assert.Null(await DetailAsync(app, anyone, demand.Id));
        var index = app.Services.GetRequiredService<DemandSearchIndex>();
        var left = Stopwatch.StartNew();
        while (index.Search(new DemandSearchQuery(["Public", "Anonymised", "PlatformOnly"], token)).Total > 0 && left.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(100, Ct);
        }

        Assert.Equal(0, index.Search(new DemandSearchQuery(["Public", "Anonymised", "PlatformOnly"], token)).Total);
        Assert.True(left.Elapsed < TimeSpan.FromSeconds(5), $"the index took {left.Elapsed} to drop the closed demand");
    }

    [Fact]
    public async Task ADemandPastItsLastDayIsNotShownEvenWhileTheIndexStillHoldsIt()
    {
        var token = SearchToken();
        var sme = await RegisterSmeAsync(app);
        var anyone = await PrincipalAsync(app, AnonymousVisitor);
        var demand = await PublishAsync(app, sme, token);
        await EventuallyAsync(app, anyone, new(token), demand.Id);

        // As the calendar would, without the change time the index polls for: only the daily rebuild would notice.
        var yesterday = TodayOn(TimeProvider.System).AddDays(-1);
        await using (var db = app.CreateDbContext())
        {
            await db.Database.ExecuteSqlAsync($"UPDATE demands SET valid_until = {yesterday} WHERE id = {demand.Id}", Ct);
        }

        var result = await SearchAsync(app, anyone, new(token));

        Assert.Equal(1, result.Total);
        Assert.Empty(result.Rows);
        Assert.Null(await DetailAsync(app, anyone, demand.Id));
    }

    [Fact]
    public async Task PagesDivideTheResultsWithoutOverlapAndFarPagesAreEmpty()
    {
        var token = SearchToken();
        var sme = await RegisterSmeAsync(app);
        var ids = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add((await PublishAsync(app, sme, token)).Id);
        }

        var anyone = await PrincipalAsync(app, AnonymousVisitor);
        await EventuallyAsync(app, anyone, new(token, PageSize: 50), [.. ids]);

        var pages = new List<DemandHallResults>();
        for (var page = 1; page <= 3; page++)
        {
            pages.Add(await SearchAsync(app, anyone, new(token, Sort: DemandSort.NewestPublished, Page: page, PageSize: 3)));
        }

        Assert.All(pages, p => Assert.Equal(7, p.Total));
        Assert.Equal([3, 3, 1], pages.Select(p => p.Rows.Count));
        Assert.Equal(ids.Order(), pages.SelectMany(p => p.Rows).Select(r => r.Id).Order());
        Assert.Empty((await SearchAsync(app, anyone, new(token, Page: 5, PageSize: 3))).Rows);
    }
}
