using PatentTransfer.Domain.Listings;
using PatentTransfer.Domain.Patents;
using PatentTransfer.Testing;

namespace PatentTransfer.Web.Tests.Patents;

/// <summary>The patent page as each kind of visitor gets it over HTTP (the server-rendered first paint).</summary>
public class PatentDetailPageTests(PortalAppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A patent of the demo university (保定, city 1306), with a listing in the given state when one is asked for.</summary>
    private async Task<(Patent Patent, Listing? Listing)> UniversityPatentAsync(PatentDetails? details = null, ListingStatus? listing = null)
    {
        var holder = await app.FindUserAsync(Accounts.Holder);
        var patent = TestPatents.Create(holder.OrganisationId!.Value, details);
        Listing? offer = null;
        var today = new DateOnly(2026, 11, 25);
        if (listing is { } status)
        {
            offer = new Listing(patent, TestPatents.OrdinaryLicence(), today, DateTimeOffset.UtcNow);
            if (status != ListingStatus.Draft)
            {
                offer.Submit(patent, holderMayPublish: true, today, DateTimeOffset.UtcNow);
            }

            if (status == ListingStatus.Published)
            {
                offer.Approve(patent, (await app.FindUserAsync(Accounts.BaodingStaff)).Id, today, DateTimeOffset.UtcNow);
            }
        }

        await using var db = app.CreateDbContext();
        db.Patents.Add(patent);
        if (offer is not null)
        {
            db.Listings.Add(offer);
        }

        await db.SaveChangesAsync(Ct);
        return (patent, offer);
    }

    private async Task<string> PageAsync(Guid id, string? account = null)
    {
        var browser = new Browser(app.CreateBrowserClient());
        if (account is not null)
        {
            await browser.LogInAsync(account, Accounts.Password, Ct);
        }

        var page = await browser.GetPageAsync($"/patents/{id}", Ct);
        return page.DocumentElement.OuterHtml;
    }

    [Fact]
    public async Task AnonymousVisitorsSeeTheBibliographicDataAndWhyThePatentIsSleeping()
    {
        var (patent, _) = await UniversityPatentAsync();

        var html = await PageAsync(patent.Id);

        Assert.Contains("一种锂离子电池正极材料", html, StringComparison.Ordinal);
        Assert.Contains(patent.ApplicationNumber, html, StringComparison.Ordinal);
        Assert.Contains("河北示范理工大学（演示）", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"sleeping-chip\"", html, StringComparison.Ordinal);
        Assert.Contains("三项条件均满足", html, StringComparison.Ordinal);
        Assert.Contains("自 2022-06-10 授权以来 4 年无转让、许可、质押或自行实施", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"demo-notice\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APatentWithoutATitleShowsTheStartOfItsAbstractAndSaysSo()
    {
        var (patent, _) = await UniversityPatentAsync(TestPatents.Details(title: null, @abstract: "本发明涉及一种秸秆还田机，包括机架和刀辊。"));

        var html = await PageAsync(patent.Id);

        Assert.Contains("〔摘要〕一种秸秆还田机", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"patent-title-fallback\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APatentUsedRecentlyIsNotSleepingAndThePageSaysWhichCriterionFails()
    {
        var (patent, _) = await UniversityPatentAsync(TestPatents.Details(grantDate: new DateOnly(2025, 3, 1)));

        var html = await PageAsync(patent.Id);

        Assert.DoesNotContain("data-testid=\"sleeping-chip\"", html, StringComparison.Ordinal);
        Assert.Contains("未满足全部条件", html, StringComparison.Ordinal);
        Assert.Contains("自 2025-03-01 授权以来 1 年", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPatentsReadAsNotFound()
    {
        var html = await PageAsync(Guid.NewGuid());

        Assert.Contains("未找到该专利", html, StringComparison.Ordinal);
    }

    public static TheoryData<string?, bool> DraftViewers => new()
    {
        { null, false },
        { Accounts.Sme, false },
        { Accounts.Institute, false },
        { Accounts.ShijiazhuangStaff, false },
        { Accounts.BaodingStaff, false },
        { Accounts.Provincial, false },
        { Accounts.Holder, true },
    };

    [Theory]
    [MemberData(nameof(DraftViewers))]
    public async Task DraftTermsAreSeenOnlyByTheHolder(string? account, bool seesTerms)
    {
        var (patent, _) = await UniversityPatentAsync(listing: ListingStatus.Draft);

        var html = await PageAsync(patent.Id, account);

        Assert.Contains("一种锂离子电池正极材料", html, StringComparison.Ordinal);
        Assert.Equal(seesTerms, html.Contains("80,000.00", StringComparison.Ordinal));
    }

    public static TheoryData<string?, bool> SubmittedViewers => new()
    {
        { null, false },
        { Accounts.Sme, false },
        { Accounts.ShijiazhuangStaff, false },
        { Accounts.BaodingStaff, true },
        { Accounts.Provincial, true },
        { Accounts.Holder, true },
    };

    [Theory]
    [MemberData(nameof(SubmittedViewers))]
    public async Task SubmittedTermsAreSeenByTheHolderAndTheStaffWhoReviewThem(string? account, bool seesTerms)
    {
        var (patent, _) = await UniversityPatentAsync(listing: ListingStatus.Submitted);

        var html = await PageAsync(patent.Id, account);

        Assert.Equal(seesTerms, html.Contains("80,000.00", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PublishedTermsAreSeenByEveryone()
    {
        var (patent, _) = await UniversityPatentAsync(listing: ListingStatus.Published);

        var html = await PageAsync(patent.Id);

        Assert.Contains("80,000.00", html, StringComparison.Ordinal);
        Assert.Contains("普通许可", html, StringComparison.Ordinal);
    }
}
