using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatentTransfer.Domain.Auditing;
using PatentTransfer.Domain.Common;
using PatentTransfer.Domain.Identity;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Infrastructure.Data.Seeding;
using PatentTransfer.Infrastructure.Identity;
using PatentTransfer.Testing;
using PatentTransfer.Web.Localization;

namespace PatentTransfer.Web.Tests;

public class RegistrationTests(PortalAppFactory app)
{
    private const string RegisterUrl = "/Account/Register";

    [Fact]
    public async Task ValidRegistrationCreatesPendingOrganisationSmeUserMailAndAuditTrail()
    {
        var ct = TestContext.Current.CancellationToken;
        var applicant = TestApplicant.Create();
        var browser = new Browser(app.CreateBrowserClient());

        var response = await browser.SubmitAsync(RegisterUrl, "register", applicant.Form(), ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(new Uri("http://localhost"), response.Headers.Location!);
        Assert.Equal("/Account/RegisterConfirmation", location.AbsolutePath);
        var confirmation = await browser.GetPageAsync(location.PathAndQuery, ct);
        Assert.Equal(PortalTexts.Zh("RegisterConfirmation_Body"), confirmation.QuerySelector("[data-testid=register-confirmation]")?.TextContent.Trim());

        await using var db = app.CreateDbContext();
        var code = CreditCode.Parse(applicant.CreditCode);
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.CreditCode == code, ct);
        Assert.Equal(applicant.OrganisationName, organisation.Name);
        Assert.Equal(OrganisationType.PrivateEnterprise, organisation.Type);
        Assert.Equal(EnterpriseSize.Small, organisation.Size);
        Assert.Equal(applicant.RegionCode, organisation.RegionCode);
        Assert.Equal(OrganisationStatus.Pending, organisation.Status);
        Assert.Null(organisation.ReviewedByUserId);
        Assert.False(organisation.IsDemo);

        var user = await app.FindUserAsync(applicant.Email);
        Assert.Equal(organisation.Id, user.OrganisationId);
        Assert.Equal(applicant.DisplayName, user.DisplayName);
        Assert.Equal(TestApplicant.Phone, user.PhoneNumber);
        Assert.False(user.EmailConfirmed);
        Assert.Null(user.CityCode);
        Assert.Equal([Roles.SmeUser], await RolesOfAsync(user));

        var mail = await app.Mailbox.WaitForAsync(applicant.Email, PortalTexts.Zh("Email_Confirm_Subject"), ct);
        Assert.Contains(mail.Links, link => link.Contains("/Account/ConfirmEmail?", StringComparison.Ordinal)
            && link.Contains($"userId={user.Id}", StringComparison.Ordinal));

        var trail = await db.AuditEntries.AsNoTracking()
            .Where(a => a.ActorUserId == user.Id || a.OrganisationId == organisation.Id)
            .ToListAsync(ct);
        var submitted = Assert.Single(trail, a => a.Action == AuditActions.OrganisationSubmitted);
        Assert.Equal(user.Id, submitted.ActorUserId);
        Assert.Equal(applicant.DisplayName, submitted.ActorName);
        Assert.Equal(organisation.Id.ToString(), submitted.RecordId);
        Assert.Equal(AuditCategory.Business, submitted.Category);
        Assert.Contains(applicant.CreditCode, submitted.Summary, StringComparison.Ordinal);
        var registered = Assert.Single(trail, a => a.Action == AuditActions.UserRegistered);
        Assert.Equal(user.Id, registered.ActorUserId);
        Assert.Equal(user.Id.ToString(), registered.RecordId);
        Assert.Equal(organisation.Id, registered.OrganisationId);
        Assert.Equal(AuditCategory.Security, registered.Category);
    }

