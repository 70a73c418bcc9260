using Bunit;
using Microsoft.EntityFrameworkCore;
using PatentTransfer.Domain.Demands;
using PatentTransfer.Domain.Identity;
using PatentTransfer.Infrastructure.Identity;
using PatentTransfer.Web.Features.Demands;
using PatentTransfer.Web.Features.Matching;
using PatentTransfer.Web.Features.MyDemands;
using PatentTransfer.Web.Tests.Components;
using PatentTransfer.Web.Tests.DemandHall;
using static PatentTransfer.Web.Tests.Demands.DemandTestData;
using static PatentTransfer.Web.Tests.Matching.RecommendationTestData;

namespace PatentTransfer.Web.Tests.Matching;

/// <summary>
/// The "推荐专利" tab in a circuit: on the SME's demand page with the explanation, dismissing and requesting; on the staff
/// review page read-only.
/// </summary>
public class RecommendationPanelTests(PortalAppFactory app)
{
    private sealed record Arranged(PortalUser Sme, Guid Demand, Guid Listed, Guid Unlisted, string Token);

    private async Task<Arranged> ArrangeAsync()
    {
        var token = DemandHallTestData.SearchToken();
        var sme = await RegisterSmeAsync(app);
        var demand = await PublishedDemandAsync(app, sme, token);
        var listed = await ListedPatentAsync(app, Accounts.Holder, token);
        var unlisted = await PatentAsync(app, Accounts.Institute, Details(token));
        await ContainingAsync(app, sme.Email!, demand, listed, unlisted);
        return new Arranged(sme, demand, listed, unlisted, token);
    }

    private static string Of(Guid patent, string testId) => $"[data-testid=recommendation][data-patent-id='{patent}'] [data-testid={testId}]";

