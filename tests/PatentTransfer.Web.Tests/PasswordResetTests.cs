using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatentTransfer.Domain.Auditing;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Infrastructure.Identity;
using PatentTransfer.Testing;
using PatentTransfer.Web.Features.Registration;

namespace PatentTransfer.Web.Tests;

public class PasswordResetTests(PortalAppFactory app)
{
    private const string OldPassword = "Before#2026a";
    private const string NewPassword = "After#2026b";
    private const string ResetSubject = "设置或重置密码";
    private const string InvalidLink = "重置链接无效或已过期，请重新申请。";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MailedLinkSetsANewPasswordThatLogsIn()
    {
        var user = await TestUsers.RegisterConfirmedSmeAsync(app, OldPassword, "重置测试", Ct);
        var browser = new Browser(app.CreateBrowserClient());

        var forgot = await RequestResetAsync(browser, user.Email!);

        Assert.Equal(HttpStatusCode.Redirect, forgot.StatusCode);
        Assert.Equal("/Account/ForgotPasswordConfirmation", Browser.RedirectPath(forgot));
        var confirmation = await browser.GetPageAsync("/Account/ForgotPasswordConfirmation", Ct);
        Assert.Equal("如果该邮箱已注册，重置密码的链接已发送，请查收邮件。", confirmation.QuerySelector("[data-testid=forgot-confirmation]")?.TextContent.Trim());

        var link = await ResetLinkAsync(user.Email!);
        var reset = await SubmitResetAsync(browser, link, user.Email!, NewPassword, NewPassword);

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal("/Account/ResetPasswordConfirmation", Browser.RedirectPath(reset));
        var done = await browser.GetPageAsync("/Account/ResetPasswordConfirmation", Ct);
        Assert.Equal("密码已设置，请使用新密码登录。", done.QuerySelector("[data-testid=reset-confirmation]")?.TextContent.Trim());

        await new Browser(app.CreateBrowserClient()).LogInAsync(user.Email!, NewPassword, Ct);
        var withOldPassword = await new Browser(app.CreateBrowserClient()).SubmitLogInAsync(user.Email!, OldPassword, Ct);
        Assert.Equal(HttpStatusCode.OK, withOldPassword.StatusCode);
        Assert.Equal("邮箱或密码不正确。连续输错 5 次，账号将被锁定 15 分钟。", await Browser.StatusMessageAsync(withOldPassword, Ct));

        await using var db = app.CreateDbContext();
        var id = user.Id.ToString();
        var actions = await db.AuditEntries.Where(a => a.RecordId == id).Select(a => new { a.Action, a.ActorUserId }).ToListAsync(Ct);
        Assert.Contains(actions, a => a.Action == AuditActions.PasswordResetRequested);
        Assert.Contains(actions, a => a.Action == AuditActions.PasswordReset && a.ActorUserId == user.Id);
    }

