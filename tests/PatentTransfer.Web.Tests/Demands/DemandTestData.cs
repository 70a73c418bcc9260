using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatentTransfer.Domain.Auditing;
using PatentTransfer.Domain.Demands;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Infrastructure.Identity;
using PatentTransfer.Testing;
using PatentTransfer.Web.Features.Demands;
using PatentTransfer.Web.Features.Registration;
using PatentTransfer.Web.Localization;

namespace PatentTransfer.Web.Tests.Demands;

/// <summary>
/// Demands for service and page tests. Each test registers SMEs of its own (a fresh organisation per test keeps
/// counts and lists its own) and writes demands through the services, as an SME would.
/// </summary>
internal static class DemandTestData
{
    /// <summary>石家庄 桥西区 (city 1301), where the demo staff member city.sjz@demo.example reviews.</summary>
    public const string Shijiazhuang = "130104";

    /// <summary>保定 竞秀区 (city 1306), where city.bd@demo.example reviews.</summary>
    public const string Baoding = "130602";

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public const string AnonymousVisitor = "anonymous";

    /// <summary>A signed-in visitor, or nobody for <see cref="AnonymousVisitor"/>.</summary>
    public static async Task<ActingUser> VisitAsync(PortalAppFactory app, string email) =>
        email == AnonymousVisitor ? ActingUser.Anonymous(app) : await ActingUser.SignInAsync(app, email);

    public static string NewToken() => Guid.NewGuid().ToString("N")[..10];

    /// <summary>
    /// A fresh small private enterprise in <paramref name="regionCode"/> with one SME user (e-mail confirmed), registered
    /// through the portal and, unless <paramref name="verified"/> is false, verified by provincial staff.
    /// </summary>
    public static Task<PortalUser> RegisterSmeAsync(PortalAppFactory app, string regionCode = Shijiazhuang, bool verified = true) =>
        RegisterAsync(app, OrganisationType.PrivateEnterprise, EnterpriseSize.Small, regionCode, verified);

    /// <summary>
    /// A fresh organisation of <paramref name="type"/> in <paramref name="regionCode"/> with its first user (e-mail confirmed,
    /// role as registration gives it), verified by provincial staff unless <paramref name="verified"/> is false.
    /// </summary>
    public static async Task<PortalUser> RegisterAsync(
        PortalAppFactory app, OrganisationType type, EnterpriseSize? size, string regionCode = Shijiazhuang, bool verified = true)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var suffix = NewToken()[..8];
        var result = await services.GetRequiredService<RegistrationService>().RegisterAsync(new RegistrationRequest(
            $"{Guid.NewGuid():N}@test.example", Accounts.Password, "需求测试联系人" + suffix[..4], "13812345678", "需求测试科技有限公司" + suffix,
            type, size, TestCreditCodes.Next(regionCode), regionCode, "new-materials"), Ct);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        Assert.True((await users.ConfirmEmailAsync(result.User!, await users.GenerateEmailConfirmationTokenAsync(result.User!))).Succeeded);
        if (verified)
        {
            var reviewer = await app.FindUserAsync(Accounts.Provincial);
            await using var db = app.CreateDbContext();
            var organisation = await db.Organisations.SingleAsync(o => o.Id == result.User!.OrganisationId, Ct);
            organisation.Verify(reviewer.Id, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync(Ct);
        }

        return result.User!;
    }

    /// <summary>A complete, valid form relative to <paramref name="today"/>; tests change one thing at a time.</summary>
    public static DemandInput Input(DateOnly today, string title = "高韧性耐磨衬板材料") => new()
    {
        Title = title,
        Type = DemandType.TechnicalProblem,
        IndustryCode = "new-materials",
        IpcHint = "C22C",
        Keywords = "耐磨；衬板",
        Description = "我公司生产球磨机衬板，现用高锰钢衬板在中低冲击工况下加工硬化不足，寿命只有 4 个月，希望找到韧性和耐磨性兼顾的材料。",
        Targets = [new DemandTargetInput { Indicator = "冲击韧性", Comparator = TargetComparator.AtLeast, Value = 67m, Unit = "J/cm²" }],
        ExistingBasis = "中频感应炉 2 台",
        BudgetMinWan = 50m,
        BudgetMaxWan = 120m,
        PaymentPreferences = [PaymentPreference.LumpSum],
        Modes = [DemandMode.Licence],
        ExpectedCompletion = today.AddMonths(8),
        ValidUntil = today.AddMonths(6),
        Confidentiality = DemandConfidentiality.Public,
        ContactName = "张经理",
        ContactPhone = "13812345678",
        ContactEmail = "zhang@example.com",
    };

    public static async Task<Demand> ReloadAsync(PortalAppFactory app, Guid id)
    {
        await using var db = app.CreateDbContext();
        return await db.Demands.AsNoTracking().SingleAsync(d => d.Id == id, Ct);
    }

    public static async Task<List<AuditEntry>> TrailAsync(PortalAppFactory app, Guid demandId)
    {
        await using var db = app.CreateDbContext();
        var id = demandId.ToString();
        return await db.AuditEntries.AsNoTracking().Where(a => a.RecordType == nameof(Demand) && a.RecordId == id).OrderBy(a => a.Id).ToListAsync(Ct);
    }

    /// <summary>Changes the stored demand directly, as another user's save would (the version moves on).</summary>
    public static async Task ChangeAsync(PortalAppFactory app, Guid id, Action<Demand> change)
    {
        await using var db = app.CreateDbContext();
        var demand = await db.Demands.SingleAsync(d => d.Id == id, Ct);
        change(demand);
        await db.SaveChangesAsync(Ct);
    }

    /// <summary>The Chinese message of a business rule, as the services word it.</summary>
    public static string Rule(string code) => PortalTexts.Zh("Rule_" + code.Replace('.', '_'));

    public static DateOnly TodayOn(TimeProvider clock) => PortalTime.Today(clock);
}
