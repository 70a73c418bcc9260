using Microsoft.EntityFrameworkCore;
using PatentTransfer.Domain.Common;
using PatentTransfer.Domain.Listings;
using PatentTransfer.Domain.Patents;
using PatentTransfer.Infrastructure.Data;
using PatentTransfer.Web.Features.Patents;
using PatentTransfer.Web.Infrastructure;
using PatentTransfer.Web.Localization;
using T = PatentTransfer.Web.Localization.SharedResource;

namespace PatentTransfer.Web.Features.Listings;

/// <summary>
/// Staff review of listings (the terms a holder offers for a patent). City staff see and decide only listings of
/// holders located in their city; provincial staff and administrators see all. Drafts are the holder's work in
/// progress and never reach reviewers. Every method checks the scope itself: the pages are not the only guard.
/// </summary>
public sealed class ListingReviewService(IDbContextFactory<PortalDbContext> contextFactory, TimeProvider timeProvider)
{
    // Enough of an untitled patent's abstract for its display title (a clause of at most 40 characters), without
    // reading abstracts of up to 20,000 characters for every row of a page.
    private const int AbstractOpeningLength = 200;

    public async Task<Page<ListingReviewRow>> ListAsync(StaffScope scope, ListingReviewQuery query, CancellationToken cancellationToken)
    {
        if (!scope.IsStaff)
        {
            return new Page<ListingReviewRow>([], 0);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = from l in db.Listings.AsNoTracking()
                   join p in db.Patents on l.PatentId equals p.Id
                   join o in db.Organisations on l.HolderOrganisationId equals o.Id
                   join r in db.Regions on o.RegionCode equals r.Code
                   where l.Status != ListingStatus.Draft
                   select new { l, p, HolderName = o.Name, r.CityCode };
        if (!scope.AllCities)
        {
            rows = rows.Where(x => x.CityCode == scope.CityCode);
        }
        else if (!string.IsNullOrEmpty(query.CityCode))
        {
            rows = rows.Where(x => x.CityCode == query.CityCode);
        }

        if (query.Status is { } status)
        {
            rows = rows.Where(x => x.l.Status == status);
        }

        if (Text.NormaliseInput(query.Search) is { Length: > 0 } search)
        {
            if (ApplicationNumber.TryParse(search, out var number, out _))
            {
                var value = number.Value;
                rows = rows.Where(x => x.p.ApplicationNumber == value);
            }
            else
            {
                // An untitled patent is shown by the opening of its abstract, so that is what a reviewer searches.
                var pattern = SqlLike.Contains(search);
                rows = rows.Where(x =>
                    EF.Functions.ILike(x.p.Title!, pattern, SqlLike.EscapeCharacter)
                    || (x.p.Title == null && EF.Functions.ILike(x.p.Abstract, pattern, SqlLike.EscapeCharacter))
                    || EF.Functions.ILike(x.p.ApplicationNumber, pattern, SqlLike.EscapeCharacter)
                    || EF.Functions.ILike(x.HolderName, pattern, SqlLike.EscapeCharacter));
            }
        }

        var pageSize = Math.Clamp(query.PageSize, 1, 100);
        var total = await rows.CountAsync(cancellationToken);
        var items = await rows
            .OrderBy(x => x.l.SubmittedAt)
            .ThenBy(x => x.l.Id)
            .Skip(Math.Max(0, query.Page) * pageSize)
            .Take(pageSize)
            .Select(x => new
            {
                x.l.Id,
                x.l.PatentId,
                x.p.ApplicationNumber,
                x.p.Title,
                AbstractOpening = x.p.Title == null ? x.p.Abstract.Substring(0, AbstractOpeningLength) : "",
                x.HolderName,
                x.CityCode,
                x.l.Status,
                x.l.SubmittedAt,
                x.l.PriceKind,
                x.l.LumpSum,
                x.l.RoyaltyPercent,
                x.l.EntryFee,
                x.l.FreeForSmes,
                x.l.Version,
            })
            .ToListAsync(cancellationToken);
        return new Page<ListingReviewRow>(
            items.Select(x => new ListingReviewRow(x.Id, x.PatentId, x.ApplicationNumber, Patent.DisplayTitleOf(x.Title, x.AbstractOpening),
                x.HolderName, x.CityCode, x.Status, x.SubmittedAt, PriceSummary(x.PriceKind, x.LumpSum, x.RoyaltyPercent, x.EntryFee, x.FreeForSmes),
                x.Version)).ToList(),
            total);
    }

    /// <summary>The listing with its patent and holder, or null when it does not exist, is a draft or lies outside the scope.</summary>
    public async Task<ListingReviewDetail?> GetAsync(StaffScope scope, Guid id, CancellationToken cancellationToken)
    {
        if (!scope.IsStaff)
        {
            return null;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var listing = await db.Listings.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id && l.Status != ListingStatus.Draft, cancellationToken);
        if (listing is null)
        {
            return null;
        }

        var holder = await (from o in db.Organisations.AsNoTracking()
                            join r in db.Regions on o.RegionCode equals r.Code
                            where o.Id == listing.HolderOrganisationId
                            select new { View = new HolderView(o.Id, o.Name, o.Type, o.RegionCode, o.IsDemo), r.CityCode })
            .SingleAsync(cancellationToken);
        if (!scope.Covers(holder.CityCode))
        {
            return null;
        }

        var patent = await db.Patents.AsNoTracking().SingleAsync(p => p.Id == listing.PatentId, cancellationToken);
        var reviewedBy = listing.ReviewedByUserId is { } reviewerId
            ? await db.Users.AsNoTracking().Where(u => u.Id == reviewerId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken)
            : null;
        var today = PortalTime.Today(timeProvider);
        var summary = new ListingPatentSummary(patent.Id, patent.ApplicationNumber, patent.DisplayTitle, !string.IsNullOrWhiteSpace(patent.Title),
            patent.Type, patent.StatusOn(today), patent.MainIpc, patent.FilingDate, patent.GrantDate, patent.IsDemo);
        return new ListingReviewDetail(PatentService.ToView(listing), summary, holder.View, holder.CityCode, listing.SubmittedAt,
            listing.ReviewedAt, reviewedBy);
    }

    public Task<CommandResult> ApproveAsync(StaffScope scope, Guid id, uint version, CancellationToken cancellationToken) =>
        DecideAsync(scope, id, version, (l, patent, now) => l.Approve(patent, scope.UserId, PortalTime.Today(timeProvider), now), cancellationToken);

    public Task<CommandResult> ReturnAsync(StaffScope scope, Guid id, uint version, string reason, CancellationToken cancellationToken) =>
        DecideAsync(scope, id, version, (l, _, now) => l.Return(scope.UserId, reason, now), cancellationToken);

    private async Task<CommandResult> DecideAsync(StaffScope scope, Guid id, uint version, Action<Listing, Patent, DateTimeOffset> decide, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var found = await (from l in db.Listings
                           join o in db.Organisations on l.HolderOrganisationId equals o.Id
                           join r in db.Regions on o.RegionCode equals r.Code
                           join p in db.Patents on l.PatentId equals p.Id
                           where l.Id == id
                           select new { Listing = l, Patent = p, r.CityCode }).SingleOrDefaultAsync(cancellationToken);
        if (found is null || !scope.Covers(found.CityCode))
        {
            // Outside the reviewer's city reads the same as not existing: no hint that the record is there.
            return CommandResult.NotFound(T.ListingReview_NotFound);
        }

        return await VersionedChange.SaveAsync(db, found.Listing, version, l => decide(l, found.Patent, timeProvider.GetUtcNow()), cancellationToken);
    }

    /// <summary>The price as the patent page words it, and whether SMEs get the licence free.</summary>
    private static string PriceSummary(PriceKind kind, decimal? lumpSum, decimal? royaltyPercent, decimal? entryFee, bool freeForSmes)
    {
        var price = ListingTermsView.Price(new ListingTerms([], kind, lumpSum, royaltyPercent, entryFee, freeForSmes, PayLater: false,
            TrialMonths: null, TechnicalService: false, OpenLicence: false, HasEvaluationReport: false, CoOwnersConsent: false, Description: null));
        return freeForSmes ? $"{price} · {T.Listing_FreeForSmes}" : price;
    }
}
