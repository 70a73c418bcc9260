using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PatentTransfer.Domain.Demands;
using PatentTransfer.Matching.Demands;
using PatentTransfer.Matching.Search;
using PatentTransfer.Testing;
using PatentTransfer.Web.Features.DemandHall;
using static PatentTransfer.Web.Tests.DemandHall.DemandHallTestData;
using static PatentTransfer.Web.Tests.Demands.DemandTestData;

namespace PatentTransfer.Web.Tests.DemandHall;

/// <summary>
/// The demand hall's indexer on a clock the test moves, with an index of its own fed from the portal's database: what
/// it lists on which day. The portal's own indexer runs on the real clock and is left alone.
/// </summary>
public class DemandHallIndexerTests(PortalAppFactory app)
{
    private static readonly string[] AllLevels = [.. Enum.GetNames<DemandConfidentiality>()];

    private static HashSet<Guid> Find(DemandSearchIndex index, string token) =>
        [.. index.Search(new DemandSearchQuery(AllLevels, token, PageSize: 100)).Hits.Select(h => h.Id)];

    /// <summary>Asks every 50 ms, for up to 10 s, until the index holds exactly the expected demands of this token.</summary>
    private static async Task<TimeSpan> EventuallyAsync(DemandSearchIndex index, string token, params Guid[] expected)
    {
        var clock = Stopwatch.StartNew();
        while (!Find(index, token).SetEquals(expected) && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50, Ct);
        }

        Assert.Equal(expected.Order(), Find(index, token).Order());
        return clock.Elapsed;
    }

    /// <summary>Waits until the indexer has caught up as of the clock's present, the rebuild for a new day included.</summary>
    private static async Task RefreshedAsync(DemandIndexer indexer, ManualClock clock)
    {
        var waited = Stopwatch.StartNew();
        while (indexer.LastRefreshed != clock.GetUtcNow() && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20, Ct);
        }

        Assert.Equal(clock.GetUtcNow(), indexer.LastRefreshed);
    }

    [Fact]
    public async Task ItListsPublishedDemandsFollowsChangesAndDropsThoseWhoseLastDayHasPassedWhenTheDateChanges()
    {
        var token = SearchToken();
        var sme = await RegisterSmeAsync(app);
        var today = TodayOn(TimeProvider.System);
        var shortLived = await PublishAsync(app, sme, token, change: input => input.ValidUntil = today.AddDays(3));
        var longLived = await PublishAsync(app, sme, token, change: input => input.ValidUntil = today.AddDays(30));
        var closed = await PublishAsync(app, sme, token);
        await ChangeAsync(app, closed.Id, d => d.Close(DemandCloseReason.GaveUp, null, DateTimeOffset.UtcNow));

        var clock = ManualClock.StartingNow();
        using var index = new DemandSearchIndex(new DemandSearchOptions(), new PatentSearchOptions());
        var indexer = new DemandIndexer(
            index, app.Services.GetRequiredService<DemandIndexFeed>(), clock,
            Options.Create(new DemandIndexingOptions { PollInterval = TimeSpan.FromMilliseconds(100) }), NullLogger<DemandIndexer>.Instance);
        await indexer.StartAsync(Ct);
        try
        {
            await indexer.Ready.WaitAsync(TimeSpan.FromSeconds(30), Ct);
            Assert.Equal([shortLived.Id, longLived.Id], Find(index, token).Order());

            var added = await PublishAsync(app, sme, token);
            await ChangeAsync(app, longLived.Id, d => d.Close(DemandCloseReason.SolvedHere, null, DateTimeOffset.UtcNow));
            var followed = await EventuallyAsync(index, token, shortLived.Id, added.Id);
            Assert.True(followed < TimeSpan.FromSeconds(5), $"the indexer took {followed} to follow the database");

            // On its last day a demand is still listed; the day after, the rebuild leaves it out.
            clock.AdvanceDays(3);
            await RefreshedAsync(indexer, clock);
            Assert.Equal([shortLived.Id, added.Id], Find(index, token).Order());
            clock.AdvanceDays(1);
            await RefreshedAsync(indexer, clock);
            Assert.Equal([added.Id], Find(index, token));
        }
        finally
        {
            await indexer.StopAsync(CancellationToken.None);
        }
    }
}
