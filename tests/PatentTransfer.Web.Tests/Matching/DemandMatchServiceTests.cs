using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PatentTransfer.Domain.Identity;
using PatentTransfer.Infrastructure.Identity;
using PatentTransfer.Domain.Demands;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Domain.Patents;
using PatentTransfer.Matching.Recommend;
using PatentTransfer.Web.Features.Matching;
using PatentTransfer.Web.Features.Proposals;
using PatentTransfer.Web.Tests.DemandHall;
using static PatentTransfer.Web.Tests.Demands.DemandTestData;
using static PatentTransfer.Web.Tests.Matching.DemandMatchTestData;
using static PatentTransfer.Web.Tests.Matching.RecommendationTestData;

namespace PatentTransfer.Web.Tests.Matching;

/// <summary>
/// Demands matched with a patent, for its holder, through the service: who gets them, what of each demand they see
/// (the demand hall's disclosure rules), how they are explained, and how fast published and closed demands reach the list.
/// </summary>
public class DemandMatchServiceTests(PortalAppFactory app)
{
    [Fact]
    public async Task TheHoldersUsersGetListedDemandsExplainedAndDisclosedAsTheHallDisclosesThemWhileOthersGetNothing()
    {
        var token = DemandHallTestData.SearchToken();
        var named = await RegisterSmeAsync(app);
        var hidden = await RegisterSmeAsync(app);
        var open = await DemandHallTestData.PublishAsync(app, named, token);
        var anonymised = await DemandHallTestData.PublishAsync(app, hidden, token, DemandConfidentiality.Anonymised);
        var platformOnly = await DemandHallTestData.PublishAsync(app, hidden, token, DemandConfidentiality.PlatformOnly);
        var closed = await DemandHallTestData.PublishAsync(app, named, token);
        await ChangeAsync(app, closed.Id, d => d.Close(DemandCloseReason.GaveUp, null, DateTimeOffset.UtcNow));
        var holder = await RegisterHolderAsync(app);
        var patent = await ListedPatentOfAsync(app, holder, token);

        var (mine, _) = await MatchedWithAsync(app, holder.Email!, patent, open.Id, anonymised.Id, platformOnly.Id);

        Assert.Equal((PatentMatchAvailability.Available, PatentProposalBlock.None, true), (mine.Availability, mine.ProposalBlock, mine.MayPropose));
        Assert.DoesNotContain(mine.Demands, d => d.DemandId == closed.Id);
        Assert.InRange(mine.Demands.Count, 3, DemandMatchService.Count);
        Assert.Equal(Enumerable.Range(1, mine.Demands.Count), mine.Demands.Select(d => d.Rank));
        Assert.Equal(mine.Demands.OrderByDescending(d => d.Score).Select(d => d.DemandId), mine.Demands.Select(d => d.DemandId));

        // A public demand names its SME; an anonymised one shows the city and size only, as in the hall.
        var row = mine.Demands.Single(d => d.DemandId == open.Id);
        Assert.Equal((open.SmeName, "1301", (EnterpriseSize?)EnterpriseSize.Small), (row.Sme.Name, row.Sme.CityCode, row.Sme.Size));
        Assert.Equal(open.Title, row.Title);
        Assert.Equal(new DemandBudget(false, 50m, 120m), row.Budget);
        Assert.Equal([DemandMode.Licence], row.Modes);
        Assert.False(row.ProposalPending);
        var masked = mine.Demands.Single(d => d.DemandId == anonymised.Id);
        Assert.Equal((null, "1301", (EnterpriseSize?)EnterpriseSize.Small), (masked.Sme.Name, masked.Sme.CityCode, masked.Sme.Size));
        Assert.Null(mine.Demands.Single(d => d.DemandId == platformOnly.Id).Sme.Name);
        var json = JsonSerializer.Serialize(mine);
        foreach (var secret in new[] { hidden.OrganisationId.ToString()!, open.Contact.Phone, anonymised.Contact.Phone, anonymised.Contact.Name, platformOnly.Contact.Phone })
        {
            Assert.DoesNotContain(secret, json, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(anonymised.SmeName, json, StringComparison.Ordinal);

        // Explained with the forward direction's factors and words; text relevance worded from the patent's side.
        Assert.Contains(row.MatchedTerms, t => t.Text == token);
        Assert.InRange(row.MatchedTerms.Sum(t => t.Share), 0.5, 1.0 + 1e-9);
        Assert.Equal(row.Score, row.Factors.Sum(f => f.Contribution), 6);
        Assert.DoesNotContain(row.Factors, f => f.Contribution == 0);
        var text = row.Factors.Single(f => f.Variant == FactorVariant.Text);
        Assert.StartsWith("文本相关 ", MatchExplanation.Chip(text), StringComparison.Ordinal);
        Assert.StartsWith("需求含本专利的 ", MatchExplanation.Detail(text, null, MatchDirection.DemandsForPatent), StringComparison.Ordinal);
        Assert.EndsWith("%。", MatchExplanation.Detail(text, null, MatchDirection.DemandsForPatent), StringComparison.Ordinal);
        var ipc = row.Factors.Single(f => f.Kind == MatchFactorKind.Ipc);
        Assert.Equal(FactorVariant.IpcSubclass, ipc.Variant);
        Assert.Equal("本专利的分类 C22C37/10 与需求的技术领域 C22C 属同一小类。", MatchExplanation.Detail(ipc, null, MatchDirection.DemandsForPatent));
        Assert.Contains(row.Factors, f => f.Variant == FactorVariant.PriceWithin);
        Assert.Contains(row.Factors, f => f.Variant == FactorVariant.ModesShared);
        Assert.Contains(row.Factors, f => f.Variant == FactorVariant.Listed);
        // The university is in 保定, the SME in 石家庄: elsewhere in Hebei.
        Assert.Contains(row.Factors, f => f.Variant == FactorVariant.Hebei);

        // Every user of the holding organisation, not only the one who imported the patent.
        var colleague = await RegisterColleagueAsync(holder);
        Assert.Contains((await MatchesAsync(app, colleague, patent))!.Demands, d => d.DemandId == open.Id);

        foreach (var outsider in new[]
                 {
                     Accounts.Holder, Accounts.Institute, Accounts.Sme, named.Email!, Accounts.ShijiazhuangStaff, Accounts.BaodingStaff, Accounts.Provincial,
                     Accounts.Administrator, Accounts.Agency, Accounts.Bank, AnonymousVisitor,
                 })
        {
            Assert.Null(await MatchesAsync(app, outsider, patent));
        }

        Assert.Null(await MatchesAsync(app, holder.Email!, Guid.NewGuid()));
    }

    [Fact]
    public async Task PlatformOnlyDemandsAreMatchedForVerifiedHoldersOnlyAndOnlyAListedPatentOfAVerifiedHolderIsProposed()
    {
        var token = DemandHallTestData.SearchToken();
        var sme = await RegisterSmeAsync(app);
        var open = await DemandHallTestData.PublishAsync(app, sme, token);
        var platformOnly = await DemandHallTestData.PublishAsync(app, sme, token, DemandConfidentiality.PlatformOnly);
        var verified = await RegisterHolderAsync(app);
        var pending = await RegisterHolderAsync(app, verified: false);
        var listed = await ListedPatentOfAsync(app, verified, token);
        var unlisted = await PatentAsync(app, verified.Email!, Details(token));
        var awaiting = await PatentAsync(app, pending.Email!, Details(token));

        // The index holds both: the verified holder gets both, for a listed and an unlisted patent alike.
        var (seen, _) = await MatchedWithAsync(app, verified.Email!, listed, open.Id, platformOnly.Id);
        Assert.True(seen.MayPropose);
        var (notListed, _) = await MatchedWithAsync(app, verified.Email!, unlisted, open.Id, platformOnly.Id);
        Assert.Equal(PatentProposalBlock.PatentNotListed, notListed.ProposalBlock);

        // A holder awaiting verification is any visitor of the hall: the public demand, not the platform-only one.
        var (unverified, _) = await MatchedWithAsync(app, pending.Email!, awaiting, open.Id);
        Assert.DoesNotContain(unverified.Demands, d => d.DemandId == platformOnly.Id);
        Assert.Equal(PatentProposalBlock.HolderNotVerified, unverified.ProposalBlock);
        Assert.False(unverified.MayPropose);
    }

    [Fact]
    public async Task ANewlyPublishedDemandReachesThePatentWithinSecondsAndAClosedOneLeavesIt()
    {
        var token = DemandHallTestData.SearchToken();
        var sme = await RegisterSmeAsync(app);
        var holder = await RegisterHolderAsync(app);
        var patent = await ListedPatentOfAsync(app, holder, token);
        var first = await DemandHallTestData.PublishAsync(app, sme, token);
        await MatchedWithAsync(app, holder.Email!, patent, first.Id);

        var published = await DemandHallTestData.PublishAsync(app, sme, token);
        var (_, waited) = await MatchedWithAsync(app, holder.Email!, patent, published.Id);
        Assert.True(waited < TimeSpan.FromSeconds(5), $"a newly published demand took {waited} to be matched");

        await ChangeAsync(app, first.Id, d => d.Close(DemandCloseReason.SolvedElsewhere, null, DateTimeOffset.UtcNow));
        (_, waited) = await MatchesEventuallyAsync(app, holder.Email!, patent, m => m.Demands.All(d => d.DemandId != first.Id));
        Assert.True(waited < TimeSpan.FromSeconds(5), $"a closed demand took {waited} to leave the list");

        // The index has let it go too, not only the database check of the rows.
        var index = app.Services.GetRequiredService<DemandMatchIndex>();
        var document = await PatentDocumentAsync(patent);
        await WaitUntilAsync(() => index.Recommend(document, 1000, TodayOn(TimeProvider.System)).All(r => r.DemandId != first.Id));
        Assert.Contains(index.Recommend(document, 1000, TodayOn(TimeProvider.System)), r => r.DemandId == published.Id);
    }

    [Fact]
    public async Task APatentNoLongerValidIsMatchedWithNothingAndAPendingProposalIsShown()
    {
        var token = DemandHallTestData.SearchToken();
        var sme = await RegisterSmeAsync(app);
        var holder = await RegisterHolderAsync(app);
        var demand = await DemandHallTestData.PublishAsync(app, sme, token);
        var patent = await ListedPatentOfAsync(app, holder, token);
        var lapsed = await PatentAsync(app, holder.Email!, Details(token, LegalStatus.Lapsed));
        await MatchedWithAsync(app, holder.Email!, patent, demand.Id);

        var none = await MatchesAsync(app, holder.Email!, lapsed);
        Assert.Equal((PatentMatchAvailability.PatentNotValid, 0), (none!.Availability, none.Demands.Count));

        await using (var user = await ActingUser.SignInAsync(app, holder.Email!))
        {
            var (result, _) = await user.Get<ProposalService>().ProposeAsync(
                user.Principal, demand.Id, new ProposalInput("我校的高韧性耐磨衬板技术已在两家企业试用，可提供样品和技术指导。", [patent]), Ct);
            Assert.True(result.Succeeded, result.Message);
        }

        Assert.True((await MatchesAsync(app, holder.Email!, patent))!.Demands.Single(d => d.DemandId == demand.Id).ProposalPending);
    }

    private async Task<string> RegisterColleagueAsync(PortalUser holder)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var colleague = new PortalUser
        {
            UserName = $"{Guid.NewGuid():N}@test.example",
            Email = $"{Guid.NewGuid():N}@test.example",
            EmailConfirmed = true,
            DisplayName = "同事" + NewToken()[..4],
            OrganisationId = holder.OrganisationId,
        };
        colleague.UserName = colleague.Email;
        Assert.True((await users.CreateAsync(colleague, Accounts.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(colleague, Roles.PatentHolder)).Succeeded);
        return colleague.Email;
    }

    private async Task<PatentTransfer.Matching.Search.PatentDocument> PatentDocumentAsync(Guid patent)
    {
        var feed = app.Services.GetRequiredService<PatentTransfer.Web.Features.Search.PatentIndexFeed>();
        await foreach (var document in feed.ByIdsAsync([patent], TodayOn(TimeProvider.System), Ct))
        {
            return document;
        }

        throw new InvalidOperationException("No patent " + patent);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition() && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50, Ct);
        }

        Assert.True(condition());
    }
}
