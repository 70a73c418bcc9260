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

public class LockoutTests(PortalAppFactory app)
{
    private const string Password = "Lock#2026ok";
    private const string WrongPassword = "Wrong#2026no";
    private const string NewPassword = "Again#2026ok";
    private const string LoginInvalid = "邮箱或密码不正确。连续输错 5 次，账号将被锁定 15 分钟。";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FifthWrongPasswordLocksTheAccountAndTheRightPasswordIsThenRefused()
    {
        var user = await TestUsers.RegisterConfirmedSmeAsync(app, Password, "锁定测试", Ct);
        var browser = new Browser(app.CreateBrowserClient());

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var refused = await browser.SubmitLogInAsync(user.Email!, WrongPassword, Ct);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Equal(LoginInvalid, await Browser.StatusMessageAsync(refused, Ct));
        }

        var fifth = await browser.SubmitLogInAsync(user.Email!, WrongPassword, Ct);

        Assert.Equal(HttpStatusCode.Redirect, fifth.StatusCode);
        Assert.Equal("/Account/Lockout", Browser.RedirectPath(fifth));
        var actions = await SecurityActionsOfAsync(user.Id);
        Assert.Equal(4, actions.Count(a => a == AuditActions.LoginFailed));
        Assert.Single(actions, a => a == AuditActions.LockedOut);
        Assert.DoesNotContain(AuditActions.LoginSucceeded, actions);

        var withRightPassword = await browser.SubmitLogInAsync(user.Email!, Password, Ct);

        Assert.Equal(HttpStatusCode.Redirect, withRightPassword.StatusCode);
        Assert.Equal("/Account/Lockout", Browser.RedirectPath(withRightPassword));
        Assert.DoesNotContain(SetCookies(withRightPassword), c => c.StartsWith("pt.auth", StringComparison.Ordinal));
        Assert.DoesNotContain(AuditActions.LoginSucceeded, await SecurityActionsOfAsync(user.Id));
        var stored = await app.FindUserAsync(user.Email!);
        Assert.True(stored.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14), $"LockoutEnd is {stored.LockoutEnd:O}");
        Assert.True(stored.LockoutEnd < DateTimeOffset.UtcNow.AddMinutes(16), $"LockoutEnd is {stored.LockoutEnd:O}");

        var lockoutPage = await browser.GetPageAsync("/Account/Lockout", Ct);
        Assert.Contains("您的账号已被锁定 15 分钟", lockoutPage.QuerySelector("[data-testid=lockout-message]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongPasswordsBelowTheLimitDoNotLock()
    {
        var user = await TestUsers.RegisterConfirmedSmeAsync(app, Password, "锁定测试", Ct);
        var browser = new Browser(app.CreateBrowserClient());
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.SubmitLogInAsync(user.Email!, WrongPassword, Ct)).StatusCode);
        }

        await browser.LogInAsync(user.Email!, Password, Ct);

        Assert.DoesNotContain(AuditActions.LockedOut, await SecurityActionsOfAsync(user.Id));
        Assert.Contains(AuditActions.LoginSucceeded, await SecurityActionsOfAsync(user.Id));
    }

    [Fact]
    public async Task UnknownAddressIsAuditedWithoutUserAndWithoutTheTypedAddress()
    {
        var marker = Guid.NewGuid().ToString("N");
        var email = $"{marker}@unknown.example";
        long before;
        await using (var db = app.CreateDbContext())
        {
            before = await db.AuditEntries.MaxAsync(a => (long?)a.Id, Ct) ?? 0;
        }

        var response = await new Browser(app.CreateBrowserClient()).SubmitLogInAsync(email, WrongPassword + marker, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(LoginInvalid, await Browser.StatusMessageAsync(response, Ct));
        await using (var db = app.CreateDbContext())
        {
            var failures = await db.AuditEntries
                .Where(a => a.Id > before && a.Action == AuditActions.LoginFailed && a.ActorUserId == null)
                .ToListAsync(Ct);
            Assert.NotEmpty(failures);
            Assert.All(failures, failure =>
            {
                Assert.Equal(AuditCategory.Security, failure.Category);
                Assert.Null(failure.RecordId);
                Assert.Equal("anonymous", failure.ActorName);
            });

            // Whole rows as text: neither the address (nor any part of it) nor the typed password is stored anywhere.
            var pattern = "%" + marker + "%";
            var mentions = await db.Database
                .SqlQuery<long>($"SELECT count(*) AS \"Value\" FROM audit_entries a WHERE a::text ILIKE {pattern}")
                .SingleAsync(Ct);
            Assert.Equal(0, mentions);
        }
    }

    [Fact]
    public async Task PasswordResetLiftsTheLockout()
    {
        var user = await TestUsers.RegisterConfirmedSmeAsync(app, Password, "锁定测试", Ct);
        var browser = new Browser(app.CreateBrowserClient());
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await browser.SubmitLogInAsync(user.Email!, WrongPassword, Ct);
        }

        Assert.Equal("/Account/Lockout", Browser.RedirectPath(await browser.SubmitLogInAsync(user.Email!, Password, Ct)));

        var forgot = await browser.SubmitAsync("/Account/ForgotPassword", "forgot-password", new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email!,
        }, Ct);
        Assert.Equal("/Account/ForgotPasswordConfirmation", Browser.RedirectPath(forgot));
        var mail = await app.Mailbox.WaitForAsync(user.Email!, "设置或重置密码", Ct);
        var link = new Uri(Assert.Single(mail.Links, l => l.Contains("/Account/ResetPassword", StringComparison.Ordinal)));
        var reset = await browser.SubmitAsync(link.PathAndQuery, "reset-password", new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email!,
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        }, Ct);
        Assert.Equal("/Account/ResetPasswordConfirmation", Browser.RedirectPath(reset));

        var stored = await app.FindUserAsync(user.Email!);
        Assert.Null(stored.LockoutEnd);
        Assert.Equal(0, stored.AccessFailedCount);
        await new Browser(app.CreateBrowserClient()).LogInAsync(user.Email!, NewPassword, Ct);
        Assert.Contains(AuditActions.PasswordReset, await SecurityActionsOfAsync(user.Id));
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    private async Task<List<string>> SecurityActionsOfAsync(Guid userId)
    {
        await using var db = app.CreateDbContext();
        var id = userId.ToString();
        return await db.AuditEntries
            .Where(a => a.RecordId == id && a.ActorUserId == userId && a.Category == AuditCategory.Security)
            .OrderBy(a => a.Id)
            .Select(a => a.Action)
            .ToListAsync(Ct);
    }
}
