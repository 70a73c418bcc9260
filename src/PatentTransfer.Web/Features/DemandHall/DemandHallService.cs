using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PatentTransfer.Domain.Demands;
using PatentTransfer.Infrastructure.Data;
using PatentTransfer.Matching.Demands;
using PatentTransfer.Web.Features.Demands;
using PatentTransfer.Web.Features.Patents;
using PatentTransfer.Web.Infrastructure;
using PatentTransfer.Web.Localization;

namespace PatentTransfer.Web.Features.DemandHall;

/// <summary>
/// The demand hall: published technology demands, searched and filtered through the demand index and shown as each
/// demand's confidentiality allows for the viewer (docs/decisions/0013-demand-hall.md). The index ranks and filters
/// by the levels the viewer may see; what is shown is read from the database afterwards and checked again (still
/// published, still valid, still visible), so the index — a second behind at most — never decides what is disclosed.
/// Open to anonymous visitors.
/// </summary>
public sealed class DemandHallService(
    DemandSearchIndex index,
    DemandIndexer indexer,
    IDbContextFactory<PortalDbContext> contextFactory,
    TimeProvider timeProvider)
{
    /// <summary>How long a search waits for the first index build before answering from what is there.</summary>
    private static readonly TimeSpan ReadyWait = TimeSpan.FromSeconds(30);

    /// <summary>Stands in for the contact inside <see cref="DemandHallDetail.Content"/>, which must not carry it.</summary>
    private static readonly DemandContact Withheld = new("", "", null);

    public async Task<DemandHallResults> SearchAsync(ClaimsPrincipal user, DemandHallQuery query, CancellationToken cancellationToken)
    {
        await indexer.Ready.WaitAsync(ReadyWait, cancellationToken).ConfigureAwait(false);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var viewer = await DemandHallViewer.OfAsync(db, user, cancellationToken);
        var today = PortalTime.Today(timeProvider);
        var result = index.Search(ToIndexQuery(query, viewer, today));
        return new DemandHallResults(result.Total, await RowsAsync(db, result.Hits, viewer, today, cancellationToken));
    }

    /// <summary>
    /// The demand as this viewer may see it, or null when it is not listed in the hall (not published, past its last
    /// day) or its confidentiality keeps it from this viewer: the page says "not found" for all of these alike.
    /// </summary>
    public async Task<DemandHallDetail?> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var today = PortalTime.Today(timeProvider);
        var found = await (from d in db.Demands.AsNoTracking().Where(DemandHallListing.Listed(today))
                           where d.Id == id
                           join o in db.Organisations.AsNoTracking() on d.SmeOrganisationId equals o.Id
                           join r in db.Regions.AsNoTracking() on o.RegionCode equals r.Code into regions
                           from r in regions.DefaultIfEmpty()
                           select new { Demand = d, o.Name, o.Size, CityCode = r == null ? null : r.CityCode })
            .SingleOrDefaultAsync(cancellationToken);
        var viewer = await DemandHallViewer.OfAsync(db, user, cancellationToken);
        if (found is null || !viewer.MaySee(found.Demand.Confidentiality))
        {
            return null;
        }

        var demand = found.Demand;
        var confidentiality = demand.Confidentiality;
        var ipc = demand.IpcHint is { } hint
            ? new IpcView(hint, await db.IpcEntries.AsNoTracking().Where(e => e.Code == hint).Select(e => e.Title).SingleOrDefaultAsync(cancellationToken))
            : null;
        var contact = viewer.SeesContactOf(confidentiality) ? new DemandContact(demand.ContactName, demand.ContactPhone, demand.ContactEmail) : null;
        var contactAccess = contact is not null ? DemandHallContactAccess.Shown
            : !confidentiality.DisclosesSme() ? DemandHallContactAccess.ThroughPlatform
            : viewer.SignedIn ? DemandHallContactAccess.VerifiedOnly
            : DemandHallContactAccess.SignInFirst;
        return new DemandHallDetail(
            demand.Id,
            demand.CurrentDetails with { Contact = Withheld },
            ipc,
            DemandHallListing.PublishedOn(demand.PublishedAt, demand.UpdatedAt),
            new DemandHallSme(confidentiality.DisclosesSme() ? found.Name : null, found.CityCode, found.Size),
            contact,
            contactAccess,
            demand.IsDemo,
            demand.Source,
            ViewerIsOwner: DemandAccess.IsSmeMember(user, demand.SmeOrganisationId),
            ViewerReviews: DemandAccess.StaffMaySee(StaffScope.From(user), demand, found.CityCode),
            ViewerMayPropose: viewer.IsVerifiedHolder);
    }

    /// <summary>The index's question for this page's search and viewer; what the page typed is taken leniently.</summary>
    internal static DemandSearchQuery ToIndexQuery(DemandHallQuery query, DemandHallViewer viewer, DateOnly today)
    {
        var min = query.BudgetMin is >= 0 ? query.BudgetMin : null;
        var max = query.BudgetMax is >= 0 ? query.BudgetMax : null;
        if (min > max)
        {
            // "100 to 20" means 20 to 100: the visitor swapped the fields, the search should not come back empty.
            (min, max) = (max, min);
        }

        return new DemandSearchQuery(
            VisibleConfidentiality: [.. viewer.VisibleLevels.Select(level => level.ToString())],
            Text: query.Text,
            IndustryCodes: string.IsNullOrWhiteSpace(query.IndustryCode) ? null : [query.IndustryCode.Trim()],
            CityCode: string.IsNullOrWhiteSpace(query.CityCode) ? null : query.CityCode.Trim(),
            Type: query.Type?.ToString(),
            Modes: query.Mode is { } mode ? [mode.ToString()] : null,
            PaymentPreferences: query.Payment is { } payment ? [payment.ToString()] : null,
            Budget: min is null && max is null ? null : new DemandBudgetFilter(min, max, query.IncludeNegotiable),
            ValidOn: today,
            Sort: Enum.IsDefined(query.Sort) ? query.Sort : DemandSort.Relevance,
            Page: Math.Clamp(query.Page, 1, DemandHallQuery.MaxPage),
            PageSize: Math.Clamp(query.PageSize, 1, DemandHallQuery.MaxPageSize));
    }

    private static async Task<IReadOnlyList<DemandHallRow>> RowsAsync(
        PortalDbContext db, IReadOnlyList<DemandHit> hits, DemandHallViewer viewer, DateOnly today, CancellationToken cancellationToken)
    {
        if (hits.Count == 0)
        {
            return [];
        }

        var ids = hits.Select(h => h.Id).ToArray();

        // Only the columns a row shows: no contact, and the SME's name only of public demands, so that what an
        // anonymised demand hides never leaves the database for this page.
        var rows = await (from d in db.Demands.AsNoTracking().Where(DemandHallListing.Listed(today))
                          where ids.Contains(d.Id)
                          join o in db.Organisations.AsNoTracking() on d.SmeOrganisationId equals o.Id
                          join r in db.Regions.AsNoTracking() on o.RegionCode equals r.Code into regions
                          from r in regions.DefaultIfEmpty()
                          select new
                          {
                              d.Id, d.Type, d.IndustryCode, d.Modes, d.PaymentPreferences, d.BudgetNegotiable, d.BudgetMinWan, d.BudgetMaxWan,
                              d.ValidUntil, d.PublishedAt, d.UpdatedAt, d.Confidentiality, d.IsDemo,
                              SmeName = d.Confidentiality == DemandConfidentiality.Public ? o.Name : null,
                              o.Size,
                              CityCode = r == null ? null : r.CityCode,
                          })
            .ToDictionaryAsync(x => x.Id, cancellationToken);

        var page = new List<DemandHallRow>(hits.Count);
        foreach (var hit in hits)
        {
            // Closed, expired or changed since the index answered: it simply drops out of this page.
            if (!rows.TryGetValue(hit.Id, out var x) || !viewer.MaySee(x.Confidentiality))
            {
                continue;
            }

            page.Add(new DemandHallRow(
                hit.Id, hit.TitleHighlighted, hit.SnippetHighlighted, x.Type, x.IndustryCode, x.Modes, x.PaymentPreferences,
                new DemandBudget(x.BudgetNegotiable, x.BudgetMinWan, x.BudgetMaxWan), x.ValidUntil, DemandHallListing.PublishedOn(x.PublishedAt, x.UpdatedAt),
                x.Confidentiality, new DemandHallSme(x.Confidentiality.DisclosesSme() ? x.SmeName : null, x.CityCode, x.Size), x.IsDemo));
        }

        return page;
    }
}
