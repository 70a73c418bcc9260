using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PatentTransfer.Domain.Auditing;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Infrastructure.Auditing;
using PatentTransfer.Infrastructure.Patents.Import;
using PatentTransfer.Testing;

namespace PatentTransfer.Infrastructure.Tests.Patents.Import;

public sealed class PatentImportServiceTests(DatabaseFixture fixture) : IAsyncDisposable
{
    private readonly IHost _host = ServiceHost.Build(fixture.Database.AppConnectionString);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Actor Clerk(Guid holder) => new(null, "导入测试员", holder);

    public async ValueTask DisposeAsync() => await ((IAsyncDisposable)_host).DisposeAsync();

    [Fact]
    public async Task PreviewReportsTheErrorsAndWritesNothing()
    {
        var holder = await HolderAsync();
        var file = new MixedImportFile();
        var before = await DatabaseStateAsync(holder);

        var preview = await PreviewAsync(file.Csv(), holder);

        Assert.Equal(file.ExpectedErrors, preview.Errors);
        Assert.Equal(file.ValidNumbers, preview.ValidRows.Select(r => r.Details.ApplicationNumber.Value));
        Assert.Equal((MixedImportFile.TotalRows, MixedImportFile.InvalidRows, 0), (preview.TotalRows, preview.InvalidRows, preview.ExistingRows));
        Assert.Equal(before, await DatabaseStateAsync(holder));
        Assert.False(await AnyPatentAsync(file.ValidNumbers));
    }

    [Fact]
    public async Task ConfirmingAPartialImportStoresExactlyTheValidRowsAndRecordsTheImport()
    {
        var holder = await HolderAsync();
        var file = new MixedImportFile();
        var preview = await PreviewAsync(file.Csv(), holder);

        var outcome = await Service().ConfirmAsync(preview.Token, holder, Clerk(holder), new PatentImportConfirmOptions { AllowPartial = true }, null, Ct);

        Assert.NotNull(outcome);
        Assert.Equal((PatentImportStatus.Succeeded, 11, 3, 8, 3, 0, 0), (outcome.Status, outcome.RowsTotal, outcome.RowsValid, outcome.RowsInvalid, outcome.Created, outcome.Updated, outcome.Unchanged));
        await using var db = fixture.Database.CreateAppContext();
        var stored = await db.Patents.AsNoTracking().Where(p => p.HolderOrganisationId == holder).OrderBy(p => p.FilingDate).ToListAsync(Ct);
        Assert.Equal(file.ValidNumbers.Order(StringComparer.Ordinal), stored.Select(p => p.ApplicationNumber).Order(StringComparer.Ordinal));
        Assert.All(stored, p => Assert.False(p.IsDemo));
        Assert.Equal("一种硅碳复合负极材料及其制备方法", stored.Single(p => p.ApplicationNumber == file.Invention).Title);
        var record = await db.PatentImports.AsNoTracking().SingleAsync(i => i.HolderOrganisationId == holder, Ct);
        Assert.Equal(
            (outcome.ImportId, "专利清单.csv", "导入测试员", (Guid?)null, 11, 3, 8, 3, 0, PatentImportStatus.Succeeded),
            (record.Id, record.FileName, record.UserName, record.UserId, record.RowsTotal, record.RowsValid, record.RowsInvalid, record.CreatedCount,
                record.UpdatedCount, record.Status));
        Assert.True(record.FinishedAt >= record.StartedAt);
        // The import is one audit entry named by the import's id; each patent it added names the import.
        Assert.All(stored, p => Assert.Equal(record.Id, p.ImportBatchId));
        var audited = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.OrganisationId == holder && a.Action == AuditActions.PatentImported, Ct);
        Assert.Equal(record.Id.ToString(), audited.RecordId);
        Assert.Contains("\"Created\":3", audited.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileWithErrorsIsNotImportedUnlessPartialImportIsAllowed()
    {
        var holder = await HolderAsync();
        var file = new MixedImportFile();
        var preview = await PreviewAsync(file.Csv(), holder);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Service().ConfirmAsync(preview, Clerk(holder), null, null, Ct));

        Assert.False(await AnyPatentAsync(file.ValidNumbers));
        await using var db = fixture.Database.CreateAppContext();
        Assert.False(await db.PatentImports.AnyAsync(i => i.HolderOrganisationId == holder, Ct));
    }

    [Fact]
    public async Task ImportingTheSameNumbersAgainUpdatesThemInsteadOfAddingThem()
    {
        var holder = await HolderAsync();
        var file = new MixedImportFile();
        var partial = new PatentImportConfirmOptions { AllowPartial = true };
        var first = await PreviewAsync(file.Csv(), holder);
        await Service().ConfirmAsync(first, Clerk(holder), partial, null, Ct);

        var second = await PreviewAsync(file.Csv(inventionTitle: "一种改进的硅碳复合负极材料"), holder);
        var outcome = await Service().ConfirmAsync(second, Clerk(holder), partial, null, Ct);

        Assert.Equal(3, second.ExistingRows);
        Assert.Equal((0, 1, 2), (outcome.Created, outcome.Updated, outcome.Unchanged));
        await using var db = fixture.Database.CreateAppContext();
        var stored = await db.Patents.AsNoTracking().Where(p => p.HolderOrganisationId == holder).ToListAsync(Ct);
        Assert.Equal(3, stored.Count);
        Assert.Equal("一种改进的硅碳复合负极材料", stored.Single(p => p.ApplicationNumber == file.Invention).Title);
        var history = await Service().HistoryAsync(holder, 10, Ct);
        Assert.Equal([(0, 1), (3, 0)], history.Select(i => (i.CreatedCount, i.UpdatedCount)));
    }

