using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using PatentTransfer.Domain.Auditing;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Domain.Patents;
using PatentTransfer.Infrastructure.Auditing;
using PatentTransfer.Infrastructure.Patents;
using PatentTransfer.Testing;

namespace PatentTransfer.Infrastructure.Tests.Patents;

public sealed class PatentBulkStoreTests(DatabaseFixture fixture) : IAsyncDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private readonly IHost _host = ServiceHost.Build(fixture.Database.AppConnectionString);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync() => await ((IAsyncDisposable)_host).DisposeAsync();

    /// <summary>A fresh, unique application number of the given type (serials from a counter of this test run).</summary>
    private static ApplicationNumber NewNumber(int typeDigit = 1, int year = 2021)
    {
        var digits = $"{year}{typeDigit}{Interlocked.Increment(ref _serial) % 10_000_000:D7}";
        return ApplicationNumber.Parse(digits + "." + ApplicationNumber.ComputeCheckCharacter(digits));
    }

    private static int _serial = Random.Shared.Next(1_000_000, 8_000_000);

    private static PatentDetails Details(ApplicationNumber number, string title = "一种锂离子电池正极材料") => new(
        number, null, title, "本发明公开了一种锂离子电池正极材料，其循环寿命长。", "1.一种正极材料，其特征在于包覆层。",
        IpcCode.Parse("H01M4/00"), [IpcCode.Parse("H01M10/00")], null, [], ["张三"],
        new DateOnly(number.Year, 3, 15), null, new DateOnly(2023, 6, 10), LegalStatus.Valid, ["正极"], "new-energy");

    private async Task<Guid> HolderAsync()
    {
        await using var db = fixture.Database.CreateOwnerContext();
        var organisation = new Organisation("批量导入测试大学" + Guid.NewGuid().ToString("N")[..6], OrganisationType.University, null,
            CreditCode.Parse(TestCreditCodes.Next("130104")), "130104", null, DateTimeOffset.UtcNow);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(Ct);
        return organisation.Id;
    }

    private Task<PatentMergeResult> MergeAsync(params PatentUpsert[] rows) => MergeAsync(Guid.CreateVersion7(), rows);

    private Task<PatentMergeResult> MergeAsync(Guid batch, params PatentUpsert[] rows) =>
        _host.Services.GetRequiredService<PatentBulkStore>().MergeAsync(rows, new Actor(null, "批量导入测试", null), batch, Ct);

    [Fact]
    public async Task NewPatentsAreInsertedWithTheirEventsAndTheBatchIsAuditedOnce()
    {
        var holder = await HolderAsync();
        var first = NewNumber();
        var design = NewNumber(3);
        var designDetails = Details(design) with { MainIpc = null, FurtherIpc = [], Locarno = LocarnoClass.TryParse("12-08", out var l) ? l : default };

        var batch = Guid.CreateVersion7();

        var result = await MergeAsync(
            batch,
            new PatentUpsert(Details(first), holder, [new LegalEvent(new DateOnly(2024, 2, 1), LegalEventType.LicenceRecorded, "普通许可")]),
            new PatentUpsert(designDetails, holder));

        Assert.Equal((2, 0), (result.Inserted, result.Updated));
        await using var db = fixture.Database.CreateAppContext();
        var stored = await db.Patents.AsNoTracking().SingleAsync(p => p.ApplicationNumber == first.Value, Ct);
        Assert.Equal((PatentType.Invention, "H01M4/00", "H01M10/00", new DateOnly(2041, 3, 14)), (stored.Type, stored.MainIpc, Assert.Single(stored.FurtherIpc), stored.LastDayOfProtection));
        // The grant is the grant date, shown in the timeline; only the licence was recorded as an event.
        Assert.Equal([LegalEventType.LicenceRecorded], stored.LegalEvents.Select(e => e.Type));
        Assert.Equal([LegalEventType.Grant, LegalEventType.LicenceRecorded], stored.Timeline.Select(e => e.Type));
        var storedDesign = await db.Patents.AsNoTracking().SingleAsync(p => p.ApplicationNumber == design.Value, Ct);
        Assert.Equal((PatentType.Design, "12-08", (string?)null), (storedDesign.Type, storedDesign.Locarno, storedDesign.MainIpc));
        Assert.Equal((batch, batch), (stored.ImportBatchId, storedDesign.ImportBatchId));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.RecordType == "Patent" && (a.RecordId == stored.Id.ToString() || a.RecordId == storedDesign.Id.ToString()), Ct));
        var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.RecordType == PatentBulkStore.BatchRecordType && a.RecordId == batch.ToString(), Ct);
        Assert.Equal((AuditActions.PatentImported, "批量导入测试", (Guid?)holder), (audit.Action, audit.ActorName, audit.OrganisationId));
        Assert.Contains("\"Created\":2", audit.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MergingTheSameRowsAgainChangesNothingAndAChangeIsAnAuditedUpdate()
    {
        var holder = await HolderAsync();
        var number = NewNumber();
        await MergeAsync(new PatentUpsert(Details(number), holder));

        var again = await MergeAsync(new PatentUpsert(Details(number), holder));
        var changed = await MergeAsync(new PatentUpsert(Details(number, "一种改进的锂离子电池正极材料"), holder));

        Assert.Equal((0, 0), (again.Inserted, again.Updated));
        Assert.Equal((0, 1), (changed.Inserted, changed.Updated));
        await using var db = fixture.Database.CreateAppContext();
        var stored = await db.Patents.AsNoTracking().SingleAsync(p => p.ApplicationNumber == number.Value, Ct);
        Assert.Equal("一种改进的锂离子电池正极材料", stored.Title);
        Assert.Empty(stored.LegalEvents);
        Assert.Equal(LegalEventType.Grant, Assert.Single(stored.Timeline).Type);
        var actions = await db.AuditEntries.AsNoTracking().Where(a => a.RecordId == stored.Id.ToString()).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct);
        Assert.Equal([AuditActions.PatentUpdated], actions);
    }

    [Fact]
    public async Task NewAndExistingPatentsInOneMergeAreAddedAndUpdatedTogether()
    {
        var holder = await HolderAsync();
        var existing = NewNumber();
        var added = NewNumber(typeDigit: 2);
        await MergeAsync(new PatentUpsert(Details(existing), holder));
        var reports = new List<int>();
        var batch = Guid.CreateVersion7();

        var result = await _host.Services.GetRequiredService<PatentBulkStore>().MergeAsync(
            [new PatentUpsert(Details(existing, "一种改进的正极材料"), holder), new PatentUpsert(Details(added) with { GrantDate = null, Status = LegalStatus.Pending }, holder)],
            new Actor(null, "批量导入测试", null), batch, new ListProgress(reports), Ct);

        Assert.Equal((1, 1), (result.Inserted, result.Updated));
        Assert.Equal([2], reports);
        await using var db = fixture.Database.CreateAppContext();
        var stored = await db.Patents.AsNoTracking().Where(p => p.ApplicationNumber == existing.Value || p.ApplicationNumber == added.Value)
            .OrderBy(p => p.Type).ToListAsync(Ct);
        Assert.Equal([("一种改进的正极材料", PatentType.Invention, 1), ("一种锂离子电池正极材料", PatentType.UtilityModel, 0)],
            stored.Select(p => (p.Title, p.Type, p.Timeline.Count)));
        // The new patent belongs to this batch; the changed one keeps the batch that added it and is audited itself.
        Assert.Equal(batch, stored[1].ImportBatchId);
        Assert.NotEqual(batch, stored[0].ImportBatchId);
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.RecordId == stored[0].Id.ToString()).SingleAsync(Ct);
        Assert.Equal((AuditActions.PatentUpdated, (Guid?)holder), (audit.Action, audit.OrganisationId));
        Assert.Contains(existing.Value, audit.Summary, StringComparison.Ordinal);
        var batchAudit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.RecordType == PatentBulkStore.BatchRecordType && a.RecordId == batch.ToString(), Ct);
        Assert.Contains("\"Created\":1,\"Updated\":1", batchAudit.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherHoldersPatentIsReportedAndLeftAlone()
    {
        var owner = await HolderAsync();
        var other = await HolderAsync();
        var number = NewNumber();
        await MergeAsync(new PatentUpsert(Details(number), owner));

        var result = await MergeAsync(new PatentUpsert(Details(number, "抢注的标题"), other), new PatentUpsert(Details(NewNumber()), other));

        Assert.Equal((1, 0, number.Value), (result.Inserted, result.Updated, Assert.Single(result.HeldByOthers)));
        await using var db = fixture.Database.CreateAppContext();
        var stored = await db.Patents.AsNoTracking().SingleAsync(p => p.ApplicationNumber == number.Value, Ct);
        Assert.Equal((owner, "一种锂离子电池正极材料"), (stored.HolderOrganisationId, stored.Title));
    }

    [Fact]
    public async Task OneBadRowWritesNothingAtAll()
    {
        var holder = await HolderAsync();
        var good = NewNumber();
        var twice = NewNumber();
        var batch = Guid.CreateVersion7();

        // The same number twice (the import's preview refuses that; the store relies on the unique index).
        await Assert.ThrowsAsync<PostgresException>(() => MergeAsync(
            batch,
            new PatentUpsert(Details(good), holder),
            new PatentUpsert(Details(twice), holder),
            new PatentUpsert(Details(twice, "重复的行"), holder)));

        await using var db = fixture.Database.CreateAppContext();
        Assert.False(await db.Patents.AnyAsync(p => p.ApplicationNumber == good.Value || p.ApplicationNumber == twice.Value, Ct));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.RecordId == batch.ToString(), Ct));
    }

    private sealed class ListProgress(List<int> reports) : IProgress<int>
    {
        public void Report(int value) => reports.Add(value);
    }
}
