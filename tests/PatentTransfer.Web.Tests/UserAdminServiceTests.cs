using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatentTransfer.Domain.Auditing;
using PatentTransfer.Domain.Identity;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Infrastructure.Identity;
using PatentTransfer.Testing;
using PatentTransfer.Web.Features.Registration;
using PatentTransfer.Web.Features.Users;
using PatentTransfer.Web.Infrastructure;

namespace PatentTransfer.Web.Tests;

public class UserAdminServiceTests(PortalAppFactory app)
{
    private const string Password = "Staff#2026a";
    private const string AdministratorOnly = "只有系统管理员可以授予、撤销或修改系统管理员账号。";
    private const string NotSelf = "不能修改自己的角色或停用自己的账号。";
    private const string CityRequired = "市级工作人员必须指定负责的城市。";
    private const string Forbidden = "您的账号没有访问此页面的权限。";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ProvincialStaffCannotGrantAdministrator()
    {
        var target = await RegisterSmeAsync();
        var provincial = await PrincipalAsync(Accounts.Provincial);
        var stampBefore = (await app.FindUserAsync(target.Email!)).SecurityStamp;

        var result = await SetRolesAsync(provincial, target.Id, [Roles.SmeUser, Roles.Administrator]);

        Assert.Equal(CommandStatus.Forbidden, result.Status);
        Assert.Equal(AdministratorOnly, result.Message);
        Assert.Equal([Roles.SmeUser], await RolesOfAsync(target.Id));
        Assert.Equal(stampBefore, (await app.FindUserAsync(target.Email!)).SecurityStamp);
        Assert.Empty(await RoleChangesByAsync(target.Id, provincial.UserId()!.Value));
    }

    [Fact]
    public async Task ProvincialStaffCannotTouchAnAdministrator()
    {
        var target = await CreateStaffUserAsync(Roles.Administrator);
        var provincial = await PrincipalAsync(Accounts.Provincial);

        var roles = await SetRolesAsync(provincial, target.Id, [Roles.ProvincialStaff]);
        var locked = await SetLockedAsync(provincial, target.Id, true);

        Assert.Equal(CommandStatus.Forbidden, roles.Status);
        Assert.Equal(AdministratorOnly, roles.Message);
        Assert.Equal(CommandStatus.Forbidden, locked.Status);
        Assert.Equal(AdministratorOnly, locked.Message);
        Assert.Equal([Roles.Administrator], await RolesOfAsync(target.Id));
        Assert.Null((await app.FindUserAsync(target.Email!)).LockoutEnd);
    }

    [Fact]
    public async Task ProvincialStaffCannotCreateAnAdministrator()
    {
        var organisation = await CreateGovernmentOrganisationAsync();
        var email = NewEmail();

        var result = await CreateStaffAsync(await PrincipalAsync(Accounts.Provincial),
            new StaffAccountRequest(email, "越权测试", Roles.Administrator, null, organisation.Id));

        Assert.Equal(CommandStatus.Forbidden, result.Status);
        Assert.Equal(AdministratorOnly, result.Message);
        Assert.Null(await FindAsync(email));
    }

    [Fact]
    public async Task AdministratorGrantsRevokesAndLocksAdministrators()
    {
        var target = await RegisterSmeAsync();
        var administrator = await PrincipalAsync(Accounts.Administrator);

        var granted = await SetRolesAsync(administrator, target.Id, [Roles.SmeUser, Roles.Administrator]);

        Assert.Equal(CommandStatus.Succeeded, granted.Status);
        Assert.Equal([Roles.Administrator, Roles.SmeUser], await RolesOfAsync(target.Id));

        var locked = await SetLockedAsync(administrator, target.Id, true);
        var unlocked = await SetLockedAsync(administrator, target.Id, false);
        var revoked = await SetRolesAsync(administrator, target.Id, [Roles.SmeUser]);

        Assert.Equal(CommandStatus.Succeeded, locked.Status);
        Assert.Equal(CommandStatus.Succeeded, unlocked.Status);
        Assert.Equal(CommandStatus.Succeeded, revoked.Status);
        Assert.Equal([Roles.SmeUser], await RolesOfAsync(target.Id));
    }

