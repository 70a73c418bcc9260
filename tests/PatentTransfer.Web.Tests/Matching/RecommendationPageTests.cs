using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PatentTransfer.Domain.Demands;
using PatentTransfer.Matching.Recommend;
using PatentTransfer.Web.Features.Matching;
using PatentTransfer.Web.Tests.DemandHall;
using static PatentTransfer.Web.Tests.Demands.DemandTestData;
using static PatentTransfer.Web.Tests.Matching.RecommendationTestData;

namespace PatentTransfer.Web.Tests.Matching;

/// <summary>The pages of recommendations over HTTP as each visitor gets them (the server-rendered first paint).</summary>
public class RecommendationPageTests(PortalAppFactory app)
{
    private async Task<Browser> LogInAsync(string email)
    {
        var browser = new Browser(app.CreateBrowserClient());
        await browser.LogInAsync(email, Accounts.Password, Ct);
        return browser;
    }

    private async Task<(Guid Demand, Guid Patent, string Token, string SmeEmail)> ArrangeAsync()
    {
        var token = DemandHallTestData.SearchToken();
        var sme = await RegisterSmeAsync(app);
        var demand = await PublishedDemandAsync(app, sme, token);
        var patent = await ListedPatentAsync(app, Accounts.Holder, token);
        await ContainingAsync(app, sme.Email!, demand, patent);
        return (demand, patent, token, sme.Email!);
    }

