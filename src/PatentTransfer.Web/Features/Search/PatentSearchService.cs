using Microsoft.EntityFrameworkCore;
using PatentTransfer.Domain.Listings;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Domain.Patents;
using PatentTransfer.Infrastructure.Data;
using PatentTransfer.Matching.Search;
using PatentTransfer.Web.Localization;

namespace PatentTransfer.Web.Features.Search;

/// <summary>One row of the result list: the index's highlighted texts with the facts read fresh from the database.</summary>
public sealed record PatentSearchRow(
    Guid Id,
    string TitleHighlighted,
    string SnippetHighlighted,
    string ApplicationNumber,
    PatentType Type,
    LegalStatus Status,
    DateOnly? GrantDate,
    string HolderName,
    OrganisationType HolderType,
    string HolderRegionCode,
    string? IndustryCode,
    bool IsSleeping,
    ListingTerms? PublishedTerms,
    bool IsDemo);

public sealed record PatentSearchResults(int Total, IReadOnlyList<PatentSearchRow> Rows);

/// <summary>
/// The catalogue search: the Lucene index ranks and filters (and is open to anonymous visitors: everything in
/// it is public), then the rows of the page are read from the database so what is shown is never staler than
/// the index.
/// </summary>
public sealed class PatentSearchService(
    PatentSearchIndex index,
    PatentIndexer indexer,
    IDbContextFactory<PortalDbContext> contextFactory,
    SleepingPatentRule sleepingRule,
    TimeProvider timeProvider)
{
    /// <summary>How long a search waits for the first index build before answering from what is there.</summary>
    private static readonly TimeSpan ReadyWait = TimeSpan.FromSeconds(30);

    public async Task<PatentSearchResults> SearchAsync(PatentSearchQuery query, CancellationToken cancellationToken)
    {
        await indexer.Ready.WaitAsync(ReadyWait, cancellationToken).ConfigureAwait(false);
        var result = index.Search(query);
        return new PatentSearchResults(result.Total, await RowsAsync(result.Hits, cancellationToken));
    }

    /// <summary>Patents whose texts resemble this one's most (its own excluded), best first.</summary>
    public async Task<IReadOnlyList<PatentSearchRow>> SimilarAsync(Guid id, int take, CancellationToken cancellationToken)
    {
        await indexer.Ready.WaitAsync(ReadyWait, cancellationToken).ConfigureAwait(false);
        return await RowsAsync(index.FindSimilar(id, take), cancellationToken);
    }

    private async Task<IReadOnlyList<PatentSearchRow>> RowsAsync(IReadOnlyList<PatentHit> hits, CancellationToken cancellationToken)
    {
        if (hits.Count == 0)
        {
            return [];
        }

        var ids = hits.Select(h => h.Id).ToArray();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (from p in db.Patents.AsNoTracking()
                          where ids.Contains(p.Id)
                          join o in db.Organisations.AsNoTracking() on p.HolderOrganisationId equals o.Id
                          join l in db.Listings.AsNoTracking().Where(l => l.Status == ListingStatus.Published) on p.Id equals l.PatentId into listings
                          from l in listings.DefaultIfEmpty()
                          select new
                          {
                              p.Id, p.ApplicationNumber, PatentType = p.Type, p.Status, p.LastDayOfProtection, p.GrantDate, p.LegalEvents, p.IndustryCode, p.IsDemo,
                              o.Name, HolderType = o.Type, o.RegionCode, Listing = l,
                          })
            .ToDictionaryAsync(x => x.Id, cancellationToken);

        var today = PortalTime.Today(timeProvider);
        var page = new List<PatentSearchRow>(hits.Count);
        foreach (var hit in hits)
        {
            // A patent removed after the index answered simply drops out of this page.
            if (!rows.TryGetValue(hit.Id, out var x))
            {
                continue;
            }

            var status = x.Status == LegalStatus.Valid && today > x.LastDayOfProtection ? LegalStatus.Expired : x.Status;
            var sleeping = sleepingRule.Assess(status, x.GrantDate, x.LegalEvents, x.HolderType, today).IsSleeping;
            page.Add(new PatentSearchRow(hit.Id, hit.TitleHighlighted, hit.SnippetHighlighted, x.ApplicationNumber, x.PatentType, status, x.GrantDate, x.Name,
                x.HolderType, x.RegionCode, x.IndustryCode, sleeping, x.Listing?.CurrentTerms, x.IsDemo));
        }

        return page;
    }
}
