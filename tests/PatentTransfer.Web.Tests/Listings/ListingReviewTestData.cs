using Microsoft.EntityFrameworkCore;
using PatentTransfer.Domain.Auditing;
using PatentTransfer.Domain.Listings;
using PatentTransfer.Domain.Patents;
using PatentTransfer.Testing;

namespace PatentTransfer.Web.Tests.Listings;

/// <summary>Listings of the demo holders for review tests: each test makes its own patents, titled with its own token.</summary>
internal static class ListingReviewTestData
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    public static string NewToken() => Guid.NewGuid().ToString("N")[..10];

    public static PatentDetails Titled(string token) => TestPatents.Details(title: $"一种审核测试装置{token}");

    /// <summary>
    /// A patent of the organisation of <paramref name="holderAccount"/> (<see cref="Accounts.Holder"/>: 保定, city 1306;
    /// <see cref="Accounts.Institute"/>: 石家庄, city 1301) with a listing in the given state, decided by provincial staff.
    /// </summary>
    public static async Task<Listing> CreateAsync(PortalAppFactory app, string holderAccount, ListingStatus status, PatentDetails details, CancellationToken cancellationToken)
    {
        var holder = await app.FindUserAsync(holderAccount);
        var patent = TestPatents.Create(holder.OrganisationId!.Value, details, Today);
        var listing = new Listing(patent, TestPatents.OrdinaryLicence(), Today, DateTimeOffset.UtcNow);
        if (status != ListingStatus.Draft)
        {
            listing.Submit(patent, holderMayPublish: true, Today, DateTimeOffset.UtcNow);
        }

        var reviewer = await app.FindUserAsync(Accounts.Provincial);
        switch (status)
        {
            case ListingStatus.Published:
                listing.Approve(patent, reviewer.Id, Today, DateTimeOffset.UtcNow);
                break;
            case ListingStatus.Returned:
                listing.Return(reviewer.Id, "价格说明不清楚", DateTimeOffset.UtcNow);
                break;
            case ListingStatus.Withdrawn:
                listing.Withdraw(DateTimeOffset.UtcNow);
                break;
        }

        await using var db = app.CreateDbContext();
        db.Patents.Add(patent);
        db.Listings.Add(listing);
        await db.SaveChangesAsync(cancellationToken);
        return listing;
    }

    public static async Task<Listing> ReloadAsync(PortalAppFactory app, Guid id, CancellationToken cancellationToken)
    {
        await using var db = app.CreateDbContext();
        return await db.Listings.AsNoTracking().SingleAsync(l => l.Id == id, cancellationToken);
    }

    /// <summary>Changes the stored listing as its holder would (a save that moves the version on).</summary>
    public static async Task ChangeAsync(PortalAppFactory app, Guid id, Action<Listing, Patent> change, CancellationToken cancellationToken)
    {
        await using var db = app.CreateDbContext();
        var listing = await db.Listings.SingleAsync(l => l.Id == id, cancellationToken);
        var patent = await db.Patents.SingleAsync(p => p.Id == listing.PatentId, cancellationToken);
        change(listing, patent);
        await db.SaveChangesAsync(cancellationToken);
    }

    public static async Task<List<AuditEntry>> TrailAsync(PortalAppFactory app, Guid listingId, string action, CancellationToken cancellationToken)
    {
        await using var db = app.CreateDbContext();
        var id = listingId.ToString();
        return await db.AuditEntries.AsNoTracking()
            .Where(a => a.RecordType == nameof(Listing) && a.RecordId == id && a.Action == action)
            .ToListAsync(cancellationToken);
    }
}