    [Theory]
    [InlineData(Roles.ProvincialStaff)]
    [InlineData(Roles.Administrator)]
    public async Task NobodyChangesTheirOwnRolesOrLocksThemselves(string role)
    {
        var manager = await CreateStaffUserAsync(role);
        var principal = await PrincipalAsync(manager.Email!);
        var stampBefore = manager.SecurityStamp;

        var roles = await SetRolesAsync(principal, manager.Id, [Roles.SmeUser]);
        var locked = await SetLockedAsync(principal, manager.Id, true);

        Assert.Equal(CommandStatus.Invalid, roles.Status);
        Assert.Equal(NotSelf, roles.Message);
        Assert.Equal(CommandStatus.Invalid, locked.Status);
        Assert.Equal(NotSelf, locked.Message);
        Assert.Equal([role], await RolesOfAsync(manager.Id));
        var stored = await app.FindUserAsync(manager.Email!);
        Assert.Null(stored.LockoutEnd);
        Assert.Equal(stampBefore, stored.SecurityStamp);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("13")]
    [InlineData("130104")]
    [InlineData("9999")]
    public async Task CityStaffNeedACityLevelRegion(string? cityCode)
    {
        var target = await CreateStaffUserAsync(Roles.ProvincialStaff);

        var result = await SetRolesAsync(await PrincipalAsync(Accounts.Provincial), target.Id, [Roles.CityStaff], cityCode);

        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Equal(CityRequired, result.Message);
        Assert.Equal([Roles.ProvincialStaff], await RolesOfAsync(target.Id));
        Assert.Null((await app.FindUserAsync(target.Email!)).CityCode);
    }

    [Theory]
    [InlineData("1301")]
    [InlineData("130682")]
    [InlineData("1331")]
    public async Task CityStaffGetTheirCityAndLoseItWithTheRole(string cityCode)
    {
        var target = await CreateStaffUserAsync(Roles.ProvincialStaff);
        var provincial = await PrincipalAsync(Accounts.Provincial);

        var result = await SetRolesAsync(provincial, target.Id, [Roles.CityStaff], cityCode);

        Assert.Equal(CommandStatus.Succeeded, result.Status);
        Assert.Equal([Roles.CityStaff], await RolesOfAsync(target.Id));
        Assert.Equal(cityCode, (await app.FindUserAsync(target.Email!)).CityCode);
        var scope = StaffScope.From(await PrincipalAsync(target.Email!));
        Assert.False(scope.AllCities);
        Assert.Equal(cityCode, scope.CityCode);

        Assert.True((await SetRolesAsync(provincial, target.Id, [Roles.ProvincialStaff], cityCode)).Succeeded);
        Assert.Null((await app.FindUserAsync(target.Email!)).CityCode);
    }

    [Fact]
    public async Task RoleChangeIsAuditedWithTheActorAndRenewsTheSecurityStamp()
    {
        var target = await RegisterSmeAsync();
        var provincialUser = await app.FindUserAsync(Accounts.Provincial);
        var provincial = await PrincipalAsync(Accounts.Provincial);
        var stampBefore = (await app.FindUserAsync(target.Email!)).SecurityStamp;

        var result = await SetRolesAsync(provincial, target.Id, [Roles.PatentHolder]);

        Assert.Equal(CommandStatus.Succeeded, result.Status);
        Assert.Equal([Roles.PatentHolder], await RolesOfAsync(target.Id));
        var changes = await RoleChangesByAsync(target.Id, provincialUser.Id);
        Assert.Equal(["+PatentHolder", "-SmeUser"], changes.Select(c => c.Summary).Order(StringComparer.Ordinal));
        Assert.All(changes, c =>
        {
            Assert.Equal(provincialUser.DisplayName, c.ActorName);
            Assert.Equal(AuditCategory.Security, c.Category);
            Assert.Equal("User", c.RecordType);
        });
        Assert.NotEqual(stampBefore, (await app.FindUserAsync(target.Email!)).SecurityStamp);
    }

