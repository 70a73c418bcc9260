using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PatentTransfer.Infrastructure.Data.Seeding;
using PatentTransfer.Testing;

namespace PatentTransfer.Infrastructure.Tests.Patents;

public sealed class DemoCatalogueSeederTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LoadsTheRealTextsUnderDemoHoldersWithValidClassificationOnceOnly()
    {
        await using var database = await TestDatabase.CreateAsync("catalogue", Ct);
        using var host = ServiceHost.Build(database.AppConnectionString);

        var first = await SeedAsync(host);
        var second = await SeedAsync(host);

        // 3,720 source records, one of which has no abstract.
        Assert.Equal((3719, 0), (first.Inserted, first.Updated));
        Assert.Equal((0, 0), (second.Inserted, second.Updated));
        await using var db = database.CreateAppContext();
        Assert.Equal(3719, await db.Patents.CountAsync(p => p.IsDemo && p.Source == DemoCatalogueSeeder.SourceName, Ct));
        Assert.False(await db.Patents.AnyAsync(p => !db.IpcEntries.Any(e => e.Code == p.MainIpc), Ct));
        Assert.False(await db.Patents.AnyAsync(p => !db.Organisations.Any(o => o.Id == p.HolderOrganisationId && o.IsDemo), Ct));
        // Real titles where the source has them; the others show the abstract's opening, marked.
        Assert.Equal(692, await db.Patents.CountAsync(p => p.Title != null, Ct));
        var holders = await db.Patents.Select(p => p.HolderOrganisationId).Distinct().CountAsync(Ct);
        Assert.True(holders >= 6, $"only {holders} holders");
    }

    private static async Task<PatentTransfer.Infrastructure.Patents.PatentMergeResult> SeedAsync(IHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(Ct);
        return await scope.ServiceProvider.GetRequiredService<DemoCatalogueSeeder>().SeedAsync(Ct);
    }
}
