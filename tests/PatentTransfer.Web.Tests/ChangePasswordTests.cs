using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatentTransfer.Domain.Auditing;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Infrastructure.Identity;
using PatentTransfer.Testing;
using PatentTransfer.Web.Features.Registration;

namespace PatentTransfer.Web.Tests;

public class ChangePasswordTests(PortalAppFactory app)
{
    private const string Url = "/Account/Manage/ChangePassword";
    private const string OldPassword = "Current#2026a";
    private const string NewPassword = "Changed#2026b";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WrongCurrentPasswordIsRefusedAndNothingChanges()
    {
        var (user, browser) = await LoggedInAsync();

        var response = await ChangeAsync(browser, "NotIt#2026x", NewPassword, NewPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("当前密码不正确。", Browser.ValidationMessages(await Browser.ParseAsync(response, Ct)));
        Assert.True(await PasswordWorksAsync(user.Email!, OldPassword));
        Assert.False(await PasswordWorksAsync(user.Email!, NewPassword));
        Assert.DoesNotContain(AuditActions.PasswordChanged, await ActionsOfAsync(user.Id));
    }

    [Theory]
    [InlineData(NewPassword, "Changed#2026c", "两次输入的密码不一致。")]
    [InlineData("abcdefghij", "abcdefghij", "密码需包含大写字母、小写字母、数字、符号中的至少三类。")]
    [InlineData("Ab1#xy", "Ab1#xy", "密码至少需要 8 个字符。")]
    public async Task MismatchedOrWeakNewPasswordIsRefusedAndNothingChanges(string newPassword, string confirmation, string message)
    {
        var (user, browser) = await LoggedInAsync();

        var response = await ChangeAsync(browser, OldPassword, newPassword, confirmation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, Browser.ValidationMessages(await Browser.ParseAsync(response, Ct)));
        Assert.True(await PasswordWorksAsync(user.Email!, OldPassword));
        Assert.False(await PasswordWorksAsync(user.Email!, newPassword));
    }

    [Fact]
    public async Task NewPasswordIsConfirmedAuditedAndUsedAtTheNextLogIn()
    {
        var (user, browser) = await LoggedInAsync();

        var response = await ChangeAsync(browser, OldPassword, NewPassword, NewPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Url, new Uri(new Uri("http://localhost/"), response.Headers.Location!).AbsolutePath);
        var page = await browser.GetPageAsync(Url, Ct);
        Assert.Equal("密码已修改。", page.QuerySelector("[data-testid=status-message]")?.TextContent.Trim());

        // Shown once: the next visit has no status message.
        Assert.Null((await browser.GetPageAsync(Url, Ct)).QuerySelector("[data-testid=status-message]"));

        await using (var db = app.CreateDbContext())
        {
            var id = user.Id.ToString();
            var changed = await db.AuditEntries.SingleAsync(a => a.RecordId == id && a.Action == AuditActions.PasswordChanged, Ct);
            Assert.Equal(user.Id, changed.ActorUserId);
            Assert.Equal(AuditCategory.Security, changed.Category);
        }

        await new Browser(app.CreateBrowserClient()).LogInAsync(user.Email!, NewPassword, Ct);
        Assert.False(await PasswordWorksAsync(user.Email!, OldPassword));
    }

    [Fact]
    public async Task AnonymousVisitorIsSentToLogIn()
    {
        var response = await app.CreateBrowserClient().GetAsync(Url, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", new Uri(new Uri("http://localhost/"), response.Headers.Location!).AbsolutePath);
    }

    private async Task<(PortalUser User, Browser Browser)> LoggedInAsync()
    {
        var user = await TestUsers.RegisterConfirmedSmeAsync(app, OldPassword, "改密测试", Ct);
        var browser = new Browser(app.CreateBrowserClient());
        await browser.LogInAsync(user.Email!, OldPassword, Ct);
        return (user, browser);
    }

    private static Task<HttpResponseMessage> ChangeAsync(Browser browser, string oldPassword, string newPassword, string confirmation) =>
        browser.SubmitAsync(Url, "change-password", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = oldPassword,
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = confirmation,
        }, Ct);

    private async Task<bool> PasswordWorksAsync(string email, string password)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email);
        return user is not null && await users.CheckPasswordAsync(user, password);
    }

    private async Task<List<string>> ActionsOfAsync(Guid userId)
    {
        await using var db = app.CreateDbContext();
        var id = userId.ToString();
        return await db.AuditEntries.Where(a => a.RecordId == id).Select(a => a.Action).ToListAsync(Ct);
    }
}
