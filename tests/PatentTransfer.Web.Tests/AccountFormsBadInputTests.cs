using System.Net;
using Microsoft.EntityFrameworkCore;

namespace PatentTransfer.Web.Tests;

/// <summary>
/// Bad input on the account forms other than registration (which has tests of its own): each answer is the form
/// again with a message in the page's language next to the field, and nothing is written or mailed.
/// </summary>
public class AccountFormsBadInputTests(PortalAppFactory app)
{
    private const string Password = "Forms#2026ok";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Email => PortalTexts.Zh("Field_Email");

    public static TheoryData<string, string, string> BadAddresses => new()
    {
        { "/Account/Login", "login", "" },
        { "/Account/Login", "login", "not-an-address" },
        { "/Account/Login", "login", "<script>alert(1)</script>@x.cn" },
        { "/Account/ForgotPassword", "forgot-password", "" },
        { "/Account/ForgotPassword", "forgot-password", "name@" },
        { "/Account/ForgotPassword", "forgot-password", new string('a', 300) + "@test.example" },
        { "/Account/ResendEmailConfirmation", "resend-email-confirmation", "" },
        { "/Account/ResendEmailConfirmation", "resend-email-confirmation", "two words@test.example" },
    };

    [Theory]
    [MemberData(nameof(BadAddresses))]
    public async Task AddressFormsRefuseAMissingOrMalformedAddressAndMailNothing(string url, string form, string address)
    {
        var mailsBefore = app.Mailbox.All().Count;
        var fields = new Dictionary<string, string> { ["Input.Email"] = address };
        if (form == "login")
        {
            fields["Input.Password"] = Password;
        }

        var response = await new Browser(app.CreateBrowserClient()).SubmitAsync(url, form, fields, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expected = address.Length == 0 ? PortalTexts.ZhFormat("Validation_Required", Email) : PortalTexts.ZhFormat("Validation_Email", Email);
        Assert.Contains(expected, Browser.ValidationMessages(await Browser.ParseAsync(response, Ct)));
        Assert.Equal(mailsBefore, app.Mailbox.All().Count);
    }

    [Fact]
    public async Task LogInWithoutAPasswordAsksForIt()
    {
        var response = await new Browser(app.CreateBrowserClient()).SubmitLogInAsync(Accounts.Sme, "", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([PortalTexts.ZhFormat("Validation_Required", PortalTexts.Zh("Field_Password"))],
            Browser.ValidationMessages(await Browser.ParseAsync(response, Ct)));
    }

    public static TheoryData<string, string, string> BadProfiles => new()
    {
        { "", "13812345678", PortalTexts.ZhFormat("Validation_Required", PortalTexts.Zh("Field_DisplayName")) },
        { new string('张', 51), "13812345678", PortalTexts.ZhFormat("Validation_MaxLength", PortalTexts.Zh("Field_DisplayName"), 50) },
        { "<script>alert('x')</script>", "13812345678", PortalTexts.ZhFormat("Validation_NoMarkup", PortalTexts.Zh("Field_DisplayName")) },
        { "王五", "", PortalTexts.ZhFormat("Validation_Required", PortalTexts.Zh("Field_Phone")) },
        { "王五", "12345", PortalTexts.Zh("Validation_Phone") },
    };

    [Theory]
    [MemberData(nameof(BadProfiles))]
    public async Task ProfileRefusesBadInputKeepsWhatWasTypedAndChangesNothing(string displayName, string phone, string message)
    {
        var user = await TestUsers.RegisterConfirmedSmeAsync(app, Password, "资料测试", Ct);
        var browser = new Browser(app.CreateBrowserClient());
        await browser.LogInAsync(user.Email!, Password, Ct);

        var response = await browser.SubmitAsync("/Account/Manage", "profile", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = displayName,
            ["Input.Phone"] = phone,
        }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browser.ParseAsync(response, Ct);
        Assert.Equal([message], Browser.ValidationMessages(page));
        // The form shows what the user typed, so they can correct it rather than type it again.
        Assert.Equal(displayName, page.QuerySelector("#Input\\.DisplayName")?.GetAttribute("value") ?? "");
        Assert.Equal(phone, page.QuerySelector("#Input\\.Phone")?.GetAttribute("value") ?? "");
        await using var db = app.CreateDbContext();
        var stored = await db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id, Ct);
        Assert.Equal((user.DisplayName, user.PhoneNumber, user.ConcurrencyStamp), (stored.DisplayName, stored.PhoneNumber, stored.ConcurrencyStamp));
    }

    [Fact]
    public async Task ProfileSavesGoodInputAndShowsItInEnglishToo()
    {
        var user = await TestUsers.RegisterConfirmedSmeAsync(app, Password, "资料测试", Ct);
        var browser = new Browser(app.CreateBrowserClient());
        await browser.LogInAsync(user.Email!, Password, Ct);

        var saved = await browser.SubmitAsync("/Account/Manage", "profile", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "王五（技术部）",
            ["Input.Phone"] = "0311-87654321",
        }, Ct);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var db = app.CreateDbContext();
        var stored = await db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id, Ct);
        Assert.Equal(("王五（技术部）", "0311-87654321"), (stored.DisplayName, stored.PhoneNumber));

        // The same refusal in English once the visitor has chosen English.
        await browser.Client.GetAsync("/culture/set?culture=en&returnUrl=/", Ct);
        var refused = await browser.SubmitAsync("/Account/Manage", "profile", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "",
            ["Input.Phone"] = "0311-87654321",
        }, Ct);
        Assert.Equal([PortalTexts.EnFormat("Validation_Required", PortalTexts.En("Field_DisplayName"))],
            Browser.ValidationMessages(await Browser.ParseAsync(refused, Ct)));
    }
}