    [Fact]
    public async Task ANumberHeldByAnotherOrganisationIsAnErrorOfThePreview()
    {
        var owner = await HolderAsync();
        var other = await HolderAsync();
        var file = new MixedImportFile();
        await Service().ConfirmAsync(await PreviewAsync(file.Csv(), owner), Clerk(owner), new PatentImportConfirmOptions { AllowPartial = true }, null, Ct);

        var preview = await PreviewAsync(file.Csv(), other);

        Assert.Empty(preview.ValidRows);
        Assert.Equal(
            [new PatentImportError(2, "申请号", PatentImportErrorCodes.HeldByOtherHolder, file.Invention),
             new PatentImportError(9, "申请号", PatentImportErrorCodes.HeldByOtherHolder, file.UtilityModel),
             new PatentImportError(11, "申请号", PatentImportErrorCodes.HeldByOtherHolder, file.Design)],
            preview.Errors.Where(e => e.Code == PatentImportErrorCodes.HeldByOtherHolder));
        Assert.Equal(file.ExpectedErrors.Count + 3, preview.Errors.Count);
        Assert.Equal(preview.Errors.OrderBy(e => e.Row), preview.Errors);
        Assert.Equal(MixedImportFile.TotalRows, preview.InvalidRows);
    }

    [Fact]
    public async Task APreviewIsConfirmedOnceAndOnlyForItsHolder()
    {
        var holder = await HolderAsync();
        var stranger = await HolderAsync();
        var file = new MixedImportFile();
        var preview = await PreviewAsync(file.Csv(), holder);
        var partial = new PatentImportConfirmOptions { AllowPartial = true };

        var forStranger = await Service().ConfirmAsync(preview.Token, stranger, Clerk(stranger), partial, null, Ct);
        var first = await Service().ConfirmAsync(preview.Token, holder, Clerk(holder), partial, null, Ct);
        var again = await Service().ConfirmAsync(preview.Token, holder, Clerk(holder), partial, null, Ct);

        Assert.Null(forStranger);
        Assert.Equal(3, first?.Created);
        Assert.Null(again);
        Assert.False(await AnyPatentAsync(file.ValidNumbers, stranger));
    }

    [Fact]
    public async Task ConfirmingReportsProgressUpToEveryRow()
    {
        var holder = await HolderAsync();
        var header = MixedImportFile.Header;
        var serial = Random.Shared.Next(5_000_000, 5_900_000);
        var rows = Enumerable.Range(0, 2100).Select(i => (IReadOnlyList<string>)header.Select((_, c) => c switch
        {
            (int)PatentImportField.ApplicationNumber => ImportFiles.Number(2018, 1, serial + i),
            (int)PatentImportField.Abstract => "本发明公开了一种装置，结构简单。",
            (int)PatentImportField.MainIpc => "H01M4/583",
            (int)PatentImportField.FilingDate => "2018-05-01",
            _ => "",
        }).ToArray());
        var reports = new List<int>();
        var preview = await PreviewAsync(ImportFiles.Csv(header, rows), holder);

        var outcome = await Service().ConfirmAsync(preview, Clerk(holder), null, new SynchronousProgress(reports), Ct);

        Assert.Equal(2100, outcome.Created);
        Assert.Equal([1000, 2000, 2100], reports);
    }

    [Fact]
    public async Task AFileThatCannotBeReadIsAFileErrorAndCannotBeConfirmed()
    {
        var holder = await HolderAsync();

        var preview = await Service().PreviewAsync(new MemoryStream([0x50, 0x4B, 0x03, 0x04, 0, 0]), "清单.xlsx", holder, null, Ct);

        Assert.Equal(PatentImportFileErrorCodes.Unreadable, preview.FileErrorCode);
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Service().ConfirmAsync(preview, Clerk(holder), new PatentImportConfirmOptions { AllowPartial = true }, null, Ct));
    }

    private PatentImportService Service() => _host.Services.CreateScope().ServiceProvider.GetRequiredService<PatentImportService>();

    private Task<PatentImportPreview> PreviewAsync(string csv, Guid holder) =>
        Service().PreviewAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "专利清单.csv", holder, null, Ct);

    private async Task<Guid> HolderAsync()
    {
        await using var db = fixture.Database.CreateOwnerContext();
        var organisation = new Organisation("导入测试大学" + Guid.NewGuid().ToString("N")[..6], OrganisationType.University, null,
            CreditCode.Parse(TestCreditCodes.Next("130104")), "130104", null, DateTimeOffset.UtcNow);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(Ct);
        return organisation.Id;
    }

    private async Task<bool> AnyPatentAsync(IReadOnlyList<string> numbers, Guid? holder = null)
    {
        await using var db = fixture.Database.CreateAppContext();
        return await db.Patents.AnyAsync(p => numbers.Contains(p.ApplicationNumber) && (holder == null || p.HolderOrganisationId == holder), Ct);
    }

    /// <summary>What an import could change: the holder's patents, imports and audit rows.</summary>
    private async Task<(int Patents, int Imports, int Audit)> DatabaseStateAsync(Guid holder)
    {
        await using var db = fixture.Database.CreateAppContext();
        return (await db.Patents.CountAsync(p => p.HolderOrganisationId == holder, Ct),
            await db.PatentImports.CountAsync(i => i.HolderOrganisationId == holder, Ct),
            await db.AuditEntries.CountAsync(a => a.OrganisationId == holder, Ct));
    }

    private sealed class SynchronousProgress(List<int> reports) : IProgress<int>
    {
        public void Report(int value) => reports.Add(value);
    }
}