    [Theory]
    [InlineData(nameof(OrganisationType.University), "", Roles.PatentHolder)]
    [InlineData(nameof(OrganisationType.ResearchInstitute), "Small", Roles.PatentHolder)]
    [InlineData(nameof(OrganisationType.StateOwnedEnterprise), "Medium", Roles.PatentHolder)]
    [InlineData(nameof(OrganisationType.PrivateEnterprise), "Large", Roles.PatentHolder)]
    [InlineData(nameof(OrganisationType.PrivateEnterprise), "Micro", Roles.SmeUser)]
    [InlineData(nameof(OrganisationType.ServiceAgency), "", Roles.ServiceAgency)]
    [InlineData(nameof(OrganisationType.FinancialInstitution), "", Roles.FinancialInstitution)]
    public async Task GrantsTheRoleThatFollowsFromTheOrganisationType(string type, string size, string expectedRole)
    {
        var ct = TestContext.Current.CancellationToken;
        var applicant = TestApplicant.Create();
        var form = applicant.Form();
        form["Input.OrganisationType"] = type;
        form["Input.Size"] = size;

        await applicant.RegisterAsync(new Browser(app.CreateBrowserClient()), form, ct);

        var user = await app.FindUserAsync(applicant.Email);
        Assert.Equal([expectedRole], await RolesOfAsync(user));
        await using var db = app.CreateDbContext();
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == user.OrganisationId, ct);
        Assert.Equal(Enum.Parse<OrganisationType>(type), organisation.Type);
        // Only enterprises have a size; one given for other types is ignored.
        var expectedSize = Enum.Parse<OrganisationType>(type).RequiresSize() ? Enum.Parse<EnterpriseSize>(size) : (EnterpriseSize?)null;
        Assert.Equal(expectedSize, organisation.Size);
    }

    [Fact]
    public async Task RejectsEmptyFormWithAMessageForEveryRequiredField()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = new Browser(app.CreateBrowserClient());
        var form = TestApplicant.Create().Form();
        foreach (var key in form.Keys.ToList())
        {
            form[key] = "";
        }

        var page = await SubmitRefusedAsync(browser, form, ct);

        Assert.Equal(PortalTexts.Zh("Form_FixErrors"), page.QuerySelector("[data-testid=register-errors]")?.TextContent.Trim());
        AssertFieldMessage(page, "OrganisationName", PortalTexts.ZhFormat("Validation_Required", PortalTexts.Zh("Field_OrganisationName")));
        AssertFieldMessage(page, "CreditCode", PortalTexts.ZhFormat("Validation_Required", PortalTexts.Zh("Field_CreditCode")));
        AssertFieldMessage(page, "OrganisationType", PortalTexts.ZhFormat("Validation_Required", PortalTexts.Zh("Field_OrganisationType")));
        AssertFieldMessage(page, "RegionCode", PortalTexts.ZhFormat("Validation_Required", PortalTexts.Zh("Field_Region")));
        AssertFieldMessage(page, "DisplayName", PortalTexts.ZhFormat("Validation_Required", PortalTexts.Zh("Field_DisplayName")));
        AssertFieldMessage(page, "Phone", PortalTexts.ZhFormat("Validation_Required", PortalTexts.Zh("Field_Phone")));
        AssertFieldMessage(page, "Email", PortalTexts.ZhFormat("Validation_Required", PortalTexts.Zh("Field_Email")));
        AssertFieldMessage(page, "Password", PortalTexts.ZhFormat("Validation_Required", PortalTexts.Zh("Field_Password")));
        AssertFieldMessage(page, "ConfirmPassword", PortalTexts.ZhFormat("Validation_Required", PortalTexts.Zh("Field_ConfirmPassword")));
        // The message is the plain Chinese sentence, e.g. 请填写机构名称。
        Assert.Contains("请填写机构名称。", Browser.ValidationMessages(page));
    }

    [Fact]
    public async Task RejectsOrganisationNameLongerThan100Characters()
    {
        var form = TestApplicant.Create().Form();
        form["Input.OrganisationName"] = new string('测', 101);

        await AssertRefusedAsync(form, "OrganisationName", PortalTexts.ZhFormat("Validation_LengthRange", PortalTexts.Zh("Field_OrganisationName"), 2, 100));
    }

    [Fact]
    public async Task AcceptsOrganisationNameOfExactly100Characters()
    {
        var ct = TestContext.Current.CancellationToken;
        var applicant = TestApplicant.Create();
        var form = applicant.Form();
        var name = (applicant.OrganisationName + new string('测', 100))[..100];
        form["Input.OrganisationName"] = name;

        await applicant.RegisterAsync(new Browser(app.CreateBrowserClient()), form, ct);

        await using var db = app.CreateDbContext();
        var code = CreditCode.Parse(applicant.CreditCode);
        Assert.Equal(name, await db.Organisations.Where(o => o.CreditCode == code).Select(o => o.Name).SingleAsync(ct));
    }

    [Fact]
    public async Task RejectsDisplayNameLongerThan50Characters()
    {
        var form = TestApplicant.Create().Form();
        form["Input.DisplayName"] = new string('张', PortalUser.DisplayNameMaxLength + 1);

        await AssertRefusedAsync(form, "DisplayName", PortalTexts.ZhFormat("Validation_MaxLength", PortalTexts.Zh("Field_DisplayName"), PortalUser.DisplayNameMaxLength));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("测试公司<img src=x onerror=alert(1)>")]
    [InlineData("javascript:alert(1)")]
    public async Task RejectsMarkupInOrganisationName(string name)
    {
        var form = TestApplicant.Create().Form();
        form["Input.OrganisationName"] = name;

        await AssertRefusedAsync(form, "OrganisationName", PortalTexts.ZhFormat("Validation_NoMarkup", PortalTexts.Zh("Field_OrganisationName")));
    }

    [Fact]
    public async Task RejectsMarkupInDisplayName()
    {
        var form = TestApplicant.Create().Form();
        form["Input.DisplayName"] = "<script>alert(1)</script>";

        await AssertRefusedAsync(form, "DisplayName", PortalTexts.ZhFormat("Validation_NoMarkup", PortalTexts.Zh("Field_DisplayName")));
    }

    [Fact]
    public async Task RejectsCreditCodeWithWrongCheckCharacter()
    {
        var form = TestApplicant.Create().Form();
        form["Input.CreditCode"] = WithWrongCheckCharacter(form["Input.CreditCode"]);

        await AssertRefusedAsync(form, "CreditCode", PortalTexts.Zh("CreditCodeError_WrongCheckCharacter"));
    }

    [Theory]
    [InlineData('I')]
    [InlineData('O')]
    [InlineData('Z')]
    [InlineData('S')]
    [InlineData('V')]
    public async Task RejectsCreditCodeWithLetterOutsideTheCharset(char letter)
    {
        var form = TestApplicant.Create().Form();
        var code = form["Input.CreditCode"];
        form["Input.CreditCode"] = code[..10] + letter.ToString() + code[11..];

        await AssertRefusedAsync(form, "CreditCode", PortalTexts.Zh("CreditCodeError_InvalidCharacter"));
    }

    [Theory]
    [InlineData(17)]
    [InlineData(19)]
    public async Task RejectsCreditCodeOfWrongLength(int length)
    {
        var form = TestApplicant.Create().Form();
        var code = form["Input.CreditCode"];
        form["Input.CreditCode"] = length < code.Length ? code[..length] : code + new string('1', length - code.Length);

        await AssertRefusedAsync(form, "CreditCode", PortalTexts.Zh("CreditCodeError_WrongLength"));
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("name@")]
    [InlineData("zhang san@test.example")]
    public async Task RejectsInvalidEmail(string email)
    {
        var form = TestApplicant.Create().Form();
        form["Input.Email"] = email;

        await AssertRefusedAsync(form, "Email", PortalTexts.ZhFormat("Validation_Email", PortalTexts.Zh("Field_Email")));
    }

    [Theory]
    [InlineData("Ab1#", "Password_TooShort")]
    [InlineData("onlylowercase", "Password_TooFewCharacterKinds")]
    [InlineData("lower12345", "Password_TooFewCharacterKinds")]
    public async Task RejectsWeakPassword(string password, string expectedKey)
    {
        var form = TestApplicant.Create().Form();
        form["Input.Password"] = password;
        form["Input.ConfirmPassword"] = password;

        await AssertRefusedAsync(form, "Password", PortalTexts.Zh(expectedKey));
    }

    [Fact]
    public async Task RejectsPasswordConfirmationThatDoesNotMatch()
    {
        var form = TestApplicant.Create().Form();
        form["Input.ConfirmPassword"] = form["Input.Password"] + "x";

        await AssertRefusedAsync(form, "ConfirmPassword", PortalTexts.Zh("Validation_PasswordMismatch"));
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("1381234567")]
    [InlineData("电话13812345678")]
    public async Task RejectsInvalidPhone(string phone)
    {
        var form = TestApplicant.Create().Form();
        form["Input.Phone"] = phone;

        await AssertRefusedAsync(form, "Phone", PortalTexts.Zh("Validation_Phone"));
    }

    [Fact]
    public async Task AcceptsCreditCodeTypedInLowerCaseWithSpacesAndFullWidthDigits()
    {
        var ct = TestContext.Current.CancellationToken;
        var applicant = TestApplicant.Create();
        var form = applicant.Form();
        var code = applicant.CreditCode;
        var fullWidthHead = new string(code[..2].Select(c => (char)(c + 0xFEE0)).ToArray());
        form["Input.CreditCode"] = $"  {fullWidthHead}{code[2..8]} {code[8..].ToLowerInvariant()}-";

        await applicant.RegisterAsync(new Browser(app.CreateBrowserClient()), form, ct);

        await using var db = app.CreateDbContext();
        var stored = await db.Organisations.Where(o => o.Name == applicant.OrganisationName).Select(o => o.CreditCode).SingleAsync(ct);
        Assert.Equal(code, stored.Value);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RejectsCreditCodeThatIsAlreadyRegistered(bool typedInLowerCase)
    {
        var form = TestApplicant.Create().Form();
        // The seeded SME (石家庄, serial 1) holds this code.
        var taken = DemoDataSeeder.DemoCreditCode(OrganisationType.PrivateEnterprise, "130104", 1).Value;
        form["Input.CreditCode"] = typedInLowerCase ? taken.ToLowerInvariant() : taken;

        await AssertRefusedAsync(form, "CreditCode", PortalTexts.Zh("Register_Error_CreditCodeTaken"));
    }

    [Theory]
    [InlineData(Accounts.Sme)]
    [InlineData("SME@Demo.Example")]
    public async Task RejectsEmailThatIsAlreadyRegistered(string email)
    {
        var form = TestApplicant.Create().Form();
        form["Input.Email"] = email;

        await AssertRefusedAsync(form, "Email", PortalTexts.Zh("Register_Error_EmailTaken"));
    }

    [Fact]
    public async Task RejectsGovernmentOrganisationType()
    {
        var form = TestApplicant.Create().Form();
        form["Input.OrganisationType"] = nameof(OrganisationType.Government);
        form["Input.Size"] = "";

        await AssertRefusedAsync(form, "OrganisationType", PortalTexts.Zh("Register_Error_Government"));
    }

    [Fact]
    public async Task RejectsEnterpriseWithoutSize()
    {
        var form = TestApplicant.Create().Form();
        form["Input.Size"] = "";

        await AssertRefusedAsync(form, "Size", PortalTexts.Zh("Rule_Organisation_SizeRequired"));
    }

    [Theory]
    [InlineData("110101")]
    [InlineData("1301")]
    [InlineData("13")]
    public async Task RejectsRegionThatIsNotACountyOfHebei(string regionCode)
    {
        var form = TestApplicant.Create().Form();
        form["Input.RegionCode"] = regionCode;

        await AssertRefusedAsync(form, "RegionCode", PortalTexts.Zh("Register_Error_Region"));
    }

    [Fact]
    public async Task ShowsMessagesInEnglishWhenEnglishIsChosen()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = new Browser(app.CreateBrowserClient());
        var switched = await browser.Client.GetAsync("/culture/set?culture=en&returnUrl=/Account/Register", ct);
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        var form = TestApplicant.Create().Form();
        form["Input.OrganisationName"] = "";
        form["Input.CreditCode"] = WithWrongCheckCharacter(form["Input.CreditCode"]);
        form["Input.DisplayName"] = "<script>alert(1)</script>";
        form["Input.Phone"] = "12345";
        form["Input.Email"] = "not-an-email";
        form["Input.ConfirmPassword"] = form["Input.Password"] + "x";

        var page = await SubmitRefusedAsync(browser, form, ct);

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(PortalTexts.En("Form_FixErrors"), page.QuerySelector("[data-testid=register-errors]")?.TextContent.Trim());
        AssertFieldMessage(page, "OrganisationName", "Organisation name is required.");
        AssertFieldMessage(page, "CreditCode", PortalTexts.En("CreditCodeError_WrongCheckCharacter"));
        AssertFieldMessage(page, "DisplayName", PortalTexts.EnFormat("Validation_NoMarkup", PortalTexts.En("Field_DisplayName")));
        AssertFieldMessage(page, "Phone", PortalTexts.En("Validation_Phone"));
        AssertFieldMessage(page, "Email", PortalTexts.EnFormat("Validation_Email", PortalTexts.En("Field_Email")));
        AssertFieldMessage(page, "ConfirmPassword", PortalTexts.En("Validation_PasswordMismatch"));
        Assert.DoesNotContain(Browser.ValidationMessages(page), message => message.Any(c => c >= '\u4E00' && c <= '\u9FFF'));
    }

    [Fact]
    public async Task ShowsServiceChecksInEnglishWhenEnglishIsChosen()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = new Browser(app.CreateBrowserClient());
        await browser.Client.GetAsync("/culture/set?culture=en&returnUrl=/", ct);
        var form = TestApplicant.Create().Form();
        form["Input.Email"] = Accounts.Sme;
        form["Input.CreditCode"] = DemoDataSeeder.DemoCreditCode(OrganisationType.PrivateEnterprise, "130104", 1).Value;
        form["Input.Password"] = "onlylowercase";
        form["Input.ConfirmPassword"] = "onlylowercase";

        var page = await SubmitRefusedAsync(browser, form, ct);

        AssertFieldMessage(page, "Email", PortalTexts.En("Register_Error_EmailTaken"));
        AssertFieldMessage(page, "CreditCode", PortalTexts.En("Register_Error_CreditCodeTaken"));
        AssertFieldMessage(page, "Password", PortalTexts.En("Password_TooFewCharacterKinds"));
    }

    /// <summary>The messages shown in the field block of input <c>Input.{field}</c>.</summary>
    internal static List<string> FieldMessages(IHtmlDocument page, string field)
    {
        var input = page.QuerySelector($"[name='Input.{field}']") ?? throw new InvalidOperationException($"No field Input.{field} on the page.");
        var block = input.Closest(".pt-field") ?? throw new InvalidOperationException($"Field Input.{field} is not in a .pt-field block.");
        return block.QuerySelectorAll(".validation-message").Select(e => e.TextContent.Trim()).ToList();
    }

    private static void AssertFieldMessage(IHtmlDocument page, string field, string expected) =>
        Assert.Contains(expected, FieldMessages(page, field));

    private static string WithWrongCheckCharacter(string code)
    {
        var wrong = code[^1] == '0' ? '1' : '0';
        return code[..^1] + wrong.ToString();
    }

    private async Task<List<string>> RolesOfAsync(PortalUser user)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return [.. await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().GetRolesAsync(user)];
    }

    private async Task AssertRefusedAsync(Dictionary<string, string> form, string field, string expectedMessage)
    {
        var ct = TestContext.Current.CancellationToken;
        var before = await CountWrittenAsync(form, ct);

        var page = await SubmitRefusedAsync(new Browser(app.CreateBrowserClient()), form, ct);

        Assert.Equal(PortalTexts.Zh("Form_FixErrors"), page.QuerySelector("[data-testid=register-errors]")?.TextContent.Trim());
        AssertFieldMessage(page, field, expectedMessage);
        Assert.Equal(before, await CountWrittenAsync(form, ct));
    }

    /// <summary>Posts the form and checks that the portal answered with the form again instead of going on.</summary>
    private static async Task<IHtmlDocument> SubmitRefusedAsync(Browser browser, Dictionary<string, string> form, CancellationToken ct)
    {
        var response = await browser.SubmitAsync(RegisterUrl, "register", form, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browser.ParseAsync(response, ct);
        Assert.NotNull(page.QuerySelector("input[name='_handler'][value='register']"));
        return page;
    }

    /// <summary>
    /// Rows that a registration with this form would write: organisations with its name or credit code, users with
    /// its address or contact name, audit entries by that contact or naming the organisation, and mail to the address.
    /// Counted for the form's own (fresh) values, because other tests write to the same database at the same time.
    /// </summary>
    private async Task<(int Organisations, int Users, int AuditEntries, int Mails)> CountWrittenAsync(Dictionary<string, string> form, CancellationToken ct)
    {
        var name = Text.NormaliseInput(form["Input.OrganisationName"]);
        var displayName = Text.NormaliseInput(form["Input.DisplayName"]);
        var email = form["Input.Email"].Trim();
        var normalisedEmail = email.ToUpperInvariant();
        await using var db = app.CreateDbContext();

        var organisations = await db.Organisations.CountAsync(o => o.Name == name, ct);
        if (CreditCode.TryParse(form["Input.CreditCode"], out var code, out _))
        {
            organisations += await db.Organisations.CountAsync(o => o.CreditCode == code, ct);
        }

        var users = await db.Users.CountAsync(u => u.NormalizedEmail == normalisedEmail || u.DisplayName == displayName, ct);
        var audit = await db.AuditEntries.CountAsync(a => a.ActorName == displayName, ct);
        foreach (var marker in new[] { name, form["Input.CreditCode"].Trim(), email }.Where(m => m.Length > 0))
        {
            var pattern = "%" + marker + "%";
            audit += await db.AuditEntries.CountAsync(a => a.Summary != null && EF.Functions.Like(a.Summary, pattern), ct);
        }

        var mails = email.Length == 0 ? 0 : app.Mailbox.All().Count(m => m.To.Contains(email, StringComparison.OrdinalIgnoreCase));
        return (organisations, users, audit, mails);
    }
}

