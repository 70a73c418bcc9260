using System.Diagnostics;
using PatentTransfer.Domain.Listings;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Infrastructure.Identity;
using PatentTransfer.Web.Features.Matching;
using PatentTransfer.Web.Tests.Listings;
using static PatentTransfer.Web.Tests.Demands.DemandTestData;
using static PatentTransfer.Web.Tests.Matching.RecommendationTestData;

namespace PatentTransfer.Web.Tests.Matching;

/// <summary>
/// Holders, patents and waits for the tests of demands matched with a patent. As in <see cref="RecommendationTestData"/>,
/// each test's demands and patent share a token of their own, so that the test's demands lead its patent's list.
/// </summary>
internal static class DemandMatchTestData
{
    /// <summary>A fresh university in 保定 with one holder user, verified by provincial staff unless told otherwise.</summary>
    public static Task<PortalUser> RegisterHolderAsync(PortalAppFactory app, bool verified = true) =>
        RegisterAsync(app, OrganisationType.University, null, Baoding, verified);

    /// <summary>A patent of <paramref name="holder"/> sharing the token's words, with a published listing (ordinary licence, 8 万元).</summary>
    public static async Task<Guid> ListedPatentOfAsync(PortalAppFactory app, PortalUser holder, string token) =>
        (await ListingReviewTestData.CreateAsync(app, holder.Email!, ListingStatus.Published, Details(token), Ct)).PatentId;

    public static async Task<PatentDemandMatches?> MatchesAsync(PortalAppFactory app, string email, Guid patentId)
    {
        await using var viewer = await VisitAsync(app, email);
        return await viewer.Get<DemandMatchService>().ForPatentAsync(viewer.Principal, patentId, Ct);
    }

    /// <summary>
    /// Asks every 100 ms, for up to 20 s, until the patent's matched demands for <paramref name="email"/> satisfy
    /// <paramref name="condition"/>; returns them and how long that took. The index follows the database within about a
    /// poll interval.
    /// </summary>
    public static async Task<(PatentDemandMatches Matches, TimeSpan Waited)> MatchesEventuallyAsync(
        PortalAppFactory app, string email, Guid patentId, Func<PatentDemandMatches, bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var found = await MatchesAsync(app, email, patentId);
            Assert.NotNull(found);
            if (condition(found))
            {
                return (found, clock.Elapsed);
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20),
                "The matched demands never satisfied the condition; last: " + string.Join(", ", found.Demands.Select(d => d.Title)));
            await Task.Delay(100, Ct);
        }
    }

    public static Task<(PatentDemandMatches Matches, TimeSpan Waited)> MatchedWithAsync(
        PortalAppFactory app, string email, Guid patentId, params Guid[] demands) =>
        MatchesEventuallyAsync(app, email, patentId, m => demands.All(id => m.Demands.Any(d => d.DemandId == id)));
}
