using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PatentTransfer.Domain.Demands;
using PatentTransfer.Domain.Identity;
using PatentTransfer.Domain.Listings;
using PatentTransfer.Domain.Patents;
using PatentTransfer.Infrastructure.Data;
using PatentTransfer.Matching.Recommend;
using PatentTransfer.Matching.Search;
using PatentTransfer.Web.Features.DemandHall;
using PatentTransfer.Web.Features.Search;
using PatentTransfer.Web.Infrastructure;
using PatentTransfer.Web.Localization;

namespace PatentTransfer.Web.Features.Matching;

/// <summary>
/// Demands a patent could answer, for its holder (decision 0017, "Demands for a patent"): the matching index of listed
/// demands ranks them for the patent as the search feed describes it today, by the same published criteria as the
/// forward direction; what each row shows is read from the database afterwards and checked again (still listed, level
/// still visible to this viewer), and disclosed as the demand hall discloses it (<see cref="DemandHallViewer"/>): the SME
/// named only for a public demand, platform-only demands only to verified holders. Only users of the organisation that
/// holds the patent get an answer; everyone else — other holders, SMEs, staff, anonymous visitors — gets null, as for an
/// unknown patent.
/// </summary>
public sealed class DemandMatchService(
    IDbContextFactory<PortalDbContext> contextFactory,
    DemandMatchIndex index,
    DemandMatchIndexer indexer,
    PatentIndexFeed patents,
    MatchWeights weights,
    TimeProvider timeProvider)
{
    /// <summary>How many demands a patent is shown.</summary>
    public const int Count = 10;

    /// <summary>
    /// How many the index is asked for: some of its best may drop out (a level this viewer may not see, the holder's own
    /// demand, closed a moment ago), and the list should still be full.
    /// </summary>
    private const int Depth = 3 * Count;

    /// <summary>How long a request waits for the first index build before answering from what is there.</summary>
    private static readonly TimeSpan ReadyWait = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The demands matched with the patent, best first, for a user of the organisation that holds it; null for anyone else
    /// and for a patent that does not exist. Empty unless the patent is valid today.
    /// </summary>
    public async Task<PatentDemandMatches?> ForPatentAsync(ClaimsPrincipal user, Guid patentId, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.PatentHolder) || user.OrganisationIdOf() is not { } holderId)
        {
            return null;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var patent = await db.Patents.AsNoTracking()
            .Where(p => p.Id == patentId && p.HolderOrganisationId == holderId)
            .Select(p => new { p.Status, p.LastDayOfProtection, Listed = db.Listings.Any(l => l.PatentId == p.Id && l.Status == ListingStatus.Published) })
            .SingleOrDefaultAsync(cancellationToken);
        if (patent is null)
        {
            return null;
        }

        var viewer = await DemandHallViewer.OfAsync(db, user, cancellationToken);
        var block = !viewer.IsVerifiedHolder ? PatentProposalBlock.HolderNotVerified
            : !patent.Listed ? PatentProposalBlock.PatentNotListed
            : PatentProposalBlock.None;
        var today = PortalTime.Today(timeProvider);
        if (patent.Status != LegalStatus.Valid || today > patent.LastDayOfProtection)
        {
            return new PatentDemandMatches(PatentMatchAvailability.PatentNotValid, block, []);
        }

        // The patent as the search and matching indexes describe it today (texts, classes, listing terms, holder's city).
        PatentDocument? document = null;
        await foreach (var found in patents.ByIdsAsync([patentId], today, cancellationToken))
        {
            document = found;
        }

        if (document is null)
        {
            return new PatentDemandMatches(PatentMatchAvailability.PatentNotValid, block, []);
        }

        // Waits for the first build rather than answer from an empty index; after that the index is never waited for.
        await indexer.Ready.WaitAsync(ReadyWait, cancellationToken).ConfigureAwait(false);
        var ranked = index.Recommend(document, Depth, today);
        var rows = await RowsAsync(db, ranked, viewer, holderId, today, cancellationToken);
        return new PatentDemandMatches(PatentMatchAvailability.Available, block, rows);
    }

    /// <summary>
    /// The ranked demands as the tab shows them, read from the database as the hall reads its rows: only the columns a
    /// row shows — no contact, the SME's name only of a public demand. A demand no longer listed, of a level this viewer
    /// may not see, or of the holder's own organisation drops out; ranks count what is shown.
    /// </summary>
    private async Task<IReadOnlyList<MatchedDemand>> RowsAsync(
        PortalDbContext db, IReadOnlyList<DemandRecommendation> ranked, DemandHallViewer viewer, Guid holderId, DateOnly today,
        CancellationToken cancellationToken)
    {
        if (ranked.Count == 0)
        {
            return [];
        }

        var ids = ranked.Select(r => r.DemandId).ToArray();
        var rows = await (from d in db.Demands.AsNoTracking().Where(DemandHallListing.Listed(today))
                          where ids.Contains(d.Id)
                          join o in db.Organisations.AsNoTracking() on d.SmeOrganisationId equals o.Id
                          join r in db.Regions.AsNoTracking() on o.RegionCode equals r.Code into regions
                          from r in regions.DefaultIfEmpty()
                          select new
                          {
                              d.Id, d.Title, d.Type, d.IpcHint, d.Modes, d.PaymentPreferences, d.BudgetNegotiable, d.BudgetMinWan, d.BudgetMaxWan,
                              d.ValidUntil, d.Confidentiality, d.IsDemo, d.SmeOrganisationId,
                              SmeName = d.Confidentiality == DemandConfidentiality.Public ? o.Name : null,
                              o.Size,
                              CityCode = r == null ? null : r.CityCode,
                          })
            .ToDictionaryAsync(x => x.Id, cancellationToken);
        var pending = (await db.DemandProposals.AsNoTracking()
                .Where(p => p.HolderOrganisationId == holderId && p.Status == ProposalStatus.Pending && ids.Contains(p.DemandId))
                .Select(p => p.DemandId)
                .ToListAsync(cancellationToken))
            .ToHashSet();

        var result = new List<MatchedDemand>(Count);
        foreach (var match in ranked)
        {
            if (!rows.TryGetValue(match.DemandId, out var x) || !viewer.MaySee(x.Confidentiality) || x.SmeOrganisationId == holderId)
            {
                continue;
            }

            // The wording of a factor reads the SME's field and city only (MatchExplanation.Explain); the texts are not needed.
            var demand = new DemandProfile(x.Title, "") { IpcHints = x.IpcHint is { Length: > 0 } ipc ? [ipc] : [], CityCode = x.CityCode };
            var factors = match.Factors
                .Where(f => f.Contribution != 0)
                .Select(f => MatchExplanation.Explain(f, demand, weights, match.MatchedTerms.Count))
                .ToList();
            result.Add(new MatchedDemand(
                x.Id, result.Count + 1, x.Title, x.Type, new DemandHallSme(x.Confidentiality.DisclosesSme() ? x.SmeName : null, x.CityCode, x.Size),
                new DemandBudget(x.BudgetNegotiable, x.BudgetMinWan, x.BudgetMaxWan), x.Modes, x.PaymentPreferences, x.ValidUntil, x.Confidentiality,
                x.IsDemo, match.Score, match.MatchedTerms, factors, pending.Contains(x.Id)));
            if (result.Count == Count)
            {
                break;
            }
        }

        return result;
    }
}
