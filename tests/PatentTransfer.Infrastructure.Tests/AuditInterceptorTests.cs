using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PatentTransfer.Domain.Auditing;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Infrastructure.Auditing;
using PatentTransfer.Infrastructure.Data;
using PatentTransfer.Infrastructure.Identity;
using PatentTransfer.Testing;

namespace PatentTransfer.Infrastructure.Tests;

/// <summary>The audit interceptor writes one business row per changed record, in the change's transaction.</summary>
public class AuditInterceptorTests(DatabaseFixture fixture)
{
    private readonly SystemActor _actor = new();

    private PortalDbContext CreateContext() => ServiceHost.CreateContext(fixture.Database.AppConnectionString, _actor);

    private static Organisation NewOrganisation(string name, string? creditCode = null) =>
        new(name, OrganisationType.PrivateEnterprise, EnterpriseSize.Small, CreditCode.Parse(creditCode ?? TestCreditCodes.Next()),
            "130104", "equipment", DateTimeOffset.UtcNow);

    private async Task<List<AuditEntry>> AuditRowsForAsync(Guid recordId)
    {
        await using var db = fixture.Database.CreateAppContext();
        var key = recordId.ToString();
        return await db.AuditEntries.AsNoTracking().Where(a => a.RecordId == key).OrderBy(a => a.Id)
            .ToListAsync(TestContext.Current.CancellationToken);
    }

