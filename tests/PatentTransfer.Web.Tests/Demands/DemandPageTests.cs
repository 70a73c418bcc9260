using PatentTransfer.Domain.Demands;
using PatentTransfer.Infrastructure.Identity;
using PatentTransfer.Web.Features.MyDemands;
using static PatentTransfer.Web.Tests.Demands.DemandTestData;

namespace PatentTransfer.Web.Tests.Demands;

/// <summary>The demand pages over HTTP as signed-in users get them (the server-rendered first paint).</summary>
public class DemandPageTests(PortalAppFactory app)
{
    private async Task<Browser> LogInAsync(string email)
    {
        var browser = new Browser(app.CreateBrowserClient());
        await browser.LogInAsync(email, Accounts.Password, Ct);
        return browser;
    }

    /// <summary>A demand of <paramref name="sme"/> titled with a token, submitted unless a draft is wanted.</summary>
    private async Task<(Guid Id, string Title)> DemandAsync(PortalUser sme, bool submit = true)
    {
        var title = "页面测试需求" + NewToken();
        await using var user = await ActingUser.SignInAsync(app, sme.Email!);
        var service = user.Get<MyDemandsService>();
        var saved = await service.SaveDraftAsync(user.Principal, null, Input(TodayOn(TimeProvider.System), title), null, Ct);
        Assert.True(saved.Result.Succeeded, saved.Result.Message);
        if (submit)
        {
            Assert.True((await service.SubmitAsync(user.Principal, saved.Id!.Value, (await ReloadAsync(app, saved.Id.Value)).Version, Ct)).Succeeded);
        }

        return (saved.Id!.Value, title);
    }

    [Fact]
    public async Task TheSmeOpensItsDemandWithItsStatus()
    {
        var sme = await RegisterSmeAsync(app);
        var (id, title) = await DemandAsync(sme);
        var browser = await LogInAsync(sme.Email!);

        var page = await browser.GetPageAsync($"/my/demands/{id}", Ct);

        Assert.Equal(title, page.QuerySelector("[data-testid=demand-heading]")?.TextContent.Trim());
        Assert.Equal(PortalTexts.Zh("DemandStatus_Submitted"), page.QuerySelector("[data-testid=demand-status]")?.TextContent.Trim());
        Assert.Contains("冲击韧性 ≥ 67 J/cm²", page.QuerySelector("[data-testid=demand-targets]")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherSmeIsToldTheDemandIsNotFoundAndSeesNothingOfIt()
    {
        var (id, title) = await DemandAsync(await RegisterSmeAsync(app));
        var browser = await LogInAsync((await RegisterSmeAsync(app)).Email!);

        var page = await browser.GetPageAsync($"/my/demands/{id}", Ct);

        Assert.Null(page.QuerySelector("[data-testid=demand-heading]"));
        Assert.DoesNotContain(title, page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Contains(PortalTexts.Zh("Demand_NotFound"), page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReturnedDemandShowsTheReviewersReasonToTheSme()
    {
        var sme = await RegisterSmeAsync(app);
        var (id, _) = await DemandAsync(sme);
        var reviewer = await app.FindUserAsync(Accounts.ShijiazhuangStaff);
        await ChangeAsync(app, id, d => d.Return(reviewer.Id, "请补充现有设备情况", DateTimeOffset.UtcNow));
        var browser = await LogInAsync(sme.Email!);

        var page = await browser.GetPageAsync($"/my/demands/{id}", Ct);

        Assert.Contains("请补充现有设备情况", page.QuerySelector("[data-testid=demand-return-reason]")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-testid=demand-save]"));
    }

    [Theory]
    [InlineData(Accounts.Sme)]
    [InlineData(Accounts.PendingSme)]
    public async Task SmeUsersOpenTheNewDemandForm(string email)
    {
        var browser = await LogInAsync(email);

        var page = await browser.GetPageAsync("/my/demands/new", Ct);

        Assert.Equal(PortalTexts.Zh("Demand_New"), page.QuerySelector("[data-testid=demand-heading]")?.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("[data-testid=demand-submit]"));
        foreach (var level in Enum.GetValues<DemandConfidentiality>())
        {
            Assert.Contains(PortalTexts.Zh($"Demand_Confidentiality_{level}_Explained"), page.Body!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheFormSpeaksEnglishAfterSwitching()
    {
        var browser = await LogInAsync(Accounts.Sme);
        await browser.Client.GetAsync("/culture/set?culture=en&returnUrl=/", Ct);

        var page = await browser.GetPageAsync("/my/demands/new", Ct);

        Assert.Equal(PortalTexts.En("Demand_New"), page.QuerySelector("[data-testid=demand-heading]")?.TextContent.Trim());
        Assert.Contains(PortalTexts.En("Demand_Confidentiality_Anonymised_Explained"), page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Accounts.ShijiazhuangStaff)]
    [InlineData(Accounts.Provincial)]
    public async Task StaffOfTheSmesCityOrTheProvinceOpenTheDemandForReview(string email)
    {
        var (id, title) = await DemandAsync(await RegisterSmeAsync(app, Shijiazhuang));
        var browser = await LogInAsync(email);

        var page = await browser.GetPageAsync($"/review/demands/{id}", Ct);

        Assert.Equal(title, page.QuerySelector("[data-testid=review-demand-title]")?.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("[data-testid=approve]"));
    }

    [Fact]
    public async Task StaffOfAnotherCityAreToldTheDemandIsNotFound()
    {
        var (id, title) = await DemandAsync(await RegisterSmeAsync(app, Shijiazhuang));
        var browser = await LogInAsync(Accounts.BaodingStaff);

        var page = await browser.GetPageAsync($"/review/demands/{id}", Ct);

        Assert.Null(page.QuerySelector("[data-testid=review-demand-title]"));
        Assert.DoesNotContain(title, page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Contains(PortalTexts.Zh("DemandReview_NotFound"), page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADraftIsNotOpenedForReview()
    {
        var (id, title) = await DemandAsync(await RegisterSmeAsync(app, Shijiazhuang), submit: false);
        var browser = await LogInAsync(Accounts.Provincial);

        var page = await browser.GetPageAsync($"/review/demands/{id}", Ct);

        Assert.DoesNotContain(title, page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Contains(PortalTexts.Zh("DemandReview_NotFound"), page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CityStaffQueueStatesTheirCity()
    {
        var browser = await LogInAsync(Accounts.BaodingStaff);

        var page = await browser.GetPageAsync("/review/demands", Ct);

        Assert.Equal(PortalTexts.ZhFormat("DemandReview_ScopeCity", "保定市"), page.QuerySelector("[data-testid=review-scope]")?.TextContent.Trim());
    }

    [Fact]
    public async Task TheNavigationOffersDemandsToSmesAndTheirReviewToStaff()
    {
        var sme = await (await LogInAsync(Accounts.Sme)).GetPageAsync("/", Ct);
        var staff = await (await LogInAsync(Accounts.ShijiazhuangStaff)).GetPageAsync("/", Ct);
        var holder = await (await LogInAsync(Accounts.Holder)).GetPageAsync("/", Ct);

        Assert.NotNull(sme.QuerySelector("a[href='/my/demands']"));
        Assert.Null(sme.QuerySelector("a[href='/review/demands']"));
        Assert.NotNull(staff.QuerySelector("a[href='/review/demands']"));
        Assert.Null(staff.QuerySelector("a[href='/my/demands']"));
        Assert.Null(holder.QuerySelector("a[href='/my/demands']"));
    }
}
