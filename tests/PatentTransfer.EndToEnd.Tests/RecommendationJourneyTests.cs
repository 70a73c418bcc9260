using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PatentTransfer.Domain.Demands;
using PatentTransfer.Domain.Listings;
using PatentTransfer.Domain.Patents;
using PatentTransfer.Testing;
using static Microsoft.Playwright.Assertions;

namespace PatentTransfer.EndToEnd.Tests;

/// <summary>
/// An SME opens its published demand and reads the recommended patents with why each was recommended; it sets one
/// aside as too expensive and asks the holder of another to negotiate; the university whose patent was set aside sees
/// the reason counted, without the SME. Screenshots are kept as artifacts.
/// </summary>
public sealed class RecommendationJourneyTests(PortalServer portal) : IAsyncDisposable
{
    private const string DemoPassword = "Demo#2026";

    public ValueTask DisposeAsync() => portal.KeepPagesOfFailedTestAsync();

    [Fact]
    public async Task SmeReadsExplainedRecommendationsDismissesOneRequestsAnotherAndTheHolderSeesTheReasonCounted()
    {
        // Ends in x, so that stemming (…y → …i) leaves it as it is in the explanation's list of words.
        var token = "zq" + string.Concat(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + (c % 26)))) + "x";
        // The demand says 挖机, this patent 挖掘机: the explanation shows the near-synonym it was credited for.
        var dismissed = await PatentAsync("holder@demo.example", token, "一种{0}高铬铸铁耐磨衬板及其热处理方法", lumpSum: 2_000_000m, extra: "衬板可由挖掘机吊装。");
        var requested = await PatentAsync("institute@demo.example", token, "一种{0}高韧性耐磨衬板用低合金钢", lumpSum: 300_000m);
        var demandId = await PublishedDemandOfDemoSmeAsync(token);

        // The SME opens its demand; the recommendations tab explains each patent with chips.
        var sme = await portal.NewPageAsync();
        await sme.LogInAsync("sme@demo.example", DemoPassword);
        var first = sme.Locator($"[data-testid=recommendation][data-patent-id='{dismissed}']");
        var second = sme.Locator($"[data-testid=recommendation][data-patent-id='{requested}']");
        await OpenRecommendationsUntilShownAsync(sme, $"/my/demands/{demandId}", first);
        await Expect(second).ToBeVisibleAsync();
        await Expect(first.GetByTestId("recommendation-factor").First).ToContainTextAsync("文本相关");
        await Expect(first.GetByTestId("recommendation-factor").Filter(new() { HasText = "同一IPC小类" })).ToBeVisibleAsync();
        await Expect(first.GetByTestId("recommendation-factor").Filter(new() { HasText = "超出预算" })).ToContainTextAsync("−");
        await Expect(first.GetByTestId("recommendation-word").First).ToBeVisibleAsync();
        await first.GetByTestId("recommendation-why").ClickAsync();
        await Expect(first.GetByTestId("recommendation-detail")).ToContainTextAsync("属同一小类");
        await Expect(first.GetByTestId("recommendation-detail-words")).ToContainTextAsync(token);
        await Expect(first.GetByTestId("recommendation-detail-words")).ToContainTextAsync("挖掘机≈挖机");
        await sme.SaveScreenshotAsync("sme-recommendations");

        // Too expensive: the patent leaves the list at once.
        await first.GetByTestId("recommendation-dismiss").ClickAsync();
        await first.GetByTestId("dismiss-reason-TooExpensive").ClickAsync();
        await first.GetByTestId("dismiss-confirm").ClickAsync();
        await Expect(first).ToHaveCountAsync(0);
        await Expect(sme.GetByTestId("recommendations-dismissed-count")).ToContainTextAsync("1");
        await sme.SaveScreenshotAsync("sme-recommendation-dismissed");

        // The other one: a deal request with its holder, which the SME finds under 交易意向.
        await second.GetByTestId("recommendation-request").ClickAsync();
        await Expect(second.GetByTestId("recommendation-requested")).ToHaveTextAsync("已申请洽谈");
        await second.ScrollIntoViewIfNeededAsync();
        await sme.SaveScreenshotAsync("sme-recommendation-requested");
        await sme.GotoAsync("/deal-requests");
        var request = sme.GetByTestId("deal-request").Filter(new() { HasText = token });
        await Expect(request.GetByTestId("deal-request-origin")).ToHaveTextAsync("推荐专利");
        await Expect(request.GetByTestId("deal-request-other")).ToContainTextAsync("河北示范新材料研究院");

        // The published criteria, linked from the tab and the footer, open to everyone.
        var visitor = await portal.NewPageAsync();
        await visitor.GotoAsync("/");
        await visitor.WaitForInteractiveAsync();
        await visitor.GetByTestId("footer-criteria").ClickAsync();
        await Expect(visitor.GetByTestId("criteria-neutrality")).ToContainTextAsync("第七十九条");
        await visitor.SaveScreenshotAsync("recommendation-criteria");

        // The university sees how often, and why, its patent was set aside — not by whom.
        var holder = await portal.NewPageAsync();
        await holder.LogInAsync("holder@demo.example", DemoPassword);
        await holder.WaitForInteractiveAsync();
        await holder.GetByRole(AriaRole.Link, new() { Name = "推荐反馈" }).ClickAsync();
        await Expect(holder).ToHaveURLAsync(new Regex("/my/recommendation-feedback$"));
        await Expect(holder.GetByRole(AriaRole.Heading, new() { Name = "推荐反馈", Level = 1 })).ToBeVisibleAsync();
        await holder.WaitForInteractiveAsync();
        var row = holder.Locator($"[data-testid=recommendation-feedback-row][data-patent-id='{dismissed}']");
        await Expect(row.GetByTestId("feedback-count-TooExpensive")).ToHaveTextAsync("1");
        await Expect(row.GetByTestId("feedback-count-total")).ToHaveTextAsync("1");
        await Expect(holder.GetByTestId("recommendation-feedback-totals")).ToContainTextAsync("价格过高");
        await Expect(holder.Locator("body")).Not.ToContainTextAsync("石家庄恒锐精密机械");
        await holder.SaveScreenshotAsync("holder-dismissal-reasons");
    }

    /// <summary>
    /// Opens the demand's recommendations tab until <paramref name="shown"/> is there: the matching index takes up
    /// patents added a moment ago within about a second, and the page reads the recommendations when it opens.
    /// </summary>
    private static async Task OpenRecommendationsUntilShownAsync(IPage page, string url, ILocator shown)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.GotoAsync(url);
            await page.WaitForInteractiveAsync();
            await page.GetByRole(AriaRole.Tab, new() { Name = "推荐专利" }).ClickAsync();
            await Expect(page.GetByTestId("recommendations-panel")).ToBeVisibleAsync();
            if (await shown.CountAsync() > 0 || attempt == 10)
            {
                await Expect(shown).ToBeVisibleAsync();
                return;
            }

            await Task.Delay(1000);
        }
    }

    /// <summary>A published demand of the demo SME (石家庄), as submitting and approval leave it.</summary>
    private async Task<Guid> PublishedDemandOfDemoSmeAsync(string token)
    {
        await using var db = portal.Database.CreateOwnerContext();
        var sme = await db.Users.SingleAsync(u => u.Email == "sme@demo.example");
        var reviewer = await db.Users.SingleAsync(u => u.Email == "city.sjz@demo.example");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var now = DateTimeOffset.UtcNow;
        var details = new DemandDetails(
            $"球磨机高韧性耐磨衬板 {token}", DemandType.TechnicalProblem, "new-materials", "C22C", [token, "耐磨"],
            "我公司生产球磨机衬板，现用高锰钢衬板在中低冲击工况下加工硬化不足，寿命只有 4 个月，希望找到韧性和耐磨性兼顾的衬板材料。衬板由挖机吊装进球磨机。",
            [new DemandTarget("冲击韧性", TargetComparator.AtLeast, 67m, null, "J/cm²")], "中频感应炉 2 台", null,
            new DemandBudget(false, 50m, 120m), [PaymentPreference.LumpSum], [DemandMode.Licence], today.AddMonths(8), today.AddMonths(6),
            DemandConfidentiality.Public, new DemandContact("张经理", "13812345678", null));
        var demand = new Demand(sme.OrganisationId!.Value, sme.Id, details, today, now);
        demand.Submit(smeMayPublish: true, today, now);
        demand.Approve(reviewer.Id, today, now);
        db.Demands.Add(demand);
        await db.SaveChangesAsync();
        return demand.Id;
    }

    /// <summary>A valid patent of the holder's organisation on wear-resistant liners, listed as an ordinary licence.</summary>
    private async Task<Guid> PatentAsync(string holderEmail, string token, string titleFormat, decimal lumpSum, string extra = "")
    {
        await using var db = portal.Database.CreateOwnerContext();
        var holder = await db.Users.SingleAsync(u => u.Email == holderEmail);
        var reviewer = await db.Users.SingleAsync(u => u.Email == "province@demo.example");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var details = TestPatents.Details(
            title: string.Format(System.Globalization.CultureInfo.InvariantCulture, titleFormat, token),
            @abstract: $"本发明公开了一种{token}耐磨衬板，用于球磨机，在中低冲击工况下兼顾冲击韧性和耐磨性，使用寿命长。{extra}",
            claims: $"1.一种{token}耐磨衬板，其特征在于含铬高韧性合金。",
            mainIpc: "C22C37/10",
            industry: "new-materials");
        var patent = TestPatents.Create(holder.OrganisationId!.Value, details, today);
        var listing = new Listing(patent, TestPatents.OrdinaryLicence(lumpSum), today, DateTimeOffset.UtcNow);
        listing.Submit(patent, holderMayPublish: true, today, DateTimeOffset.UtcNow);
        listing.Approve(patent, reviewer.Id, today, DateTimeOffset.UtcNow);
        db.Patents.Add(patent);
        db.Listings.Add(listing);
        await db.SaveChangesAsync();
        return patent.Id;
    }
}