/// <summary>
/// A fresh applicant that no other test uses: its own organisation name, credit code, contact, address and password.
/// </summary>
public sealed record TestApplicant(string OrganisationName, string CreditCode, string DisplayName, string Email, string Password, string RegionCode)
{
    public const string Phone = "13812345678";

    /// <summary>An applicant in <paramref name="regionCode"/> (default 130104, a county of 石家庄, city 1301).</summary>
    public static TestApplicant Create(string regionCode = "130104")
    {
        var tag = Guid.NewGuid().ToString("N");
        return new TestApplicant(
            $"河北测试科技有限公司{tag[..10]}",
            TestCreditCodes.Next(regionCode),
            $"测试联系人{tag[..8]}",
            $"{tag}@test.example",
            $"Pt#{tag[..12]}",
            regionCode);
    }

    /// <summary>The register form filled in for a small private enterprise.</summary>
    public Dictionary<string, string> Form() => new(StringComparer.Ordinal)
    {
        ["Input.OrganisationName"] = OrganisationName,
        ["Input.CreditCode"] = CreditCode,
        ["Input.OrganisationType"] = nameof(OrganisationType.PrivateEnterprise),
        ["Input.Size"] = nameof(EnterpriseSize.Small),
        ["Input.RegionCode"] = RegionCode,
        ["Input.IndustryCode"] = "",
        ["Input.DisplayName"] = DisplayName,
        ["Input.Phone"] = Phone,
        ["Input.Email"] = Email,
        ["Input.Password"] = Password,
        ["Input.ConfirmPassword"] = Password,
    };

