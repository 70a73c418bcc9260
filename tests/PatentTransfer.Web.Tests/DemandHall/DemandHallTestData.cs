using System.Diagnostics;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PatentTransfer.Domain.Demands;
using PatentTransfer.Infrastructure.Identity;
using PatentTransfer.Web.Features.DemandHall;
using PatentTransfer.Web.Features.Demands;
using static PatentTransfer.Web.Tests.Demands.DemandTestData;

namespace PatentTransfer.Web.Tests.DemandHall;

/// <summary>A demand published for a hall test, with what the hall must not disclose to everyone.</summary>
internal sealed record PublishedDemand(Guid Id, string Title, string SmeName, DemandContact Contact);

/// <summary>
/// Published demands for the hall's tests. Each test registers SMEs of its own and titles its demands with a token of
/// its own (Latin letters stay one search term in every Chinese analyzer), so it finds only what it wrote.
/// </summary>
internal static class DemandHallTestData
{
    /// <summary>A search term no other test's demand contains.</summary>
    // Ends in x: the analyzers stem Latin words (…y → …i, …s, …e dropped), and a token that comes back as it went in can
    // be compared with the words an explanation lists.
    public static string SearchToken() => "zq" + string.Concat(Guid.NewGuid().ToString("N")[..10].Select(c => (char)('a' + (c % 26)))) + "x";

    /// <summary>
    /// Writes a demand of <paramref name="sme"/> as submitted and approved (the review itself is tested with the review
    /// service), with a contact no other demand has, so that a page leaking it is caught.
    /// </summary>
    public static async Task<PublishedDemand> PublishAsync(
        PortalAppFactory app,
        PortalUser sme,
        string token,
        DemandConfidentiality confidentiality = DemandConfidentiality.Public,
        Action<DemandInput>? change = null,
        bool isDemo = false,
        string? source = null)
    {
        var today = TodayOn(TimeProvider.System);
        var now = DateTimeOffset.UtcNow;
        var unique = NewToken();
        var input = Input(today, $"{token} 高韧性耐磨衬板 {unique[..4]}");
        input.Keywords = token + "；耐磨";
        input.Confidentiality = confidentiality;
        input.ContactName = "联系人" + unique[..6];
        input.ContactPhone = "139" + Random.Shared.Next(10_000_000, 99_999_999);
        input.ContactEmail = $"c{unique}@contact.example";
        change?.Invoke(input);

        var reviewer = await app.FindUserAsync(Accounts.Provincial);
        var demand = new Demand(sme.OrganisationId!.Value, sme.Id, input.ToDetails(), today, now, isDemo, source);
        demand.Submit(smeMayPublish: true, today, now);
        demand.Approve(reviewer.Id, today, now);
        await using var db = app.CreateDbContext();
        db.Demands.Add(demand);
        await db.SaveChangesAsync(Ct);
        var smeName = await db.Organisations.Where(o => o.Id == sme.OrganisationId).Select(o => o.Name).SingleAsync(Ct);
        return new PublishedDemand(demand.Id, demand.Title, smeName, new DemandContact(demand.ContactName, demand.ContactPhone, demand.ContactEmail));
    }

    public static async Task<DemandHallResults> SearchAsync(PortalAppFactory app, ClaimsPrincipal viewer, DemandHallQuery query)
    {
        await using var scope = ActingUser.Anonymous(app);
        return await scope.Get<DemandHallService>().SearchAsync(viewer, query, Ct);
    }

    public static async Task<DemandHallDetail?> DetailAsync(PortalAppFactory app, ClaimsPrincipal viewer, Guid id)
    {
        await using var scope = ActingUser.Anonymous(app);
        return await scope.Get<DemandHallService>().GetAsync(viewer, id, Ct);
    }

    /// <summary>
    /// Waits (up to 10 s, asking every 100 ms) until the search lists exactly the expected demands, in any order;
    /// returns how long that took. The index follows the database within about a second.
    /// </summary>
    public static async Task<TimeSpan> EventuallyAsync(PortalAppFactory app, ClaimsPrincipal viewer, DemandHallQuery query, params Guid[] expected)
    {
        var clock = Stopwatch.StartNew();
        List<Guid> found = [];
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            found = (await SearchAsync(app, viewer, query)).Rows.Select(r => r.Id).ToList();
            if (found.Order().SequenceEqual(expected.Order()))
            {
                return clock.Elapsed;
            }

            await Task.Delay(100, Ct);
        }

        Assert.Equal(expected.Order(), found.Order());
        return clock.Elapsed;
    }

    /// <summary>The principal of a seeded or registered account, or an anonymous visitor.</summary>
    public static async Task<ClaimsPrincipal> PrincipalAsync(PortalAppFactory app, string email)
    {
        await using var visitor = await VisitAsync(app, email);
        return visitor.Principal;
    }
}