    [Fact]
    public async Task LockedUserCannotLogInUntilUnlocked()
    {
        var target = await RegisterSmeAsync();
        var provincialUser = await app.FindUserAsync(Accounts.Provincial);
        var provincial = await PrincipalAsync(Accounts.Provincial);

        var locked = await SetLockedAsync(provincial, target.Id, true);

        Assert.Equal(CommandStatus.Succeeded, locked.Status);
        Assert.True((await app.FindUserAsync(target.Email!)).LockoutEnd > DateTimeOffset.UtcNow.AddYears(1));
        var refused = await LogInAsync(target.Email!, Password);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/Account/Lockout", new Uri(new Uri("http://localhost/"), refused.Headers.Location!).AbsolutePath);
        Assert.True(Assert.Single((await ListAsync(provincial, new UserQuery(target.Email))).Items).LockedOut);

        var unlocked = await SetLockedAsync(provincial, target.Id, false);

        Assert.Equal(CommandStatus.Succeeded, unlocked.Status);
        Assert.Null((await app.FindUserAsync(target.Email!)).LockoutEnd);
        await new Browser(app.CreateBrowserClient()).LogInAsync(target.Email!, Password, Ct);
        Assert.False(Assert.Single((await ListAsync(provincial, new UserQuery(target.Email))).Items).LockedOut);

        await using var db = app.CreateDbContext();
        var id = target.Id.ToString();
        var trail = await db.AuditEntries.Where(a => a.RecordId == id && (a.Action == AuditActions.UserLocked || a.Action == AuditActions.UserUnlocked))
            .OrderBy(a => a.Id).ToListAsync(Ct);
        Assert.Equal([AuditActions.UserLocked, AuditActions.UserUnlocked], trail.Select(a => a.Action));
        Assert.All(trail, a => Assert.Equal(provincialUser.Id, a.ActorUserId));
    }

    [Theory]
    [InlineData(Accounts.Sme)]
    [InlineData(Accounts.ShijiazhuangStaff)]
    [InlineData(Accounts.Bank)]
    public async Task NonManagersAreForbiddenAndSeeNoUsers(string email)
    {
        var target = await RegisterSmeAsync();
        var organisation = await CreateGovernmentOrganisationAsync();
        var principal = await PrincipalAsync(email);
        var newEmail = NewEmail();

        var list = await ListAsync(principal, new UserQuery(target.Email));
        var roles = await SetRolesAsync(principal, target.Id, [Roles.PatentHolder]);
        var locked = await SetLockedAsync(principal, target.Id, true);
        var created = await CreateStaffAsync(principal, new StaffAccountRequest(newEmail, "越权测试", Roles.CityStaff, "1301", organisation.Id));

        Assert.Empty(list.Items);
        Assert.Equal(0, list.TotalCount);
        Assert.All([roles, locked, created], r =>
        {
            Assert.Equal(CommandStatus.Forbidden, r.Status);
            Assert.Equal(Forbidden, r.Message);
        });
        Assert.Equal([Roles.SmeUser], await RolesOfAsync(target.Id));
        Assert.Null((await app.FindUserAsync(target.Email!)).LockoutEnd);
        Assert.Null(await FindAsync(newEmail));
    }

    [Fact]
    public async Task ManagersListUsersWithTheirRolesAndFilters()
    {
        var target = await RegisterSmeAsync();
        var provincial = await PrincipalAsync(Accounts.Provincial);

        var byEmail = Assert.Single((await ListAsync(provincial, new UserQuery(target.Email))).Items);
        Assert.Equal(target.Id, byEmail.Id);
        Assert.Equal([Roles.SmeUser], byEmail.Roles);
        Assert.True(byEmail.EmailConfirmed);
        Assert.Empty((await ListAsync(provincial, new UserQuery(target.Email, Roles.PatentHolder))).Items);
        Assert.Single((await ListAsync(provincial, new UserQuery(target.Email, Roles.SmeUser))).Items);
    }

