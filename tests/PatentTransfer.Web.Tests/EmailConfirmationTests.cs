using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using PatentTransfer.Domain.Auditing;

namespace PatentTransfer.Web.Tests;

public class EmailConfirmationTests(PortalAppFactory app)
{
    [Fact]
    public async Task RefusesLogInBeforeTheAddressIsConfirmed()
    {
        var ct = TestContext.Current.CancellationToken;
        var applicant = TestApplicant.Create();
        var browser = new Browser(app.CreateBrowserClient());
        await applicant.RegisterAsync(browser, ct);

        var response = await browser.SubmitLogInAsync(applicant.Email, applicant.Password, ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browser.ParseAsync(response, ct);
        Assert.Equal(PortalTexts.Zh("Login_NotConfirmed"), StatusMessage(page));
        Assert.NotNull(page.QuerySelector("a[href='Account/ResendEmailConfirmation']"));
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("pt.auth=", StringComparison.Ordinal));
        var protectedPage = await browser.Client.GetAsync("/organisation", ct);
        Assert.Equal(HttpStatusCode.Redirect, protectedPage.StatusCode);
        Assert.Equal("/Account/Login", new Uri(new Uri("http://localhost"), protectedPage.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task LinkInTheMailConfirmsTheAddressAndLogInThenWorks()
    {
        var ct = TestContext.Current.CancellationToken;
        var applicant = TestApplicant.Create();
        var browser = new Browser(app.CreateBrowserClient());
        await applicant.RegisterAsync(browser, ct);
        var link = await applicant.ConfirmationLinkAsync(app, ct);
        var user = await app.FindUserAsync(applicant.Email);
        Assert.Equal(user.Id.ToString(), QueryHelpers.ParseQuery(link.Query)["userId"].ToString());

        var page = await new Browser(app.CreateBrowserClient()).GetPageAsync(link.PathAndQuery, ct);

        Assert.Equal(PortalTexts.Zh("ConfirmEmail_Succeeded"), StatusMessage(page));
        Assert.NotNull(page.QuerySelector("[data-testid=confirmed-login]"));
        Assert.True((await app.FindUserAsync(applicant.Email)).EmailConfirmed);
        await using (var db = app.CreateDbContext())
        {
            var confirmed = await db.AuditEntries.AsNoTracking()
                .SingleAsync(a => a.Action == AuditActions.EmailConfirmed && a.RecordId == user.Id.ToString(), ct);
            Assert.Equal(user.Id, confirmed.ActorUserId);
        }

        await browser.LogInAsync(applicant.Email, applicant.Password, ct);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/organisation", ct)).StatusCode);
    }

    [Fact]
    public async Task TamperedCodeIsRefusedAndLeavesTheAddressUnconfirmed()
    {
        var ct = TestContext.Current.CancellationToken;
        var applicant = TestApplicant.Create();
        var browser = new Browser(app.CreateBrowserClient());
        await applicant.RegisterAsync(browser, ct);
        var link = await applicant.ConfirmationLinkAsync(app, ct);
        var query = QueryHelpers.ParseQuery(link.Query);
        var token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(query["code"].ToString()));
        var characters = token.ToCharArray();
        var middle = characters.Length / 2;
        characters[middle] = characters[middle] == 'A' ? 'B' : 'A';
        var tamperedCode = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(new string(characters)));

        var page = await browser.GetPageAsync($"/Account/ConfirmEmail?userId={query["userId"]}&code={tamperedCode}", ct);

        Assert.Equal(PortalTexts.Zh("ConfirmEmail_Invalid"), StatusMessage(page));
        Assert.Null(page.QuerySelector("[data-testid=confirmed-login]"));
        Assert.False((await app.FindUserAsync(applicant.Email)).EmailConfirmed);
        var refused = await browser.SubmitLogInAsync(applicant.Email, applicant.Password, ct);
        Assert.Equal(PortalTexts.Zh("Login_NotConfirmed"), StatusMessage(await Browser.ParseAsync(refused, ct)));
    }

    [Theory]
    [InlineData("not*base64url")]
    [InlineData("")]
    public async Task MalformedCodeIsRefused(string code)
    {
        var ct = TestContext.Current.CancellationToken;
        var applicant = TestApplicant.Create();
        var browser = new Browser(app.CreateBrowserClient());
        await applicant.RegisterAsync(browser, ct);
        var user = await app.FindUserAsync(applicant.Email);

        var page = await browser.GetPageAsync($"/Account/ConfirmEmail?userId={user.Id}&code={Uri.EscapeDataString(code)}", ct);

        Assert.Equal(PortalTexts.Zh("ConfirmEmail_Invalid"), StatusMessage(page));
        Assert.False((await app.FindUserAsync(applicant.Email)).EmailConfirmed);
    }

    [Fact]
    public async Task CodeOfOneUserDoesNotConfirmAnother()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = TestApplicant.Create();
        var second = TestApplicant.Create();
        var browser = new Browser(app.CreateBrowserClient());
        await first.RegisterAsync(browser, ct);
        await second.RegisterAsync(new Browser(app.CreateBrowserClient()), ct);
        var firstCode = QueryHelpers.ParseQuery((await first.ConfirmationLinkAsync(app, ct)).Query)["code"].ToString();
        var secondUser = await app.FindUserAsync(second.Email);

        var page = await browser.GetPageAsync($"/Account/ConfirmEmail?userId={secondUser.Id}&code={firstCode}", ct);

        Assert.Equal(PortalTexts.Zh("ConfirmEmail_Invalid"), StatusMessage(page));
        Assert.False((await app.FindUserAsync(second.Email)).EmailConfirmed);
        Assert.False((await app.FindUserAsync(first.Email)).EmailConfirmed);
    }

    [Fact]
    public async Task MailIsInTheLanguageTheApplicantRegisteredIn()
    {
        var ct = TestContext.Current.CancellationToken;
        var applicant = TestApplicant.Create();
        var browser = new Browser(app.CreateBrowserClient());
        await browser.Client.GetAsync("/culture/set?culture=en&returnUrl=/", ct);

        await applicant.RegisterAsync(browser, ct);

        var mail = await app.Mailbox.WaitForAsync(applicant.Email, PortalTexts.En("Email_Confirm_Subject"), ct);
        Assert.Contains(PortalTexts.En("Email_Confirm_Body"), WebUtility.HtmlDecode(mail.HtmlBody), StringComparison.Ordinal);
        Assert.Contains(mail.Links, link => link.Contains("/Account/ConfirmEmail?", StringComparison.Ordinal));
    }

    private static string? StatusMessage(IHtmlDocument page) => page.QuerySelector("[data-testid=status-message]")?.TextContent.Trim();
}
