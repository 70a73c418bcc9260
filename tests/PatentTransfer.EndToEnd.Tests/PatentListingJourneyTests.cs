using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PatentTransfer.Testing;
using static Microsoft.Playwright.Assertions;

namespace PatentTransfer.EndToEnd.Tests;

/// <summary>
/// A university's tech-transfer office imports its patent list from a CSV, confirms it without fixing anything,
/// writes the terms of one patent and submits them; 保定's city staff approve; an anonymous visitor finds the
/// patent by Chinese words of its claims and opens its page. Screenshots are kept as artifacts.
/// </summary>
public sealed partial class PatentListingJourneyTests(PortalServer portal) : IAsyncDisposable
{
    private const string DemoPassword = "Demo#2026";

    public ValueTask DisposeAsync() => portal.KeepPagesOfFailedTestAsync();

    [Fact]
    public async Task HolderImportsAndPublishesCityStaffApproveAndAVisitorFindsThePatent()
    {
        var suffix = string.Concat(Guid.NewGuid().ToString("N")[..6].Select(c => (char)('甲' + (c % 10))));
        var title = "一种稀土掺杂压电陶瓷换能器" + suffix;
        var number = TestPatents.NewNumber(year: 2020).Value;
        var other = TestPatents.NewNumber(year: 2021).Value;
        var csv = new StringBuilder()
            .AppendLine("申请号,标题,摘要,权利要求,主分类号,发明人,申请日,授权日,法律状态,关键词")
            .AppendLine(CultureInfo.InvariantCulture, $"{number},{title},本发明公开了一种用于超声清洗的压电陶瓷换能器，效率高。,\"1.一种换能器，其特征在于：采用钛酸锶钡梯度烧结的压电陶瓷片。\",H10N30/00,王磊;赵敏,2020-04-08,2022-09-16,有效,压电陶瓷")
            .AppendLine(CultureInfo.InvariantCulture, $"{other},一种玉米秸秆粉碎还田机{suffix},本实用新型涉及一种秸秆粉碎还田机。,1.一种秸秆粉碎还田机，包括机架。,A01B49/00,刘洋,2021-05-20,2022-01-11,有效,秸秆")
            .ToString();

        // The holder uploads the file; every row is checked before anything is written.
        var holder = await portal.NewPageAsync();
        await holder.LogInAsync("holder@demo.example", DemoPassword);
        await holder.GotoAsync("/my/patents/import");
        await Expect(holder.Locator("[data-testid=import-upload][data-ready=true]")).ToBeAttachedAsync();
        await holder.Locator("[data-testid=import-upload] input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "专利清单.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(csv),
        });
        await Expect(holder.GetByTestId("import-counts")).ToContainTextAsync("2 行可导入");
        await holder.SaveScreenshotAsync("holder-import-preview");
        await holder.GetByTestId("import-confirm").ClickAsync();
        await Expect(holder.GetByTestId("import-done")).ToContainTextAsync("新增 2 件");
        await holder.SaveScreenshotAsync("holder-import-done");

        // It writes the terms of the first patent and submits them for review.
        await holder.GotoAsync("/my/patents");
        await holder.WaitForInteractiveAsync();
        await holder.GetByTestId("my-search").FillAsync(number);
        await holder.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(holder.GetByTestId("patent-title")).ToHaveTextAsync(title);
        await holder.WaitForInteractiveAsync();
        await holder.GetByLabel("普通许可").CheckAsync();
        await holder.GetByLabel("一次性付费").CheckAsync();
        await holder.GetByLabel("一次性价格").FillAsync("120000");
        await holder.GetByLabel("先使用后付费").CheckAsync();
        await holder.GetByLabel("试用期（月）").FillAsync("6");
        await holder.GetByTestId("listing-submit").ClickAsync();
        await Expect(holder.GetByTestId("listing-status")).ToContainTextAsync("待审核");
        await holder.SaveScreenshotAsync("holder-listing-submitted");

        // 保定's staff (the university is in 保定) approve it.
        var staff = await portal.NewPageAsync();
        await staff.LogInAsync("city.bd@demo.example", DemoPassword);
        await staff.GotoAsync("/review/listings");
        await staff.WaitForInteractiveAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(staff.GetByTestId("review-application-number")).ToContainTextAsync(number);
        await staff.WaitForInteractiveAsync();
        await staff.GetByTestId("approve").ClickAsync();
        await Expect(staff.GetByTestId("listing-review-status")).ToContainTextAsync("已发布");
        await staff.SaveScreenshotAsync("city-staff-approved-listing");

        // An anonymous visitor searches in Chinese for words that only the claims contain, and opens the patent.
        var visitor = await portal.NewPageAsync();
        await visitor.GotoAsync("/patents");
        await visitor.WaitForInteractiveAsync();
        await visitor.GetByTestId("search-text").FillAsync("钛酸锶钡 梯度烧结");
        await visitor.GetByTestId("search-submit").ClickAsync();
        await Expect(visitor).ToHaveURLAsync(SearchUrl());
        var hit = visitor.GetByTestId("search-hit-title").Filter(new() { HasText = title });
        await Expect(hit).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await visitor.SaveScreenshotAsync("visitor-search-results");
        await hit.ClickAsync();
        await Expect(visitor.GetByTestId("patent-title")).ToHaveTextAsync(title);
        await Expect(visitor.GetByTestId("listing-price")).ToContainTextAsync("120,000.00");
        await Expect(visitor.GetByTestId("sleeping-chip")).ToBeVisibleAsync();
        await visitor.SaveScreenshotAsync("visitor-patent-page");
    }

    [GeneratedRegex(@"/patents\?q=")]
    private static partial Regex SearchUrl();
}