    [Fact]
    public async Task NameSearchTakesLikeWildcardsLiterally()
    {
        var token = Guid.NewGuid().ToString("N")[..10];
        var withUnderscore = await RegisterSmeAsync($"测试{token}_甲");
        var plain = await RegisterSmeAsync($"测试{token}X甲");
        var provincial = await PrincipalAsync(Accounts.Provincial);

        Assert.Equal([withUnderscore.Id], (await ListAsync(provincial, new UserQuery(token + "_甲"))).Items.Select(u => u.Id));
        Assert.Equal([plain.Id], (await ListAsync(provincial, new UserQuery(token + "X"))).Items.Select(u => u.Id));
        Assert.Empty((await ListAsync(provincial, new UserQuery(token + "%甲"))).Items);
        Assert.Equal(2, (await ListAsync(provincial, new UserQuery("测试" + token))).TotalCount);
    }

    [Fact]
    public async Task CreatedStaffMemberSetsAPasswordThroughTheMailedLinkAndLogsIn()
    {
        var organisation = await CreateGovernmentOrganisationAsync();
        var provincialUser = await app.FindUserAsync(Accounts.Provincial);
        var email = NewEmail();

        var result = await CreateStaffAsync(await PrincipalAsync(Accounts.Provincial),
            new StaffAccountRequest(email, " 定州审核员 ", Roles.CityStaff, "130682", organisation.Id));

        Assert.Equal(CommandStatus.Succeeded, result.Status);
        var created = await FindAsync(email);
        Assert.NotNull(created);
        Assert.True(created.EmailConfirmed);
        Assert.Equal("定州审核员", created.DisplayName);
        Assert.Equal(organisation.Id, created.OrganisationId);
        Assert.Equal("130682", created.CityCode);
        Assert.Equal([Roles.CityStaff], await RolesOfAsync(created.Id));
        await using (var db = app.CreateDbContext())
        {
            var id = created.Id.ToString();
            var entry = await db.AuditEntries.SingleAsync(a => a.RecordId == id && a.Action == AuditActions.UserCreated, Ct);
            Assert.Equal(provincialUser.Id, entry.ActorUserId);
        }

        var mail = await app.Mailbox.WaitForAsync(email, "设置或重置密码", Ct);
        var link = new Uri(Assert.Single(mail.Links, l => l.Contains("/Account/ResetPassword?", StringComparison.Ordinal)));
        var browser = new Browser(app.CreateBrowserClient());
        var reset = await browser.SubmitAsync(link.PathAndQuery, "reset-password", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        }, Ct);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal("/Account/ResetPasswordConfirmation", new Uri(new Uri("http://localhost/"), reset.Headers.Location!).AbsolutePath);

