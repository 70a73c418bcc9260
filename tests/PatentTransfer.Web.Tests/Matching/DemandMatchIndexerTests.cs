using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PatentTransfer.Domain.Demands;
using PatentTransfer.Matching.Recommend;
using PatentTransfer.Matching.Search;
using PatentTransfer.Testing;
using PatentTransfer.Web.Features.Matching;
using PatentTransfer.Web.Features.Search;
using PatentTransfer.Web.Tests.DemandHall;
using static PatentTransfer.Web.Tests.Demands.DemandTestData;
using static PatentTransfer.Web.Tests.Matching.DemandMatchTestData;

namespace PatentTransfer.Web.Tests.Matching;

/// <summary>
/// The matching index of demands on a clock the test moves, with an index of its own fed from the portal's database: it
/// holds what the demand hall lists on each day. The portal's own indexer runs on the real clock and is left alone.
/// </summary>
public class DemandMatchIndexerTests(PortalAppFactory app)
{
    [Fact]
    public async Task ItHoldsTheListedDemandsFollowsChangesAndDropsThoseWhoseLastDayHasPassedWhenTheDateChanges()
    {
        var token = DemandHallTestData.SearchToken();
        var sme = await RegisterSmeAsync(app);
        var today = TodayOn(TimeProvider.System);
        var shortLived = await DemandHallTestData.PublishAsync(app, sme, token, change: input => input.ValidUntil = today.AddDays(3));
        var longLived = await DemandHallTestData.PublishAsync(app, sme, token, DemandConfidentiality.PlatformOnly, input => input.ValidUntil = today.AddDays(30));
        var closed = await DemandHallTestData.PublishAsync(app, sme, token);
        await ChangeAsync(app, closed.Id, d => d.Close(DemandCloseReason.GaveUp, null, DateTimeOffset.UtcNow));
        var holder = await RegisterHolderAsync(app);
        var patent = await DocumentAsync(await ListedPatentOfAsync(app, holder, token), today);

        var clock = ManualClock.StartingNow();
        using var index = new DemandMatchIndex(new MatchOptions(), new MatchWeights());
        var indexer = new DemandMatchIndexer(
            index, app.Services.GetRequiredService<DemandMatchFeed>(), clock,
            Options.Create(new DemandMatchingOptions { PollInterval = TimeSpan.FromMilliseconds(100) }), NullLogger<DemandMatchIndexer>.Instance);
        await indexer.StartAsync(Ct);
        try
        {
            await indexer.Ready.WaitAsync(TimeSpan.FromSeconds(30), Ct);
            HashSet<Guid> Mine() => [.. index.Recommend(patent, 1000, TodayOn(clock)).Select(r => r.DemandId).Where(new[] { shortLived.Id, longLived.Id, closed.Id }.Concat(Added).Contains)];
            Assert.Equal([shortLived.Id, longLived.Id], Mine().Order());

            var added = await DemandHallTestData.PublishAsync(app, sme, token);
            Added.Add(added.Id);
            await ChangeAsync(app, longLived.Id, d => d.Close(DemandCloseReason.SolvedHere, null, DateTimeOffset.UtcNow));
            var waited = Stopwatch.StartNew();
            while (!Mine().SetEquals([shortLived.Id, added.Id]) && waited.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(50, Ct);
            }

            Assert.Equal(new[] { shortLived.Id, added.Id }.Order(), Mine().Order());
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(5), $"the indexer took {waited.Elapsed} to follow the database");

            // On its last day a demand is still matched; the day after, the rebuild leaves it out.
            clock.AdvanceDays(3);
            await RefreshedAsync(indexer, clock);
            Assert.Equal(new[] { shortLived.Id, added.Id }.Order(), Mine().Order());
            clock.AdvanceDays(1);
            await RefreshedAsync(indexer, clock);
            Assert.Equal([added.Id], Mine());
        }
        finally
        {
            await indexer.StopAsync(CancellationToken.None);
        }
    }

    private List<Guid> Added { get; } = [];

    private async Task<PatentDocument> DocumentAsync(Guid patent, DateOnly today)
    {
        await foreach (var document in app.Services.GetRequiredService<PatentIndexFeed>().ByIdsAsync([patent], today, Ct))
        {
            return document;
        }

        throw new InvalidOperationException("No patent " + patent);
    }

    /// <summary>Waits until the indexer has caught up as of the clock's present, the rebuild for a new day included.</summary>
    private static async Task RefreshedAsync(DemandMatchIndexer indexer, ManualClock clock)
    {
        var waited = Stopwatch.StartNew();
        while (indexer.LastRefreshed != clock.GetUtcNow() && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20, Ct);
        }

        Assert.Equal(clock.GetUtcNow(), indexer.LastRefreshed);
    }
}