    [Fact]
    public async Task TheSmeReadsWhyEachPatentIsRecommendedSetsOneAsideWithAReasonAndRequestsAnother()
    {
        var a = await ArrangeAsync();
        await using var context = new ComponentTestContext(app, a.Sme.DisplayName, a.Sme.Id, [Roles.SmeUser], a.Sme.OrganisationId);
        var page = context.Render<MyDemandPage>(p => p.Add(x => x.Id, a.Demand));
        await page.WaitForAssertionAsync(() => Assert.NotNull(page.Find(Of(a.Listed, "recommendation-title"))));

        Assert.Contains(page.FindAll(".mud-tab"), tab => tab.TextContent.Trim() == "推荐专利");
        var chips = page.FindAll(Of(a.Listed, "recommendation-factor")).Select(c => c.TextContent.Trim()).ToList();
        Assert.Contains(chips, c => c.StartsWith("文本相关 ", StringComparison.Ordinal));
        Assert.Contains(chips, c => System.Text.RegularExpressions.Regex.IsMatch(c, @"^同一IPC小类 \+0\.\d+$"));
        Assert.Contains(chips, c => c.StartsWith("已挂牌 +", StringComparison.Ordinal));
        // The words that carry most of the text score (the engine decides which); all of them are in the detail.
        Assert.InRange(page.FindAll(Of(a.Listed, "recommendation-word")).Count, 1, 3);
        // Hovering a chip tells its figures.
        Assert.Equal("本专利的分类 C22C37/10 与需求的技术领域 C22C 属同一小类。",
            page.Find($"[data-testid=recommendation][data-patent-id='{a.Listed}'] [data-factor=IpcSubclass]").GetAttribute("title"));
        Assert.Contains("河北示范理工大学（演示）", page.Find(Of(a.Listed, "recommendation-holder")).TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Find("[data-testid=recommendation-criteria-link][href='/matching/criteria']"));
        // Under the 20 a demand can get, the page says why the list is short, and only then. (How many there are depends
        // on the patents other tests of this database added: usually a few, sometimes all 20.)
        var shown = page.FindAll("[data-testid=recommendation]").Count;
        var shortLine = page.FindAll("[data-testid=recommendations-short]").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(
            shown < RecommendationService.Count ? [PortalTexts.ZhFormat("Recommendation_Short", RecommendationService.Count, "10%")] : [],
            shortLine);

        // "为什么推荐" opens every matched word with its share and every factor with its figures.
        await page.Find(Of(a.Listed, "recommendation-why")).ClickAsync(new());
        await page.WaitForAssertionAsync(() => Assert.NotNull(page.Find(Of(a.Listed, "recommendation-detail"))));
        Assert.Contains(a.Token, page.Find(Of(a.Listed, "recommendation-detail-words")).TextContent, StringComparison.Ordinal);
        Assert.Equal(chips.Count, page.FindAll(Of(a.Listed, "recommendation-detail-factor")).Count);
        Assert.Contains("本专利的分类 C22C37/10 与需求的技术领域 C22C 属同一小类。", page.Find(Of(a.Listed, "recommendation-detail")).TextContent, StringComparison.Ordinal);

        // Other without a note is refused in the form, in Chinese; with a note the patent leaves the list.
        await page.Find(Of(a.Listed, "recommendation-dismiss")).ClickAsync(new());
        await page.WaitForAssertionAsync(() => Assert.NotNull(page.Find("[data-testid=dismiss-reason-Other]")));
        await page.Find("[data-testid=dismiss-reason-Other]").ClickAsync(new());
        await page.Find("[data-testid=dismiss-confirm]").ClickAsync(new());
        await page.WaitForAssertionAsync(() => Assert.Equal("选择“其他”时请填写补充说明。", page.Find("[data-testid=dismiss-error]").TextContent.Trim()));
        await page.Find("input[data-testid=dismiss-note]").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "我们已有同类设备" });
        await page.Find("[data-testid=dismiss-confirm]").ClickAsync(new());
        await page.WaitForAssertionAsync(() => Assert.Empty(page.FindAll($"[data-testid=recommendation][data-patent-id='{a.Listed}']")));
        Assert.NotEmpty(page.FindAll($"[data-testid=recommendation][data-patent-id='{a.Unlisted}']"));
        Assert.Equal(PortalTexts.ZhFormat("Recommendation_DismissedCount", 1), page.Find("[data-testid=recommendations-dismissed-count]").TextContent.Trim());

        await page.Find(Of(a.Unlisted, "recommendation-request")).ClickAsync(new());
        await page.WaitForAssertionAsync(() => Assert.Equal("已申请洽谈", page.Find(Of(a.Unlisted, "recommendation-requested")).TextContent.Trim()));

        await using var db = app.CreateDbContext();
        var dismissal = await db.RecommendationDismissals.AsNoTracking().SingleAsync(d => d.DemandId == a.Demand, Ct);
        Assert.Equal((a.Listed, DismissalReason.Other, "我们已有同类设备"), (dismissal.PatentId, dismissal.Reason, dismissal.Note));
        var request = await db.DealRequests.AsNoTracking().SingleAsync(r => r.DemandId == a.Demand, Ct);
        Assert.Equal((DealRequestOrigin.Recommendation, a.Sme.OrganisationId!.Value), (request.Origin, request.SmeOrganisationId));
    }

    [Fact]
    public async Task StaffOfTheDemandsCityReadTheRecommendationsOnTheReviewPageWithoutActingOnThem()
    {
        var a = await ArrangeAsync();
        var staff = await app.FindUserAsync(Accounts.ShijiazhuangStaff);
        await using var context = new ComponentTestContext(app, staff.DisplayName, staff.Id, [Roles.CityStaff], staff.OrganisationId, "1301");

        var page = context.Render<DemandReviewDetailPage>(p => p.Add(x => x.Id, a.Demand));
        await page.WaitForAssertionAsync(() => Assert.NotNull(page.Find(Of(a.Listed, "recommendation-title"))));

        Assert.Contains(page.FindAll(".mud-tab"), tab => tab.TextContent.Trim() == "推荐专利");
        Assert.NotEmpty(page.FindAll(Of(a.Listed, "recommendation-factor")));
        await page.Find(Of(a.Listed, "recommendation-why")).ClickAsync(new());
        await page.WaitForAssertionAsync(() => Assert.NotNull(page.Find(Of(a.Listed, "recommendation-detail"))));
        Assert.Empty(page.FindAll("[data-testid=recommendation-request]"));
        Assert.Empty(page.FindAll("[data-testid=recommendation-dismiss]"));
    }

    [Fact]
    public async Task APatentThatUsesASynonymOfTheDemandsWordSaysWhichWordItStandsFor()
    {
        // The SME writes the trade's 挖机; the patent the drafter's 挖掘机, a near-synonym the engine bridges.
        var token = DemandHallTestData.SearchToken();
        var sme = await RegisterSmeAsync(app);
        var demand = (await DemandHallTestData.PublishAsync(
            app, sme, token, change: input => input.Description += "衬板由挖机吊装进球磨机，希望安装方便。")).Id;
        var details = Details(token);
        var patent = await PatentAsync(app, Accounts.Institute, details with { Abstract = details.Abstract + "衬板可由挖掘机吊装。" });
        var (found, _) = await ContainingAsync(app, sme.Email!, demand, patent);
        Assert.Contains(found.Patents.Single(p => p.PatentId == patent).MatchedTerms, t => (t.Text, t.DemandWord) == ("挖掘机", "挖机"));

        await using var context = new ComponentTestContext(app, sme.DisplayName, sme.Id, [Roles.SmeUser], sme.OrganisationId);
        var page = context.Render<MyDemandPage>(p => p.Add(x => x.Id, demand));
        await page.WaitForAssertionAsync(() => Assert.NotNull(page.Find(Of(patent, "recommendation-why"))));
        await page.Find(Of(patent, "recommendation-why")).ClickAsync(new());
        await page.WaitForAssertionAsync(() => Assert.NotNull(page.Find(Of(patent, "recommendation-detail-words"))));

        var chip = Assert.Single(page.FindAll($"{Of(patent, "recommendation-detail-words")} .mud-chip"), c => c.TextContent.Contains('≈', StringComparison.Ordinal));
        Assert.StartsWith("挖掘机≈挖机 ", chip.TextContent.Trim(), StringComparison.Ordinal);
        Assert.StartsWith("专利用词“挖掘机”与需求中的“挖机”意思相近，占文字相关度的 ", chip.GetAttribute("title"), StringComparison.Ordinal);
    }
}