    public Task RegisterAsync(Browser browser, CancellationToken cancellationToken) => RegisterAsync(browser, Form(), cancellationToken);

    /// <summary>Submits the register form and checks that the portal accepted it.</summary>
    public async Task RegisterAsync(Browser browser, Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        var response = await browser.SubmitAsync("/Account/Register", "register", form, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var page = await Browser.ParseAsync(response, cancellationToken);
            Assert.Fail($"Registration of {Email} answered {(int)response.StatusCode}: {string.Join(" | ", Browser.ValidationMessages(page))}");
        }

        Assert.Equal("/Account/RegisterConfirmation", new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath);
    }

    /// <summary>The confirmation link of the mail the portal sent to this applicant.</summary>
    public async Task<Uri> ConfirmationLinkAsync(PortalAppFactory app, CancellationToken cancellationToken)
    {
        var mail = await app.Mailbox.WaitForAsync(Email, PortalTexts.Zh("Email_Confirm_Subject"), cancellationToken);
        return new Uri(mail.Links.First(link => link.Contains("/Account/ConfirmEmail?", StringComparison.Ordinal)));
    }

    /// <summary>Opens the link of the confirmation mail and checks that the portal confirmed the address.</summary>
    public async Task ConfirmEmailAsync(PortalAppFactory app, Browser browser, CancellationToken cancellationToken)
    {
        var link = await ConfirmationLinkAsync(app, cancellationToken);
        var page = await browser.GetPageAsync(link.PathAndQuery, cancellationToken);
        Assert.Equal(PortalTexts.Zh("ConfirmEmail_Succeeded"), page.QuerySelector("[data-testid=status-message]")?.TextContent.Trim());
    }

    /// <summary>Registers, confirms the address and logs in: a browser of a user whose organisation awaits review.</summary>
    public async Task<Browser> SignUpAndLogInAsync(PortalAppFactory app, CancellationToken cancellationToken)
    {
        var browser = new Browser(app.CreateBrowserClient());
        await RegisterAsync(browser, cancellationToken);
        await ConfirmEmailAsync(app, browser, cancellationToken);
        await browser.LogInAsync(Email, Password, cancellationToken);
        return browser;
    }
}

/// <summary>The portal's texts in a given language, straight from the .resx files, for expected messages.</summary>
public static class PortalTexts
{
    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static string Zh(string key) => Get(key, Chinese);

    public static string En(string key) => Get(key, English);

    public static string ZhFormat(string key, params object?[] args) => string.Format(CultureInfo.InvariantCulture, Zh(key), args);

    public static string EnFormat(string key, params object?[] args) => string.Format(CultureInfo.InvariantCulture, En(key), args);

    private static string Get(string key, CultureInfo culture) =>
        SharedResource.ResourceManager.GetString(key, culture) ?? throw new InvalidOperationException($"No text {key} for {culture.Name}.");
}
