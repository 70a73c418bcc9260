using Bunit;
using TestContext = Xunit.TestContext;
using PatentTransfer.Domain.Identity;
using PatentTransfer.Domain.Listings;
using PatentTransfer.Web.Features.Listings;
using PatentTransfer.Web.Tests.Components;
using static PatentTransfer.Web.Tests.Listings.ListingReviewTestData;

namespace PatentTransfer.Web.Tests.Listings;

/// <summary>The listing review page in a circuit, deciding on listings of the demo university (保定, city 1306).</summary>
public class ListingReviewDetailPageTests(PortalAppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<ComponentTestContext> StaffAsync(string email, string role, string? city)
    {
        var user = await app.FindUserAsync(email);
        return new ComponentTestContext(app, user.DisplayName, user.Id, [role], user.OrganisationId, city);
    }

    private Task<ComponentTestContext> BaodingStaffAsync() => StaffAsync(Accounts.BaodingStaff, Roles.CityStaff, "1306");

    private static IRenderedComponent<ListingReviewDetailPage> Open(ComponentTestContext context, Guid id)
    {
        var page = context.Render<ListingReviewDetailPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=review-listing-title]")));
        return page;
    }

    [Fact]
    public async Task ShowsThePatentWithALinkToItsPageTheTermsAndTheHolder()
    {
        var token = NewToken();
        var listing = await CreateAsync(app, Accounts.Holder, ListingStatus.Submitted, Titled(token), Ct);
        await using var context = await BaodingStaffAsync();

        var page = Open(context, listing.Id);

        Assert.Equal($"一种审核测试装置{token}", page.Find("[data-testid=review-listing-title]").TextContent.Trim());
        Assert.Equal($"/patents/{listing.PatentId}", page.Find("[data-testid=review-patent-link]").GetAttribute("href"));
        Assert.Contains("80,000.00", page.Find("[data-testid=listing-price]").TextContent, StringComparison.Ordinal);
        Assert.Contains("普通许可", page.Find("[data-testid=listing-terms]").TextContent, StringComparison.Ordinal);
        Assert.Contains("河北示范理工大学", page.Find("[data-testid=review-holder]").TextContent, StringComparison.Ordinal);
        Assert.Contains("待审核", page.Find("[data-testid=listing-review-status]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Find("[data-testid=approve]"));
    }

    [Fact]
    public async Task ApprovingPublishesTheListingAndShowsItsNewStatus()
    {
        var listing = await CreateAsync(app, Accounts.Holder, ListingStatus.Submitted, Titled(NewToken()), Ct);
        await using var context = await BaodingStaffAsync();
        var page = Open(context, listing.Id);

        page.Find("[data-testid=approve]").Click();

        page.WaitForAssertion(() => Assert.Contains("已发布", page.Find("[data-testid=listing-review-status]").TextContent, StringComparison.Ordinal));
        Assert.Contains("已发布", page.Find("[data-testid=review-outcome]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=approve]"));
        Assert.Empty(page.FindAll("[data-testid=review-error]"));
        var stored = await ReloadAsync(app, listing.Id, Ct);
        Assert.Equal(ListingStatus.Published, stored.Status);
        Assert.Equal((await app.FindUserAsync(Accounts.BaodingStaff)).Id, stored.ReviewedByUserId);
    }

    [Fact]
    public async Task ReturningWithAReasonShowsTheListingReturned()
    {
        var listing = await CreateAsync(app, Accounts.Holder, ListingStatus.Submitted, Titled(NewToken()), Ct);
        await using var context = await StaffAsync(Accounts.Provincial, Roles.ProvincialStaff, null);
        var page = Open(context, listing.Id);

        page.Find("textarea").Change("请写明技术服务的内容与期限");
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains("已退回", page.Find("[data-testid=listing-review-status]").TextContent, StringComparison.Ordinal));
        Assert.Contains("请写明技术服务的内容与期限", page.Find("[data-testid=listing-status]").TextContent, StringComparison.Ordinal);
        var stored = await ReloadAsync(app, listing.Id, Ct);
        Assert.Equal(ListingStatus.Returned, stored.Status);
        Assert.Equal("请写明技术服务的内容与期限", stored.ReturnReason);
    }

    [Theory]
    [InlineData("", "请填写退回原因。")]
    [InlineData("<img src=x onerror=alert(1)>", "退回原因不能包含 HTML 标签或脚本。")]
    public async Task ReturningNeedsAPlainReasonAndChangesNothingOtherwise(string reason, string message)
    {
        var listing = await CreateAsync(app, Accounts.Holder, ListingStatus.Submitted, Titled(NewToken()), Ct);
        var before = await ReloadAsync(app, listing.Id, Ct);
        await using var context = await BaodingStaffAsync();
        var page = Open(context, listing.Id);

        page.Find("textarea").Change(reason);
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains(message, page.Markup, StringComparison.Ordinal));
        var stored = await ReloadAsync(app, listing.Id, Ct);
        Assert.Equal(ListingStatus.Submitted, stored.Status);
        Assert.Equal(before.Version, stored.Version);
    }

    [Fact]
    public async Task AReviewerDecidingOnAStalePageIsToldSomeoneElseDecided()
    {
        var listing = await CreateAsync(app, Accounts.Holder, ListingStatus.Submitted, Titled(NewToken()), Ct);
        await using var context = await BaodingStaffAsync();
        var page = Open(context, listing.Id);
        var provincial = await app.FindUserAsync(Accounts.Provincial);
        await ChangeAsync(app, listing.Id, (l, p) => l.Approve(p, provincial.Id, new DateOnly(2026, 11, 25), DateTimeOffset.UtcNow), Ct);

        page.Find("textarea").Change("价格偏高");
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains(PortalTexts.Zh("Concurrency_Conflict"), page.Find("[data-testid=review-error]").TextContent, StringComparison.Ordinal));
        Assert.Contains("已发布", page.Find("[data-testid=listing-review-status]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=return]"));
        var stored = await ReloadAsync(app, listing.Id, Ct);
        Assert.Equal(ListingStatus.Published, stored.Status);
        Assert.Equal(provincial.Id, stored.ReviewedByUserId);
        Assert.Null(stored.ReturnReason);
    }

    [Fact]
    public async Task StaffOfAnotherCitySeeNothingOfIt()
    {
        var token = NewToken();
        var listing = await CreateAsync(app, Accounts.Holder, ListingStatus.Submitted, Titled(token), Ct);
        await using var context = await StaffAsync(Accounts.ShijiazhuangStaff, Roles.CityStaff, "1301");

        var page = context.Render<ListingReviewDetailPage>(p => p.Add(x => x.Id, listing.Id));

        page.WaitForAssertion(() => Assert.Contains(PortalTexts.Zh("ListingReview_NotFound"), page.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain(token, page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=approve]"));
    }
}