    private async Task<Guid> CreateReviewerAsync()
    {
        await using var db = fixture.Database.CreateAppContext();
        var email = $"reviewer-{Guid.NewGuid():N}@test.example";
        var user = new PortalUser
        {
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            DisplayName = "审核员",
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Users.Add(user);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return user.Id;
    }

    [Fact]
    public async Task AddingAnOrganisationWritesOneSubmittedRowByTheActor()
    {
        var actorId = Guid.NewGuid();
        var organisation = NewOrganisation("石家庄审计测试科技有限公司");
        await using (var db = CreateContext())
        using (_actor.ActAs(new Actor(actorId, "张三", null)))
        {
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var row = Assert.Single(await AuditRowsForAsync(organisation.Id));
        Assert.Equal(AuditCategory.Business, row.Category);
        Assert.Equal(AuditActions.OrganisationSubmitted, row.Action);
        Assert.Equal(actorId, row.ActorUserId);
        Assert.Equal("张三", row.ActorName);
        Assert.Equal(nameof(Organisation), row.RecordType);
        Assert.Equal(organisation.Id.ToString(), row.RecordId);
        Assert.Equal(organisation.Id, row.OrganisationId);
        Assert.InRange(row.OccurredAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));

        Assert.NotNull(row.Summary);
        Assert.Contains("石家庄审计测试科技有限公司", row.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", row.Summary, StringComparison.Ordinal);
        using var summary = JsonDocument.Parse(row.Summary);
        Assert.Equal("石家庄审计测试科技有限公司", summary.RootElement.GetProperty("Name").GetString());
        Assert.Equal("Pending", summary.RootElement.GetProperty("Status").GetString());
        Assert.Equal("PrivateEnterprise", summary.RootElement.GetProperty("Type").GetString());
        Assert.Equal(organisation.CreditCode.Value, summary.RootElement.GetProperty("CreditCode").GetString());
        Assert.False(summary.RootElement.TryGetProperty("Version", out _));
        Assert.False(summary.RootElement.TryGetProperty("AuditAction", out _));
    }

    [Fact]
    public async Task WithoutAnOverrideTheSystemActorIsRecorded()
    {
        var organisation = NewOrganisation("系统操作测试有限公司");
        await using (var db = CreateContext())
        {
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var row = Assert.Single(await AuditRowsForAsync(organisation.Id));
        Assert.Equal("system", row.ActorName);
        Assert.Null(row.ActorUserId);
    }

    [Fact]
    public async Task SavingClearsThePendingAuditAction()
    {
        var organisation = NewOrganisation("审计动作清除测试有限公司");
        await using var db = CreateContext();
        db.Organisations.Add(organisation);

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        Assert.Null(organisation.AuditAction);
    }

    [Fact]
    public async Task VerifyingWritesOnlyWhatChanged()
    {
        var reviewerId = await CreateReviewerAsync();
        var organisation = NewOrganisation("保定审核测试科技有限公司");
        await using (var db = CreateContext())
        {
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using (var db = CreateContext())
        using (_actor.ActAs(new Actor(reviewerId, "李审核", null)))
        {
            var loaded = await db.Organisations.SingleAsync(o => o.Id == organisation.Id, TestContext.Current.CancellationToken);
            loaded.Verify(reviewerId, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var rows = await AuditRowsForAsync(organisation.Id);
        Assert.Equal([AuditActions.OrganisationSubmitted, AuditActions.OrganisationVerified], rows.Select(r => r.Action));
        var verified = rows[1];
        Assert.Equal(reviewerId, verified.ActorUserId);
        Assert.Equal("李审核", verified.ActorName);
        Assert.Equal(organisation.Id, verified.OrganisationId);

        using var summary = JsonDocument.Parse(verified.Summary!);
        var status = summary.RootElement.GetProperty("Status");
        Assert.Equal("Pending", status.GetProperty("before").GetString());
        Assert.Equal("Verified", status.GetProperty("after").GetString());
        Assert.Contains("\"Status\":{\"before\":\"Pending\",\"after\":\"Verified\"}", verified.Summary, StringComparison.Ordinal);
        Assert.Equal(reviewerId, summary.RootElement.GetProperty("ReviewedByUserId").GetProperty("after").GetGuid());
        Assert.Equal(
            ["ReviewedAt", "ReviewedByUserId", "Status"],
            summary.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RejectingRecordsTheReasonReadably()
    {
        var reviewerId = await CreateReviewerAsync();
        var organisation = NewOrganisation("唐山驳回测试有限公司");
        await using (var db = CreateContext())
        {
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            organisation.Reject(reviewerId, "营业执照已过期", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var rejected = (await AuditRowsForAsync(organisation.Id))[^1];
        Assert.Equal(AuditActions.OrganisationRejected, rejected.Action);
        using var summary = JsonDocument.Parse(rejected.Summary!);
        var reason = summary.RootElement.GetProperty("RejectionReason");
        Assert.Equal(JsonValueKind.Null, reason.GetProperty("before").ValueKind);
        Assert.Equal("营业执照已过期", reason.GetProperty("after").GetString());
        Assert.Contains("营业执照已过期", rejected.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletingWritesTheRemovedValues()
    {
        var organisation = NewOrganisation("删除测试有限公司");
        await using (var db = CreateContext())
        {
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using (var db = CreateContext())
        {
            db.Organisations.Remove(await db.Organisations.SingleAsync(o => o.Id == organisation.Id, TestContext.Current.CancellationToken));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var deleted = (await AuditRowsForAsync(organisation.Id))[^1];
        Assert.Equal("organisation.deleted", deleted.Action);
        using var summary = JsonDocument.Parse(deleted.Summary!);
        Assert.Equal("删除测试有限公司", summary.RootElement.GetProperty("Name").GetString());
    }

    [Fact]
    public async Task FailedSaveWritesNoAuditRow()
    {
        var creditCode = TestCreditCodes.Next();
        var first = NewOrganisation("信用代码占用测试有限公司", creditCode);
        await using (var db = CreateContext())
        {
            db.Organisations.Add(first);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var duplicate = NewOrganisation("信用代码重复测试有限公司", creditCode);
        await using (var db = CreateContext())
        {
            db.Organisations.Add(duplicate);
            var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
            Assert.Equal(Npgsql.PostgresErrorCodes.UniqueViolation, Assert.IsType<Npgsql.PostgresException>(error.InnerException).SqlState);
        }

        Assert.Empty(await AuditRowsForAsync(duplicate.Id));
        await using (var db = fixture.Database.CreateAppContext())
        {
            Assert.False(await db.AuditEntries.AnyAsync(a => a.Summary!.Contains("信用代码重复测试有限公司"), TestContext.Current.CancellationToken));
        }

        Assert.Single(await AuditRowsForAsync(first.Id));
    }

    [Fact]
    public async Task SynchronousSaveOfAuditableRecordsIsRefused()
    {
        var organisation = NewOrganisation("同步保存测试有限公司");
        await using var db = CreateContext();
        db.Organisations.Add(organisation);

        Assert.Throws<InvalidOperationException>(() => db.SaveChanges());

        Assert.Empty(await AuditRowsForAsync(organisation.Id));
        await using var check = fixture.Database.CreateAppContext();
        Assert.False(await check.Organisations.AnyAsync(o => o.Id == organisation.Id, TestContext.Current.CancellationToken));
    }
}
