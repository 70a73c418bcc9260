using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PatentTransfer.Testing;
using static Microsoft.Playwright.Assertions;

namespace PatentTransfer.EndToEnd.Tests;

/// <summary>
/// An SME registers, confirms its e-mail from the mailbox, waits for city staff of 石家庄 to verify it, logs in,
/// sees that it may now publish, and switches the portal to English. Screenshots are kept as artifacts.
/// </summary>
public sealed partial class SmeOnboardingJourneyTests(PortalServer portal) : IAsyncDisposable
{
    private const string Password = "Sme#2026pass";

    public ValueTask DisposeAsync() => portal.KeepPagesOfFailedTestAsync();

    [Fact]
    public async Task SmeRegistersGetsVerifiedByCityStaffAndSwitchesLanguage()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var email = $"sme-{Guid.NewGuid():N}@test.example";
        var organisationName = "石家庄精密传动测试有限公司" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

        // An anonymous visitor finds the Chinese home page and registers the company.
        var sme = await portal.NewPageAsync();
        await sme.GotoAsync("/");
        await Expect(sme.Locator("h1")).ToContainTextAsync("唤醒沉睡专利");
        await sme.GetByTestId("hero-register").ClickAsync();
        await Expect(sme).ToHaveURLAsync(RegisterUrl());
        await sme.GetByLabel("机构名称").FillAsync(organisationName);
        await sme.GetByLabel("统一社会信用代码").FillAsync(TestCreditCodes.Next("130104"));
        await sme.GetByLabel("机构类型").SelectOptionAsync("PrivateEnterprise");
        await sme.GetByLabel("企业规模").SelectOptionAsync("Small");
        await sme.GetByLabel("所在区县").SelectOptionAsync("130104");
        await sme.GetByLabel("所属产业").SelectOptionAsync("equipment");
        await sme.GetByLabel("联系人姓名").FillAsync("王测试");
        await sme.GetByLabel("联系电话").FillAsync("13812345678");
        await sme.GetByLabel("邮箱").FillAsync(email);
        await sme.GetByLabel("密码", new() { Exact = true }).FillAsync(Password);
        await sme.GetByLabel("确认密码").FillAsync(Password);
        await sme.GetByTestId("register-submit").ClickAsync();
        await Expect(sme.GetByTestId("register-confirmation")).ToBeVisibleAsync();

        // The confirmation link arrives by mail.
        var mail = await portal.Mailbox.WaitForAsync(email, "确认", cancellationToken);
        await sme.GotoAsync(mail.Links[0]);
        await Expect(sme.GetByTestId("status-message")).ToContainTextAsync("邮箱已确认");

        // Before verification the SME may browse but not publish.
        await sme.LogInAsync(email, Password);
        await Expect(sme.GetByTestId("cannot-publish")).ToBeVisibleAsync();

        // City staff of 石家庄 find the application in their queue and verify it.
        var staff = await portal.NewPageAsync();
        await staff.LogInAsync("city.sjz@demo.example", "Demo#2026");
        await staff.GotoAsync("/review/organisations");
        await staff.WaitForInteractiveAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = organisationName }).ClickAsync();
        await Expect(staff.GetByTestId("review-organisation-name")).ToHaveTextAsync(organisationName);
        await staff.WaitForInteractiveAsync();
        await staff.GetByTestId("verify").ClickAsync();
        await Expect(staff.GetByTestId("organisation-status")).ToContainTextAsync("已认证");
        await staff.SaveScreenshotAsync("city-staff-verified");

        // The SME now may publish; its home is kept in Chinese and, after switching, in English.
        await sme.GotoAsync("/");
        await Expect(sme.GetByTestId("can-publish")).ToBeVisibleAsync();
        await sme.SaveScreenshotAsync("sme-home-zh");
        await sme.WaitForInteractiveAsync();
        await sme.GetByTestId("lang-en").ClickAsync();
        await Expect(sme.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(sme.GetByTestId("can-publish")).ToContainTextAsync("verified");
        await Expect(sme.GetByTestId("workspace")).ToContainTextAsync("Welcome");
        await sme.SaveScreenshotAsync("sme-home-en");

        // The same home at a phone's width.
        var phone = await sme.Context.NewPageAsync();
        await phone.SetViewportSizeAsync(390, 844);
        await phone.GotoAsync("/");
        await Expect(phone.GetByTestId("can-publish")).ToBeVisibleAsync();
        await phone.SaveScreenshotAsync("sme-home-en-phone");
    }

    [GeneratedRegex("/Account/Register")]
    private static partial Regex RegisterUrl();
}
