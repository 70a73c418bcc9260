using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PatentTransfer.Domain.Auditing;
using PatentTransfer.Domain.Demands;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Infrastructure.Identity;
using PatentTransfer.Testing;

namespace PatentTransfer.Infrastructure.Tests.Demands;

/// <summary>Demands and their follow-up log as PostgreSQL stores them.</summary>
public class DemandPersistenceTests(DatabaseFixture fixture)
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DemandDetails Details() => new(
        "低温韧性焊材", DemandType.JointRnD, "steel", "B23K35/30", ["焊材", "低温"],
        "LNG 储罐用焊材在 -196 ℃ 冲击功不足，现有进口焊材价格高、供货慢，希望联合研发国产替代品。",
        [new DemandTarget("冲击功", TargetComparator.AtLeast, 47m, null, "J"), new DemandTarget("试验温度", TargetComparator.Between, -200m, -190m, "℃")],
        null, "LNG 储罐", new DemandBudget(false, 80.5m, 200m), [PaymentPreference.Royalty, PaymentPreference.LumpSum],
        [DemandMode.JointRnD], null, Today.AddMonths(3), DemandConfidentiality.Anonymised, new DemandContact("王工", "13912345678", null));

    private async Task<(Guid OrganisationId, Guid UserId)> CreateSmeAsync()
    {
        await using var db = fixture.Database.CreateAppContext();
        var organisation = new Organisation("需求存储测试科技有限公司" + Guid.NewGuid().ToString("N")[..6], OrganisationType.PrivateEnterprise,
            EnterpriseSize.Small, CreditCode.Parse(TestCreditCodes.Next()), "130104", "steel", DateTimeOffset.UtcNow);
        var email = $"sme-{Guid.NewGuid():N}@test.example";
        var user = new PortalUser
        {
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            DisplayName = "王工",
            OrganisationId = organisation.Id,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Organisations.Add(organisation);
        db.Users.Add(user);
        await db.SaveChangesAsync(Ct);
        return (organisation.Id, user.Id);
    }

    private async Task<Demand> CreateDemandAsync()
    {
        var (organisationId, userId) = await CreateSmeAsync();
        var demand = new Demand(organisationId, userId, Details(), Today, DateTimeOffset.UtcNow);
        await using var db = fixture.Database.CreateAppContext();
        db.Demands.Add(demand);
        await db.SaveChangesAsync(Ct);
        return demand;
    }

    [Fact]
    public async Task ADemandIsReadBackAsWritten()
    {
        var demand = await CreateDemandAsync();

        await using var db = fixture.Database.CreateAppContext();
        var stored = await db.Demands.AsNoTracking().SingleAsync(d => d.Id == demand.Id, Ct);

        Assert.Equal(demand.Targets, stored.Targets);
        Assert.Equal([PaymentPreference.LumpSum, PaymentPreference.Royalty], stored.PaymentPreferences);
        Assert.Equal([DemandMode.JointRnD], stored.Modes);
        Assert.Equal(["焊材", "低温"], stored.Keywords);
        Assert.Equal((80.5m, 200m), (stored.BudgetMinWan, stored.BudgetMaxWan));
        Assert.Equal((Today.AddMonths(3), DemandConfidentiality.Anonymised, DemandStatus.Draft), (stored.ValidUntil, stored.Confidentiality, stored.Status));
        Assert.NotEqual(0u, stored.Version);
    }

    [Fact]
    public async Task EnumsAndTargetsAreStoredReadablyForSql()
    {
        var demand = await CreateDemandAsync();
        await using var connection = new NpgsqlConnection(fixture.Database.AppConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            "SELECT status, confidentiality, modes[1], targets->1->>'Comparator', targets->0->>'Indicator', jsonb_typeof(targets) FROM demands WHERE id = $1", connection);
        command.Parameters.AddWithValue(demand.Id);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct));

        Assert.Equal("Draft", reader.GetString(0));
        Assert.Equal("Anonymised", reader.GetString(1));
        Assert.Equal("JointRnD", reader.GetString(2));
        Assert.Equal("Between", reader.GetString(3));
        Assert.Equal("冲击功", reader.GetString(4));
        Assert.Equal("array", reader.GetString(5));
    }

    [Fact]
    public async Task TheSecondOfTwoSavesOfTheSameVersionFails()
    {
        var demand = await CreateDemandAsync();
        await using var first = fixture.Database.CreateAppContext();
        await using var second = fixture.Database.CreateAppContext();
        var a = await first.Demands.SingleAsync(d => d.Id == demand.Id, Ct);
        var b = await second.Demands.SingleAsync(d => d.Id == demand.Id, Ct);

        a.Submit(true, Today, DateTimeOffset.UtcNow);
        await first.SaveChangesAsync(Ct);
        b.Withdraw(DemandCloseReason.GaveUp, null, DateTimeOffset.UtcNow);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(Ct));
        await using var db = fixture.Database.CreateAppContext();
        Assert.Equal(DemandStatus.Submitted, (await db.Demands.AsNoTracking().SingleAsync(d => d.Id == demand.Id, Ct)).Status);
    }

    [Fact]
    public async Task CreatingADemandIsAuditedUnderItsOrganisation()
    {
        var demand = await CreateDemandAsync();

        await using var db = fixture.Database.CreateAppContext();
        var id = demand.Id.ToString();
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.RecordType == nameof(Demand) && a.RecordId == id, Ct);

        Assert.Equal(AuditActions.DemandCreated, entry.Action);
        Assert.Equal(demand.SmeOrganisationId, entry.OrganisationId);
        using var summary = JsonDocument.Parse(entry.Summary!);
        Assert.Equal("低温韧性焊材", summary.RootElement.GetProperty("Title").GetString());
    }

    private async Task<DemandFollowUp> AppendFollowUpAsync()
    {
        var demand = await CreateDemandAsync();
        var entry = new DemandFollowUp(demand, demand.CreatedByUserId, "王工", DemandFollowUpKind.Note, Today, "已补充焊接工艺评定报告。", Today, DateTimeOffset.UtcNow);
        await using var db = fixture.Database.CreateAppContext();
        db.DemandFollowUps.Add(entry);
        await db.SaveChangesAsync(Ct);
        return entry;
    }

    [Theory]
    [InlineData("UPDATE demand_follow_ups SET text = 'tampered' WHERE id = '{0}'")]
    [InlineData("DELETE FROM demand_follow_ups WHERE id = '{0}'")]
    [InlineData("TRUNCATE demand_follow_ups")]
    public async Task ApplicationRoleCannotChangeOrRemoveFollowUps(string sql)
    {
        var entry = await AppendFollowUpAsync();
        await using var connection = new NpgsqlConnection(fixture.Database.AppConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(string.Format(CultureInfo.InvariantCulture, sql, entry.Id), connection);

        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(Ct));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        await AssertUnchangedAsync(entry);
    }

    [Theory]
    [InlineData("UPDATE demand_follow_ups SET text = 'tampered' WHERE id = '{0}'")]
    [InlineData("DELETE FROM demand_follow_ups WHERE id = '{0}'")]
    [InlineData("TRUNCATE demand_follow_ups")]
    public async Task EvenTheSchemaOwnerCannotChangeOrRemoveFollowUps(string sql)
    {
        var entry = await AppendFollowUpAsync();
        await using var connection = new NpgsqlConnection(fixture.Database.OwnerConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(string.Format(CultureInfo.InvariantCulture, sql, entry.Id), connection);

        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(Ct));

        Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
        await AssertUnchangedAsync(entry);
    }

    private async Task AssertUnchangedAsync(DemandFollowUp entry)
    {
        await using var db = fixture.Database.CreateAppContext();
        var stored = await db.DemandFollowUps.AsNoTracking().SingleAsync(f => f.Id == entry.Id, Ct);
        Assert.Equal("已补充焊接工艺评定报告。", stored.Text);
    }
}
