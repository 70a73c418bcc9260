using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PatentTransfer.Domain.Listings;
using PatentTransfer.Domain.Patents;
using PatentTransfer.Infrastructure.Data;
using PatentTransfer.Web.Features.Reference;
using PatentTransfer.Web.Infrastructure;
using PatentTransfer.Web.Localization;

namespace PatentTransfer.Web.Features.Patents;

/// <summary>
/// Reads of the catalogue. Bibliographic data is public (patents are published documents); listing terms are
/// public once published, and before that visible only to the holder's members and the staff who review them.
/// </summary>
public sealed class PatentService(
    IDbContextFactory<PortalDbContext> contextFactory,
    ReferenceDataService referenceData,
    SleepingPatentRule sleepingRule,
    TimeProvider timeProvider)
{
    public async Task<PatentDetail?> GetAsync(Guid id, ClaimsPrincipal viewer, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var patent = await db.Patents.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (patent is null)
        {
            return null;
        }

        var holder = await db.Organisations.AsNoTracking().Where(o => o.Id == patent.HolderOrganisationId)
            .Select(o => new HolderView(o.Id, o.Name, o.Type, o.RegionCode, o.IsDemo)).SingleAsync(cancellationToken);
        var codes = patent.IpcCodes.ToList();
        var titles = await db.IpcEntries.AsNoTracking().Where(e => codes.Contains(e.Code)).ToDictionaryAsync(e => e.Code, e => e.Title, cancellationToken);
        var listing = await db.Listings.AsNoTracking().SingleOrDefaultAsync(l => l.PatentId == id, cancellationToken);

        var reference = await referenceData.GetAsync(cancellationToken);
        var holderCity = reference.Regions.TryGetValue(holder.RegionCode, out var region) ? region.CityCode : null;
        var isHolder = viewer.OrganisationIdOf() == holder.Id;
        var mayReview = StaffScope.From(viewer).Covers(holderCity);
        // Drafts are the holder's own until submitted; reviewers see what was sent to them, the public what was published.
        var showListing = listing is not null
            && (listing.Status == ListingStatus.Published || isHolder || (mayReview && listing.Status != ListingStatus.Draft));

        var today = PortalTime.Today(timeProvider);
        return new PatentDetail(
            patent.Id, patent.ApplicationNumber, patent.PublicationNumber, patent.Type, patent.Title, patent.DisplayTitle, patent.Abstract,
            patent.Claims, patent.MainIpc is { } main ? new IpcView(main, titles.GetValueOrDefault(main)) : null,
            patent.FurtherIpc.Select(c => new IpcView(c, titles.GetValueOrDefault(c))).ToList(), patent.Locarno, holder,
            patent.CoOwners, patent.Inventors, patent.FilingDate, patent.PublicationDate, patent.GrantDate, patent.LastDayOfProtection,
            patent.StatusOn(today), patent.Keywords, patent.IndustryCode, patent.IsDemo, patent.Source,
            patent.Timeline, sleepingRule.Assess(patent, holder.Type, today),
            showListing ? ToView(listing!) : null, isHolder, mayReview);
    }

    public static ListingView ToView(Listing l) => new(l.Id, l.Status, l.CurrentTerms, l.ReturnReason, l.PublishedAt, l.Version);
}
