using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PatentTransfer.Domain.Listings;
using PatentTransfer.Testing;
using static Microsoft.Playwright.Assertions;

namespace PatentTransfer.EndToEnd.Tests;

/// <summary>
/// An SME posts a technology demand; 石家庄's city staff approve it; a university's tech-transfer office finds it in
/// the demand hall and proposes one of its listed patents; the SME accepts the proposal into a deal request that both
/// sides see. Screenshots are kept as artifacts.
/// </summary>
public sealed partial class DemandJourneyTests(PortalServer portal) : IAsyncDisposable
{
    private const string DemoPassword = "Demo#2026";

    public ValueTask DisposeAsync() => portal.KeepPagesOfFailedTestAsync();

    [Fact]
    public async Task SmePostsStaffApproveHolderProposesAndTheSmeAcceptsIntoADealRequest()
    {
        var token = string.Concat(Guid.NewGuid().ToString("N")[..6].Select(c => (char)('甲' + (c % 10))));
        var title = "球磨机高韧性耐磨衬板" + token;
        var patent = await ListedPatentOfDemoHolderAsync("一种高铬铸铁耐磨衬板及其热处理方法" + token);

        // The SME writes its demand and submits it.
        var sme = await portal.NewPageAsync();
        await sme.LogInAsync("sme@demo.example", DemoPassword);
        await sme.GotoAsync("/my/demands/new");
        await sme.WaitForInteractiveAsync();
        await sme.GetByTestId("demand-title").FillAsync(title);
        await sme.GetByTestId("demand-description").FillAsync("我公司生产球磨机衬板，现用高锰钢衬板在中低冲击工况下加工硬化不足，寿命只有 4 个月，希望找到韧性和耐磨性兼顾的衬板材料。");
        await sme.GetByTestId("target-add").ClickAsync();
        await sme.GetByTestId("target-indicator").FillAsync("使用寿命");
        await sme.GetByLabel("数值", new() { Exact = true }).FillAsync("12");
        await sme.GetByTestId("target-unit").FillAsync("个月");
        await sme.GetByLabel("预算下限").FillAsync("50");
        await sme.GetByLabel("预算上限").FillAsync("120");
        await sme.GetByLabel("联系电话").FillAsync("0311-86001234");
        await sme.GetByTestId("payment-LumpSum").ClickAsync();
        await sme.GetByTestId("mode-Licence").ClickAsync();
        await sme.SaveScreenshotAsync("sme-demand-form");
        await sme.GetByTestId("demand-submit").ClickAsync();
        await Expect(sme.GetByTestId("demand-state-note")).ToBeVisibleAsync();
        await Expect(sme).ToHaveURLAsync(DemandUrl());
        var demandUrl = sme.Url;
        await sme.SaveScreenshotAsync("sme-demand-submitted");

        // 石家庄's staff (the SME is in 石家庄) approve it.
        var staff = await portal.NewPageAsync();
        await staff.LogInAsync("city.sjz@demo.example", DemoPassword);
        await staff.GotoAsync("/review/demands");
        await staff.WaitForInteractiveAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(staff.GetByTestId("review-demand-title")).ToContainTextAsync(title);
        await staff.WaitForInteractiveAsync();
        await staff.GetByTestId("approve").ClickAsync();
        await Expect(staff.GetByTestId("review-outcome")).ToBeVisibleAsync();
        await staff.SaveScreenshotAsync("city-staff-approved-demand");

        // The holder finds the demand in the hall and proposes its listed patent.
        var holder = await portal.NewPageAsync();
        await holder.LogInAsync("holder@demo.example", DemoPassword);
        await holder.GotoAsync("/demands");
        await holder.WaitForInteractiveAsync();
        await holder.GetByTestId("hall-text").FillAsync("耐磨衬板 " + token);
        await holder.GetByTestId("hall-submit").ClickAsync();
        var hit = holder.GetByTestId("hall-hit-title").Filter(new() { HasText = token });
        await Expect(hit).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await holder.SaveScreenshotAsync("holder-demand-hall");
        await hit.ClickAsync();
        await Expect(holder).ToHaveURLAsync(new Regex($"/demands/{Regex.Escape(DemandIdOf(demandUrl))}$"));
        await Expect(holder.GetByTestId("propose-panel")).ToBeVisibleAsync();
        await holder.WaitForInteractiveAsync();
        await holder.GetByTestId("proposal-patent-search").FillAsync(patent.Number);
        await holder.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = patent.Number }).First.ClickAsync();
        await Expect(holder.GetByTestId("proposal-chosen-patent")).ToContainTextAsync(patent.Number);
        await holder.GetByTestId("proposal-message-input").FillAsync("本专利的高铬铸铁衬板经梯度热处理后寿命可达 12 个月以上，可提供热处理工艺指导。");
        await holder.GetByTestId("proposal-submit").ClickAsync();
        await Expect(holder.GetByTestId("proposal-pending")).ToBeVisibleAsync();
        await holder.SaveScreenshotAsync("holder-proposal-sent");

        // The SME sees the proposal on its demand and accepts it into a deal request.
        await sme.GotoAsync(demandUrl);
        await sme.WaitForInteractiveAsync();
        await sme.GetByRole(AriaRole.Tab, new() { Name = "收到的方案" }).ClickAsync();
        await Expect(sme.GetByTestId("proposal-message")).ToContainTextAsync("高铬铸铁衬板");
        await sme.SaveScreenshotAsync("sme-proposal-received");
        await sme.GetByTestId("proposal-accept").ClickAsync();
        await Expect(sme.GetByTestId("proposal-deal-request")).ToBeVisibleAsync();
        await sme.GotoAsync("/deal-requests");
        await Expect(sme.GetByTestId("deal-request").Filter(new() { HasText = token })).ToContainTextAsync("河北示范理工大学");
        await sme.SaveScreenshotAsync("sme-deal-request");

        // The holder sees the same deal request, with the SME named.
        await holder.GotoAsync("/deal-requests");
        await Expect(holder.GetByTestId("deal-request").Filter(new() { HasText = token })).ToContainTextAsync("石家庄恒锐精密机械");
        await holder.SaveScreenshotAsync("holder-deal-request");
    }

    /// <summary>Arranges a patent of the demo university with a published listing, as earlier steps of the portal would leave it.</summary>
    private async Task<(Guid Id, string Number)> ListedPatentOfDemoHolderAsync(string title)
    {
        await using var db = portal.Database.CreateOwnerContext();
        var holder = await db.Users.SingleAsync(u => u.Email == "holder@demo.example");
        var reviewer = await db.Users.SingleAsync(u => u.Email == "province@demo.example");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var patent = TestPatents.Create(holder.OrganisationId!.Value, TestPatents.Details(title: title), today);
        var listing = new Listing(patent, TestPatents.OrdinaryLicence(), today, DateTimeOffset.UtcNow);
        listing.Submit(patent, holderMayPublish: true, today, DateTimeOffset.UtcNow);
        listing.Approve(patent, reviewer.Id, today, DateTimeOffset.UtcNow);
        db.Patents.Add(patent);
        db.Listings.Add(listing);
        await db.SaveChangesAsync();
        return (patent.Id, patent.ApplicationNumber);
    }

    [GeneratedRegex(@"/my/demands/[0-9a-f-]{36}$")]
    private static partial Regex DemandUrl();

    /// <summary>The demand's id from its URL in the SME's workspace.</summary>
    private static string DemandIdOf(string url) => url[(url.LastIndexOf('/') + 1)..];
}
