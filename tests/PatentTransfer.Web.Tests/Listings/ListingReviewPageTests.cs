using PatentTransfer.Domain.Listings;
using static PatentTransfer.Web.Tests.Listings.ListingReviewTestData;

namespace PatentTransfer.Web.Tests.Listings;

/// <summary>The listing review pages over HTTP as signed-in staff get them (the server-rendered first paint).</summary>
public class ListingReviewPageTests(PortalAppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Browser> LogInAsync(string account)
    {
        var browser = new Browser(app.CreateBrowserClient());
        await browser.LogInAsync(account, Accounts.Password, Ct);
        return browser;
    }

    [Theory]
    [InlineData(Accounts.BaodingStaff)]
    [InlineData(Accounts.Provincial)]
    public async Task StaffOfTheHoldersCityOrTheProvinceOpenTheListing(string account)
    {
        var token = NewToken();
        var listing = await CreateAsync(app, Accounts.Holder, ListingStatus.Submitted, Titled(token), Ct);
        var browser = await LogInAsync(account);

        var page = await browser.GetPageAsync($"/review/listings/{listing.Id}", Ct);

        Assert.Equal($"一种审核测试装置{token}", page.QuerySelector("[data-testid=review-listing-title]")?.TextContent.Trim());
        Assert.DoesNotContain(PortalTexts.Zh("ListingReview_NotFound"), page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffOfAnotherCityAreToldTheListingIsNotFound()
    {
        var token = NewToken();
        var listing = await CreateAsync(app, Accounts.Holder, ListingStatus.Submitted, Titled(token), Ct);
        var browser = await LogInAsync(Accounts.ShijiazhuangStaff);

        var page = await browser.GetPageAsync($"/review/listings/{listing.Id}", Ct);

        Assert.Null(page.QuerySelector("[data-testid=review-listing-title]"));
        Assert.DoesNotContain(token, page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Contains(PortalTexts.Zh("ListingReview_NotFound"), page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CityStaffQueueStatesTheirCity()
    {
        var browser = await LogInAsync(Accounts.BaodingStaff);

        var page = await browser.GetPageAsync("/review/listings", Ct);

        Assert.Equal(PortalTexts.ZhFormat("ListingReview_ScopeCity", "保定市"), page.QuerySelector("[data-testid=review-scope]")?.TextContent.Trim());
    }
}