        await browser.LogInAsync(email, Password, Ct);
    }

    [Fact]
    public async Task StaffAccountNeedsAStaffRoleACityAVerifiedGovernmentBodyAndAFreeAddress()
    {
        var government = await CreateGovernmentOrganisationAsync();
        var sme = await RegisterSmeAsync();
        var provincial = await PrincipalAsync(Accounts.Provincial);
        var email = NewEmail();

        var notStaff = await CreateStaffAsync(provincial, new StaffAccountRequest(email, "测试", Roles.SmeUser, null, government.Id));
        var noCity = await CreateStaffAsync(provincial, new StaffAccountRequest(email, "测试", Roles.CityStaff, null, government.Id));
        var notGovernment = await CreateStaffAsync(provincial, new StaffAccountRequest(email, "测试", Roles.ProvincialStaff, null, sme.OrganisationId!.Value));
        var taken = await CreateStaffAsync(provincial, new StaffAccountRequest(sme.Email!, "测试", Roles.ProvincialStaff, null, government.Id));

        Assert.Equal((CommandStatus.Invalid, "请至少选择一个有效角色。"), (notStaff.Status, notStaff.Message));
        Assert.Equal((CommandStatus.Invalid, CityRequired), (noCity.Status, noCity.Message));
        Assert.Equal((CommandStatus.Invalid, "请选择已认证的政府部门。"), (notGovernment.Status, notGovernment.Message));
        Assert.Equal((CommandStatus.Invalid, "该邮箱已注册。如忘记密码，请使用“忘记密码”找回。"), (taken.Status, taken.Message));
        Assert.Null(await FindAsync(email));
        Assert.Equal([Roles.SmeUser], await RolesOfAsync(sme.Id));
        Assert.DoesNotContain(app.Mailbox.All(), m => m.To.Contains(email, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task MalformedAddressIsRefusedInTheUsersLanguage()
    {
        var government = await CreateGovernmentOrganisationAsync();
        var address = "not-an-address-" + Guid.NewGuid().ToString("N");

        var result = await CreateStaffAsync(await PrincipalAsync(Accounts.Provincial),
            new StaffAccountRequest(address, "测试", Roles.ProvincialStaff, null, government.Id));

        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Equal("邮箱格式不正确。", result.Message);
        Assert.Null(await FindAsync(address));
    }

    private static string NewEmail() => $"{Guid.NewGuid():N}@test.example";

    private async Task<CommandResult> SetRolesAsync(ClaimsPrincipal actor, Guid userId, string[] roles, string? cityCode = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserAdminService>().SetRolesAsync(actor, userId, roles, cityCode, Ct);
    }

    private async Task<CommandResult> SetLockedAsync(ClaimsPrincipal actor, Guid userId, bool locked)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserAdminService>().SetLockedAsync(actor, userId, locked, Ct);
    }

    private async Task<CommandResult> CreateStaffAsync(ClaimsPrincipal actor, StaffAccountRequest request)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserAdminService>().CreateStaffAsync(actor, request,
            token => QueryHelpers.AddQueryString("http://localhost/Account/ResetPassword", "code", token), Ct);
    }

    private async Task<Page<UserRow>> ListAsync(ClaimsPrincipal actor, UserQuery query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserAdminService>().ListAsync(actor, query, Ct);
    }

    private async Task<ClaimsPrincipal> PrincipalAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"No user {email}");
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user);
    }

    private async Task<PortalUser?> FindAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email);
    }

    private async Task<List<string>> RolesOfAsync(Guid userId)
    {
        await using var db = app.CreateDbContext();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ur.UserId == userId
                           select r.Name!).ToListAsync(Ct);
        return roles.Order(StringComparer.Ordinal).ToList();
    }

    private async Task<List<AuditEntry>> RoleChangesByAsync(Guid userId, Guid actorId)
    {
        await using var db = app.CreateDbContext();
        var id = userId.ToString();
        return await db.AuditEntries.Where(a => a.RecordId == id && a.Action == AuditActions.RoleChanged && a.ActorUserId == actorId).ToListAsync(Ct);
    }

    private async Task<HttpResponseMessage> LogInAsync(string email, string password) =>
        await new Browser(app.CreateBrowserClient()).SubmitLogInAsync(email, password, Ct);

    private Task<PortalUser> RegisterSmeAsync(string? displayName = null) =>
        TestUsers.RegisterConfirmedSmeAsync(app, Password, "账号管理测试", Ct, NewEmail(), displayName);

    /// <summary>A fresh, verified government body of this test's own (staff accounts are opened only in one).</summary>
    private async Task<Organisation> CreateGovernmentOrganisationAsync()
    {
        var reviewer = await app.FindUserAsync(Accounts.Administrator);
        var organisation = new Organisation("测试市知识产权局" + Guid.NewGuid().ToString("N")[..8], OrganisationType.Government, null,
            CreditCode.Parse(TestCreditCodes.Next("130682")), "130682", null, DateTimeOffset.UtcNow);
        organisation.Verify(reviewer.Id, DateTimeOffset.UtcNow);
        await using var db = app.CreateDbContext();
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(Ct);
        return organisation;
    }

    /// <summary>A fresh staff account in a government body of its own, with a password, e-mail confirmed.</summary>
    private async Task<PortalUser> CreateStaffUserAsync(string role)
    {
        var organisation = await CreateGovernmentOrganisationAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var email = NewEmail();
        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = "工作人员测试" + Guid.NewGuid().ToString("N")[..6],
            OrganisationId = organisation.Id,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Code)));
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return (await users.FindByIdAsync(user.Id.ToString()))!;
    }
}