    private static void AssertRedirectedTo(HttpResponseMessage response, string path)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(path, new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task TheSmeFindsTheRecommendationsTabOnItsDemandPage()
    {
        var (demand, patent, token, email) = await ArrangeAsync();
        var browser = await LogInAsync(email);

        var page = await browser.GetPageAsync($"/my/demands/{demand}", Ct);

        Assert.NotNull(page.QuerySelector("[data-testid=recommendations-panel]"));
        var title = page.QuerySelector($"[data-patent-id='{patent}'] [data-testid=recommendation-title]");
        Assert.Contains(token, title?.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/patents/{patent}", title?.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector($"[data-patent-id='{patent}'] [data-testid=recommendation-request]"));
    }

    [Fact]
    public async Task AnotherSmeAHolderAndAnonymousVisitorsGetNothingOfTheRecommendations()
    {
        var (demand, _, token, _) = await ArrangeAsync();

        var other = await (await LogInAsync(Accounts.Sme)).GetPageAsync($"/my/demands/{demand}", Ct);
        Assert.Null(other.QuerySelector("[data-testid=recommendations-panel]"));
        Assert.DoesNotContain(token, other.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Contains(PortalTexts.Zh("Demand_NotFound"), other.Body!.TextContent, StringComparison.Ordinal);

        var holder = await LogInAsync(Accounts.Holder);
        AssertRedirectedTo(await holder.Client.GetAsync($"/my/demands/{demand}", Ct), "/Account/AccessDenied");
        AssertRedirectedTo(await holder.Client.GetAsync($"/review/demands/{demand}", Ct), "/Account/AccessDenied");
        // The holder may read the demand in the hall, but the SME's recommendations are not there.
        var hall = await holder.GetPageAsync($"/demands/{demand}", Ct);
        Assert.Null(hall.QuerySelector("[data-testid=recommendations-panel]"));
        Assert.Null(hall.QuerySelector("[data-testid=recommendation]"));

        var anonymous = new Browser(app.CreateBrowserClient());
        AssertRedirectedTo(await anonymous.Client.GetAsync($"/my/demands/{demand}", Ct), "/Account/Login");
        AssertRedirectedTo(await anonymous.Client.GetAsync($"/review/demands/{demand}", Ct), "/Account/Login");
    }

    [Fact]
    public async Task StaffOfTheDemandsCityAndTheProvinceSeeTheTabReadOnlyAndOtherCitiesDoNot()
    {
        var (demand, patent, _, _) = await ArrangeAsync();

        foreach (var staff in new[] { Accounts.ShijiazhuangStaff, Accounts.Provincial })
        {
            var page = await (await LogInAsync(staff)).GetPageAsync($"/review/demands/{demand}", Ct);
            Assert.NotNull(page.QuerySelector($"[data-patent-id='{patent}'] [data-testid=recommendation-title]"));
            Assert.Null(page.QuerySelector("[data-testid=recommendation-request]"));
            Assert.Null(page.QuerySelector("[data-testid=recommendation-dismiss]"));
        }

        var baoding = await (await LogInAsync(Accounts.BaodingStaff)).GetPageAsync($"/review/demands/{demand}", Ct);
        Assert.Null(baoding.QuerySelector("[data-testid=recommendations-panel]"));
    }

    [Fact]
    public async Task TheCriteriaPageIsPublicAndShowsTheWeightsTheRecommenderUses()
    {
        var weights = app.Services.GetRequiredService<MatchWeights>();
        var anonymous = new Browser(app.CreateBrowserClient());

        var page = await anonymous.GetPageAsync("/matching/criteria", Ct);

        Assert.Equal(PortalTexts.Zh("Criteria_Title"), page.QuerySelector("h1")?.TextContent.Trim());
        string WeightOf(string factor) =>
            page.QuerySelector($"[data-testid=criteria-factor][data-factor={factor}] [data-testid=criteria-weight]")!.TextContent.Trim();
        Assert.Equal(MatchExplanation.Number(weights.Text), WeightOf("Text"));
        Assert.Equal("+" + MatchExplanation.Number(weights.Ipc), WeightOf("Ipc"));
        Assert.Equal("±" + MatchExplanation.Number(weights.Price), WeightOf("Price"));
        Assert.Equal("−" + MatchExplanation.Number(weights.RemainingTerm), WeightOf("RemainingTerm"));
        Assert.Equal("+" + MatchExplanation.Number(weights.OpenLicence), WeightOf("OpenLicence"));
        Assert.Equal(Enum.GetValues<MatchFactorKind>().Length, page.QuerySelectorAll("[data-testid=criteria-factor]").Length);
        Assert.DoesNotContain(page.QuerySelectorAll("[data-testid=criteria-weight]"), w => w.TextContent.Trim() == "—");
        var neutrality = page.QuerySelector("[data-testid=criteria-neutrality]")!.TextContent;
        Assert.Contains("第七十九条", neutrality, StringComparison.Ordinal);
        Assert.Contains(PortalTexts.Zh("Criteria_Neutrality_NoPayment"), neutrality, StringComparison.Ordinal);
        Assert.Contains(PortalTexts.Zh("Criteria_ValidOnly"), page.QuerySelector("[data-testid=criteria-valid-only]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-testid=criteria-dismissal]"));
        // The floor of text relevance is read from the options the index runs with (10 % by default).
        var options = app.Services.GetRequiredService<PatentMatchIndex>().Options;
        Assert.Contains(
            $"相关度不到最相关候选 {options.MinRelevance * 100:0}% 的专利不推荐",
            page.QuerySelector("[data-testid=criteria-text]")!.TextContent,
            StringComparison.Ordinal);

        var home = await anonymous.GetPageAsync("/", Ct);
        Assert.NotNull(home.QuerySelector("[data-testid=footer-criteria][href='/matching/criteria']"));
    }

    [Fact]
    public async Task TheHolderSeesHowOftenItsPatentWasSetAsideButNotByWhom()
    {
        var (demand, patent, _, email) = await ArrangeAsync();
        await using (var sme = await ActingUser.SignInAsync(app, email))
        {
            Assert.True((await sme.Get<RecommendationService>().DismissAsync(sme.Principal, demand, patent, DismissalReason.TooEarly, "我们明年才上新线", Ct)).Succeeded);
        }

        var page = await (await LogInAsync(Accounts.Holder)).GetPageAsync("/my/recommendation-feedback", Ct);

        var row = page.QuerySelector($"[data-testid=recommendation-feedback-row][data-patent-id='{patent}']");
        Assert.NotNull(row);
        Assert.Equal("1", row.QuerySelector("[data-testid=feedback-count-TooEarly]")?.TextContent.Trim());
        Assert.Equal("0", row.QuerySelector("[data-testid=feedback-count-TooExpensive]")?.TextContent.Trim());
        Assert.Equal("1", row.QuerySelector("[data-testid=feedback-count-total]")?.TextContent.Trim());
        var html = page.DocumentElement.OuterHtml;
        Assert.DoesNotContain("我们明年才上新线", html, StringComparison.Ordinal);
        Assert.DoesNotContain(demand.ToString(), html, StringComparison.Ordinal);
        Assert.DoesNotContain("需求测试科技有限公司", html, StringComparison.Ordinal);

        AssertRedirectedTo(await (await LogInAsync(email)).Client.GetAsync("/my/recommendation-feedback", Ct), "/Account/AccessDenied");
    }
}
