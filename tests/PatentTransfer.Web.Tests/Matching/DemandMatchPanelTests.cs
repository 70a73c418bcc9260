using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using PatentTransfer.Domain.Demands;
using PatentTransfer.Domain.Identity;
using PatentTransfer.Web.Features.DemandHall;
using PatentTransfer.Web.Features.MyPatents;
using PatentTransfer.Web.Tests.Components;
using PatentTransfer.Web.Tests.DemandHall;
using static PatentTransfer.Web.Tests.Demands.DemandTestData;
using static PatentTransfer.Web.Tests.Matching.DemandMatchTestData;
using static PatentTransfer.Web.Tests.Matching.RecommendationTestData;

namespace PatentTransfer.Web.Tests.Matching;

/// <summary>
/// The "匹配需求" tab of the holder's patent page in a circuit: each demand with its explanation chips and the
/// "为什么推荐" detail, and the way from a demand to proposing the patent on the demand's page.
/// </summary>
public class DemandMatchPanelTests(PortalAppFactory app)
{
    private static string Of(Guid demand, string testId) => $"[data-testid=demand-match][data-demand-id='{demand}'] [data-testid={testId}]";

    [Fact]
    public async Task TheHolderReadsWhyEachDemandWasMatchedAndGoesOnToProposeThePatent()
    {
        var token = DemandHallTestData.SearchToken();
        var named = await RegisterSmeAsync(app);
        var hidden = await RegisterSmeAsync(app);
        var open = await DemandHallTestData.PublishAsync(app, named, token);
        var anonymised = await DemandHallTestData.PublishAsync(app, hidden, token, DemandConfidentiality.Anonymised);
        var holder = await RegisterHolderAsync(app);
        var patent = await ListedPatentOfAsync(app, holder, token);
        await MatchedWithAsync(app, holder.Email!, patent, open.Id, anonymised.Id);

        await using var context = new ComponentTestContext(app, holder.DisplayName, holder.Id, [Roles.PatentHolder], holder.OrganisationId);
        var page = context.Render<MyPatentPage>(p => p.Add(x => x.Id, patent));
        await page.WaitForAssertionAsync(() => Assert.NotNull(page.Find(Of(open.Id, "demand-match-title"))));

        Assert.Contains(page.FindAll(".mud-tab"), tab => tab.TextContent.Trim() == "匹配需求");
        Assert.Equal($"/demands/{open.Id}", page.Find(Of(open.Id, "demand-match-title")).GetAttribute("href"));
        Assert.Contains(open.SmeName, page.Find(Of(open.Id, "demand-match-sme")).TextContent, StringComparison.Ordinal);
        Assert.Equal("石家庄市 · 小型企业", page.Find(Of(anonymised.Id, "demand-match-sme")).TextContent.Trim());
        Assert.DoesNotContain(anonymised.SmeName, page.Markup, StringComparison.Ordinal);
        Assert.Equal("50–120 万元", page.Find(Of(open.Id, "demand-match-budget")).TextContent.Trim());
        Assert.NotNull(page.Find("[data-testid=demand-match-criteria-link][href='/matching/criteria']"));

        var chips = page.FindAll(Of(open.Id, "demand-match-factor")).Select(c => c.TextContent.Trim()).ToList();
        Assert.Contains(chips, c => c.StartsWith("文本相关 ", StringComparison.Ordinal));
        Assert.Contains(chips, c => System.Text.RegularExpressions.Regex.IsMatch(c, @"^同一IPC小类 \+0\.\d+$"));
        Assert.Contains(chips, c => c.StartsWith("已挂牌 +", StringComparison.Ordinal));
        Assert.InRange(page.FindAll(Of(open.Id, "demand-match-word")).Count, 1, 3);
        Assert.Equal("本专利的分类 C22C37/10 与需求的技术领域 C22C 属同一小类。",
            page.Find($"[data-testid=demand-match][data-demand-id='{open.Id}'] [data-factor=IpcSubclass]").GetAttribute("title"));
        Assert.StartsWith("需求含本专利的 ",
            page.Find($"[data-testid=demand-match][data-demand-id='{open.Id}'] [data-factor=Text]").GetAttribute("title"), StringComparison.Ordinal);

        await page.Find(Of(open.Id, "demand-match-why")).ClickAsync(new());
        await page.WaitForAssertionAsync(() => Assert.NotNull(page.Find(Of(open.Id, "demand-match-detail"))));
        Assert.Contains(token, page.Find(Of(open.Id, "demand-match-detail-words")).TextContent, StringComparison.Ordinal);
        Assert.Equal(chips.Count, page.FindAll(Of(open.Id, "demand-match-detail-factor")).Count);

        Assert.Equal($"/demands/{open.Id}?patent={patent}#propose", page.Find(Of(open.Id, "demand-match-propose")).GetAttribute("href"));
        Assert.Empty(page.FindAll("[data-testid=demand-matches-why-not-propose]"));

        // The demand's page, opened from there, starts the proposal with this patent.
        context.Services.GetRequiredService<NavigationManager>().NavigateTo($"/demands/{open.Id}?patent={patent}");
        var demandPage = context.Render<DemandDetailPage>(p => p.Add(x => x.Id, open.Id));
        await demandPage.WaitForAssertionAsync(() => Assert.Contains(token, demandPage.Find("[data-testid=proposal-chosen-patent]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUnlistedPatentListsDemandsButSaysWhyItCannotBeProposed()
    {
        var token = DemandHallTestData.SearchToken();
        var sme = await RegisterSmeAsync(app);
        var demand = await DemandHallTestData.PublishAsync(app, sme, token);
        var holder = await RegisterHolderAsync(app);
        var patent = await PatentAsync(app, holder.Email!, Details(token));
        await MatchedWithAsync(app, holder.Email!, patent, demand.Id);

        await using var context = new ComponentTestContext(app, holder.DisplayName, holder.Id, [Roles.PatentHolder], holder.OrganisationId);
        var page = context.Render<MyPatentPage>(p => p.Add(x => x.Id, patent));
        await page.WaitForAssertionAsync(() => Assert.NotNull(page.Find(Of(demand.Id, "demand-match-title"))));

        Assert.Equal(PortalTexts.Zh("DemandMatch_PatentNotListed"), page.Find("[data-testid=demand-matches-why-not-propose]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=demand-match-propose]"));
        Assert.NotEmpty(page.FindAll(Of(demand.Id, "demand-match-factor")));
    }
}
