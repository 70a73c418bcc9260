using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using PatentTransfer.Domain.Listings;
using PatentTransfer.Domain.Patents;
using PatentTransfer.Infrastructure.Identity;
using PatentTransfer.Testing;
using PatentTransfer.Web.Features.Matching;
using PatentTransfer.Web.Tests.DemandHall;
using PatentTransfer.Web.Tests.Listings;
using static PatentTransfer.Web.Tests.Demands.DemandTestData;

namespace PatentTransfer.Web.Tests.Matching;

/// <summary>
/// Demands and patents for the recommendation tests. Each test writes a demand and patents that share a token of its
/// own (Latin letters stay one word in every Chinese analyzer, and no other test's patent contains it), so its patents
/// lead its demand's recommendations whatever other tests have written.
/// </summary>
internal static class RecommendationTestData
{
    private static readonly DateOnly Today = TodayOn(TimeProvider.System);

    /// <summary>A published demand of <paramref name="sme"/> titled and keyworded with the token (IPC hint C22C, licence, 50–120 万元).</summary>
    public static async Task<Guid> PublishedDemandAsync(PortalAppFactory app, PortalUser sme, string token) =>
        (await DemandHallTestData.PublishAsync(app, sme, token)).Id;

    /// <summary>Texts that share the demand's words: the token, 耐磨衬板, 韧性, 球磨机.</summary>
    public static PatentDetails Details(string token, LegalStatus status = LegalStatus.Valid) =>
        TestPatents.Details(
            title: $"一种{token}高韧性耐磨衬板及其制备方法",
            @abstract: $"本发明公开了一种{token}高韧性耐磨衬板，用于球磨机，在中低冲击工况下兼顾冲击韧性和耐磨性，使用寿命长。",
            claims: $"1.一种{token}耐磨衬板，其特征在于含铬高韧性合金。",
            mainIpc: "C22C37/10",
            industry: "new-materials") with { Status = status };

    /// <summary>A patent of the organisation of <paramref name="holderAccount"/> with a published listing (ordinary licence, 8 万元).</summary>
    public static async Task<Guid> ListedPatentAsync(PortalAppFactory app, string holderAccount, string token) =>
        (await ListingReviewTestData.CreateAsync(app, holderAccount, ListingStatus.Published, Details(token), Ct)).PatentId;

    /// <summary>A patent of the organisation of <paramref name="holderAccount"/> without a listing.</summary>
    public static async Task<Guid> PatentAsync(PortalAppFactory app, string holderAccount, PatentDetails details)
    {
        var holder = await app.FindUserAsync(holderAccount);
        var patent = TestPatents.Create(holder.OrganisationId!.Value, details, Today);
        await using var db = app.CreateDbContext();
        db.Patents.Add(patent);
        await db.SaveChangesAsync(Ct);
        return patent.Id;
    }

    /// <summary>Changes a stored patent as an import or the holder's edit would.</summary>
    public static async Task ChangePatentAsync(PortalAppFactory app, Guid id, Func<Patent, PatentDetails> details)
    {
        await using var db = app.CreateDbContext();
        var patent = await db.Patents.SingleAsync(p => p.Id == id, Ct);
        patent.Update(details(patent), Today, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync(Ct);
    }

    public static async Task<DemandRecommendations?> RecommendationsAsync(PortalAppFactory app, string email, Guid demandId)
    {
        await using var viewer = await VisitAsync(app, email);
        return await viewer.Get<RecommendationService>().ForDemandAsync(viewer.Principal, demandId, Ct);
    }

    /// <summary>
    /// Asks every 100 ms, for up to 20 s, until the demand's recommendations for <paramref name="email"/> satisfy
    /// <paramref name="condition"/>; returns them and how long that took. The matching index follows the database
    /// within about a poll interval.
    /// </summary>
    public static async Task<(DemandRecommendations Recommendations, TimeSpan Waited)> EventuallyAsync(
        PortalAppFactory app, string email, Guid demandId, Func<DemandRecommendations, bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var found = await RecommendationsAsync(app, email, demandId);
            Assert.NotNull(found);
            if (condition(found))
            {
                return (found, clock.Elapsed);
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20),
                "Recommendations never satisfied the condition; last: " + string.Join(", ", found.Patents.Select(p => p.Title)));
            await Task.Delay(100, Ct);
        }
    }

    public static Task<(DemandRecommendations Recommendations, TimeSpan Waited)> ContainingAsync(
        PortalAppFactory app, string email, Guid demandId, params Guid[] patents) =>
        EventuallyAsync(app, email, demandId, r => patents.All(id => r.Patents.Any(p => p.PatentId == id)));
}