    [Fact]
    public async Task UnknownAddressGetsTheSameAnswerAndNoMail()
    {
        var email = $"{Guid.NewGuid():N}@unknown.example";

        var forgot = await RequestResetAsync(new Browser(app.CreateBrowserClient()), email);

        Assert.Equal(HttpStatusCode.Redirect, forgot.StatusCode);
        Assert.Equal("/Account/ForgotPasswordConfirmation", Browser.RedirectPath(forgot));

        // The mail of a known address is written before the redirect, so by now any mail would be there.
        Assert.DoesNotContain(app.Mailbox.All(), m => m.To.Contains(email, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task TamperedCodeIsRefusedAndThePasswordStays()
    {
        var user = await TestUsers.RegisterConfirmedSmeAsync(app, OldPassword, "重置测试", Ct);
        var browser = new Browser(app.CreateBrowserClient());
        await RequestResetAsync(browser, user.Email!);
        var link = await ResetLinkAsync(user.Email!);
        var code = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query)["code"].ToString();
        var tampered = code.ToCharArray();
        var middle = tampered.Length / 2;
        tampered[middle] = tampered[middle] == 'A' ? 'B' : 'A';

        var response = await SubmitResetAsync(browser, new Uri(link, "/Account/ResetPassword?code=" + new string(tampered)), user.Email!, NewPassword, NewPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(InvalidLink, await Browser.StatusMessageAsync(response, Ct));
        Assert.True(await PasswordWorksAsync(user.Email!, OldPassword));
        Assert.False(await PasswordWorksAsync(user.Email!, NewPassword));
    }

    [Theory]
    [InlineData("/Account/ResetPassword")]
    [InlineData("/Account/ResetPassword?code=a")]
    [InlineData("/Account/ResetPassword?code=%21%21%21%21")]
    public async Task LinkWithoutAReadableCodeShowsInvalidLinkAndNoForm(string url)
    {
        var page = await new Browser(app.CreateBrowserClient()).GetPageAsync(url, Ct);

        Assert.Equal(InvalidLink, page.QuerySelector("[data-testid=reset-invalid]")?.TextContent.Trim());
        Assert.Null(page.QuerySelector("input[name='_handler'][value='reset-password']"));
    }

    [Theory]
    [InlineData("abcdefgh", "密码需包含大写字母、小写字母、数字、符号中的至少三类。")]
    [InlineData("12345678", "密码需包含大写字母、小写字母、数字、符号中的至少三类。")]
    [InlineData("Ab1#", "密码至少需要 8 个字符。")]
    public async Task WeakNewPasswordIsRefusedAndThePasswordStays(string weak, string message)
    {
        var user = await TestUsers.RegisterConfirmedSmeAsync(app, OldPassword, "重置测试", Ct);
        var browser = new Browser(app.CreateBrowserClient());
        await RequestResetAsync(browser, user.Email!);
        var link = await ResetLinkAsync(user.Email!);

        var response = await SubmitResetAsync(browser, link, user.Email!, weak, weak);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, Browser.ValidationMessages(await Browser.ParseAsync(response, Ct)));
        Assert.True(await PasswordWorksAsync(user.Email!, OldPassword));
        Assert.False(await PasswordWorksAsync(user.Email!, weak));
    }

    [Fact]
    public async Task LinkWorksOnlyOnce()
    {
        var user = await TestUsers.RegisterConfirmedSmeAsync(app, OldPassword, "重置测试", Ct);
        var browser = new Browser(app.CreateBrowserClient());
        await RequestResetAsync(browser, user.Email!);
        var link = await ResetLinkAsync(user.Email!);
        Assert.Equal("/Account/ResetPasswordConfirmation", Browser.RedirectPath(await SubmitResetAsync(browser, link, user.Email!, NewPassword, NewPassword)));

        var again = await SubmitResetAsync(browser, link, user.Email!, "Third#2026c", "Third#2026c");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(InvalidLink, await Browser.StatusMessageAsync(again, Ct));
        Assert.True(await PasswordWorksAsync(user.Email!, NewPassword));
    }

    private static Task<HttpResponseMessage> RequestResetAsync(Browser browser, string email) =>
        browser.SubmitAsync("/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = email }, Ct);

    private async Task<Uri> ResetLinkAsync(string email)
    {
        var mail = await app.Mailbox.WaitForAsync(email, ResetSubject, Ct);
        return new Uri(Assert.Single(mail.Links, l => l.Contains("/Account/ResetPassword?", StringComparison.Ordinal)));
    }

    private static Task<HttpResponseMessage> SubmitResetAsync(Browser browser, Uri link, string email, string password, string confirmPassword) =>
        browser.SubmitAsync(link.PathAndQuery, "reset-password", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = confirmPassword,
        }, Ct);

    private async Task<bool> PasswordWorksAsync(string email, string password)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email);
        return user is not null && await users.CheckPasswordAsync(user, password);
    }

}
