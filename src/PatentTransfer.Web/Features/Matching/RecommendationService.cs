using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PatentTransfer.Domain.Demands;
using PatentTransfer.Domain.Identity;
using PatentTransfer.Domain.Listings;
using PatentTransfer.Domain.Patents;
using PatentTransfer.Infrastructure.Data;
using PatentTransfer.Matching.Recommend;
using PatentTransfer.Web.Features.Demands;
using PatentTransfer.Web.Infrastructure;
using PatentTransfer.Web.Localization;
using T = PatentTransfer.Web.Localization.SharedResource;

namespace PatentTransfer.Web.Features.Matching;

/// <summary>
/// Recommended patents for an SME's published demand (issue 6, decision 0017): the matching index ranks valid
/// patents by the published criteria, the patents dismissed for the demand left out; what each row shows is read from
/// the database. Who sees a demand's recommendations is who sees the demand (<see cref="DemandAccess"/>): its SME's
/// users, staff of its city, provincial staff and administrators; holders never do. Only the SME's users dismiss a
/// recommendation (with a reason) or ask its holder to negotiate. Holders see the reasons counted per patent, never
/// by whom or for which demand. Every method checks who is asking itself; the pages are not the only guard.
/// </summary>
public sealed class RecommendationService(
    IDbContextFactory<PortalDbContext> contextFactory,
    PatentMatchIndex index,
    PatentMatchIndexer indexer,
    MatchWeights weights,
    SleepingPatentRule sleepingRule,
    TimeProvider timeProvider)
{
    /// <summary>How many patents a demand is recommended.</summary>
    public const int Count = 20;

    /// <summary>How long a request waits for the first index build before answering from what is there.</summary>
    private static readonly TimeSpan ReadyWait = TimeSpan.FromSeconds(30);

    // Enough of an untitled patent's abstract for its display title.
    private const int AbstractOpeningLength = 200;

    /// <summary>
    /// The demand's recommendations, best first, for a user who may see the demand; null for anyone else (also when the
    /// demand does not exist). Empty unless the demand is published and within its validity.
    /// </summary>
    public async Task<DemandRecommendations?> ForDemandAsync(ClaimsPrincipal user, Guid demandId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var found = await DemandAccess.FindAsync(db, demandId, tracked: false, cancellationToken);
        if (found is null || !DemandAccess.MaySee(user, found))
        {
            return null;
        }

        var demand = found.Demand;
        var today = PortalTime.Today(timeProvider);
        var availability = AvailabilityOf(demand, today);
        var dismissed = await db.RecommendationDismissals.AsNoTracking()
            .Where(d => d.DemandId == demandId).Select(d => d.PatentId).ToListAsync(cancellationToken);
        if (availability != RecommendationAvailability.Available)
        {
            return new DemandRecommendations(availability, false, [], dismissed.Count);
        }

        // Searches wait for the first build rather than answer from an empty index; after that the index is never waited for.
        await indexer.Ready.WaitAsync(ReadyWait, cancellationToken).ConfigureAwait(false);
        var profile = DemandProfiles.Of(demand, found.CityCode);
        var ranked = index.Recommend(profile, Count, today, dismissed.ToHashSet());
        var rows = await RowsAsync(db, demand, profile, ranked, today, cancellationToken);
        return new DemandRecommendations(availability, DemandAccess.IsSmeMember(user, demand.SmeOrganisationId), rows, dismissed.Count);
    }

    /// <summary>
    /// The SME sets a recommended patent aside for this demand with a reason ("other" needs a note). It leaves the
    /// demand's recommendations at once; dismissing it again changes nothing.
    /// </summary>
    public async Task<CommandResult> DismissAsync(
        ClaimsPrincipal user, Guid demandId, Guid patentId, DismissalReason? reason, string? note, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await ActionableAsync(db, user, demandId, cancellationToken) is not { } demand)
        {
            return CommandResult.NotFound(T.Demand_NotFound);
        }

        if (AvailabilityOf(demand, PortalTime.Today(timeProvider)) != RecommendationAvailability.Available)
        {
            return CommandResult.Invalid(T.Recommendation_DemandNotOpen);
        }

        if (RecommendationDismissal.ReasonError(reason, note) is { } code)
        {
            return CommandResult.Invalid(Texts.Rule(code));
        }

        if (!await db.Patents.AnyAsync(p => p.Id == patentId, cancellationToken))
        {
            return CommandResult.NotFound(T.Recommendation_PatentNotFound);
        }

        if (await db.RecommendationDismissals.AnyAsync(d => d.DemandId == demandId && d.PatentId == patentId, cancellationToken))
        {
            return CommandResult.Ok;
        }

        db.RecommendationDismissals.Add(new RecommendationDismissal(
            demandId, patentId, demand.SmeOrganisationId, reason!.Value, note, user.UserId()!.Value, timeProvider.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            // A colleague, or another tab, dismissed it at the same moment: it is dismissed, which is what was asked.
        }

        return CommandResult.Ok;
    }

    /// <summary>
    /// The SME asks the holder of a (recommended) valid patent to negotiate about it for this demand: a deal request both
    /// sides see. While one is open for the demand and patent (from this or from an accepted proposal), that one is
    /// returned and nothing new is recorded.
    /// </summary>
    public async Task<(CommandResult Result, Guid? DealRequestId)> RequestAsync(
        ClaimsPrincipal user, Guid demandId, Guid patentId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await ActionableAsync(db, user, demandId, cancellationToken) is not { } demand)
        {
            return (CommandResult.NotFound(T.Demand_NotFound), null);
        }

        var today = PortalTime.Today(timeProvider);
        if (AvailabilityOf(demand, today) != RecommendationAvailability.Available)
        {
            return (CommandResult.Invalid(T.Recommendation_DemandNotOpen), null);
        }

        var patent = await db.Patents.AsNoTracking()
            .Where(p => p.Id == patentId)
            .Select(p => new { p.HolderOrganisationId, p.Status, p.LastDayOfProtection })
            .SingleOrDefaultAsync(cancellationToken);
        if (patent is null)
        {
            return (CommandResult.NotFound(T.Recommendation_PatentNotFound), null);
        }

        if (patent.Status != LegalStatus.Valid || today > patent.LastDayOfProtection)
        {
            return (CommandResult.Invalid(T.Recommendation_PatentNotValid), null);
        }

        if (patent.HolderOrganisationId == demand.SmeOrganisationId)
        {
            return (CommandResult.Invalid(T.Recommendation_OwnPatent), null);
        }

        if (await OpenRequestAsync(db, demand, patentId, cancellationToken) is { } existing)
        {
            return (CommandResult.Ok, existing);
        }

        var request = DealRequest.FromRecommendation(
            demandId, demand.SmeOrganisationId, patent.HolderOrganisationId, patentId, user.UserId()!.Value, timeProvider.GetUtcNow());
        db.DealRequests.Add(request);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (CommandResult.Ok, request.Id);
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            // Two clicks at once: the partial unique index let the other one through; that is the request.
            await using var again = await contextFactory.CreateDbContextAsync(cancellationToken);
            return (CommandResult.Ok, await OpenRequestAsync(again, demand, patentId, cancellationToken));
        }
    }

    /// <summary>
    /// For a patent holder: how often SMEs dismissed each of its patents, by reason, and the totals. Only counts leave
    /// the database — not the SME, the demand, the date or the note — so no row can point to who dismissed it.
    /// </summary>
    public async Task<HolderRecommendationFeedback?> FeedbackForHolderAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.PatentHolder) || user.OrganisationIdOf() is not { } holderId)
        {
            return null;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var counts = await (from d in db.RecommendationDismissals.AsNoTracking()
                            join p in db.Patents on d.PatentId equals p.Id
                            where p.HolderOrganisationId == holderId
                            group d by new { d.PatentId, d.Reason } into g
                            select new { g.Key.PatentId, g.Key.Reason, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var ids = counts.Select(c => c.PatentId).Distinct().ToArray();
        var patents = (await db.Patents.AsNoTracking()
                .Where(p => ids.Contains(p.Id))
                .Select(p => new { p.Id, p.ApplicationNumber, p.Title, Opening = p.Title == null ? p.Abstract.Substring(0, AbstractOpeningLength) : "" })
                .ToListAsync(cancellationToken))
            .ToDictionary(p => p.Id);
        var rows = counts
            .GroupBy(c => c.PatentId)
            .Select(g => new PatentDismissalFeedback(
                g.Key, patents[g.Key].ApplicationNumber, Patent.DisplayTitleOf(patents[g.Key].Title, patents[g.Key].Opening),
                g.ToDictionary(c => c.Reason, c => c.Count)))
            .OrderByDescending(r => r.Total)
            .ThenBy(r => r.ApplicationNumber, StringComparer.Ordinal)
            .ToList();
        var totals = counts.GroupBy(c => c.Reason).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        return new HolderRecommendationFeedback(rows, totals);
    }

    /// <summary>Published and within its validity: only such a demand is matched (and its recommendations acted on).</summary>
    public static RecommendationAvailability AvailabilityOf(Demand demand, DateOnly today) => demand.Status switch
    {
        DemandStatus.Published when !demand.IsExpired(today) => RecommendationAvailability.Available,
        DemandStatus.Published or DemandStatus.Expired => RecommendationAvailability.Expired,
        DemandStatus.Closed => RecommendationAvailability.Closed,
        _ => RecommendationAvailability.NotPublished,
    };

    /// <summary>The demand, when the user is one of its SME's users (the only ones who act on recommendations).</summary>
    private static async Task<Demand?> ActionableAsync(PortalDbContext db, ClaimsPrincipal user, Guid demandId, CancellationToken cancellationToken)
    {
        if (user.UserId() is null || !user.IsInRole(Roles.SmeUser))
        {
            return null;
        }

        var demand = await db.Demands.AsNoTracking().SingleOrDefaultAsync(d => d.Id == demandId, cancellationToken);
        return demand is not null && DemandAccess.IsSmeMember(user, demand.SmeOrganisationId) ? demand : null;
    }

    private static Task<Guid?> OpenRequestAsync(PortalDbContext db, Demand demand, Guid patentId, CancellationToken cancellationToken) =>
        db.DealRequests.AsNoTracking()
            .Where(r => r.DemandId == demand.Id && r.SmeOrganisationId == demand.SmeOrganisationId && r.Status == DealRequestStatus.Open
                        && r.PatentIds.Contains(patentId))
            .OrderBy(r => r.CreatedAt)
            .Select(r => (Guid?)r.Id)
            .FirstOrDefaultAsync(cancellationToken);

    private static bool IsUniqueViolation(DbUpdateException ex) =>
        ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation };

    /// <summary>
    /// The ranked patents as the page shows them, read from the database. A patent that is no longer valid (the index
    /// may lag a poll behind) drops out; ranks count what is shown.
    /// </summary>
    private async Task<IReadOnlyList<RecommendedPatent>> RowsAsync(
        PortalDbContext db, Demand demand, DemandProfile profile, IReadOnlyList<PatentRecommendation> ranked, DateOnly today,
        CancellationToken cancellationToken)
    {
        if (ranked.Count == 0)
        {
            return [];
        }

        var ids = ranked.Select(r => r.PatentId).ToArray();
        var rows = await (from p in db.Patents.AsNoTracking()
                          where ids.Contains(p.Id)
                          join o in db.Organisations.AsNoTracking() on p.HolderOrganisationId equals o.Id
                          join l in db.Listings.AsNoTracking().Where(l => l.Status == ListingStatus.Published) on p.Id equals l.PatentId into listings
                          from l in listings.DefaultIfEmpty()
                          select new
                          {
                              p.Id, p.ApplicationNumber, p.Title, Opening = p.Title == null ? p.Abstract.Substring(0, AbstractOpeningLength) : "",
                              p.Type, p.Status, p.LastDayOfProtection, p.GrantDate, p.LegalEvents, p.IsDemo,
                              HolderName = o.Name, HolderType = o.Type, o.RegionCode, Listing = l,
                          })
            .ToDictionaryAsync(x => x.Id, cancellationToken);
        var requests = await db.DealRequests.AsNoTracking()
            .Where(r => r.DemandId == demand.Id && r.SmeOrganisationId == demand.SmeOrganisationId && r.Status == DealRequestStatus.Open)
            .OrderBy(r => r.CreatedAt)
            .Select(r => new { r.Id, r.PatentIds })
            .ToListAsync(cancellationToken);

        var result = new List<RecommendedPatent>(ranked.Count);
        foreach (var recommendation in ranked)
        {
            if (!rows.TryGetValue(recommendation.PatentId, out var x))
            {
                continue;
            }

            var status = x.Status == LegalStatus.Valid && today > x.LastDayOfProtection ? LegalStatus.Expired : x.Status;
            if (status != LegalStatus.Valid)
            {
                continue;
            }

            var factors = recommendation.Factors
                .Where(f => f.Contribution != 0)
                .Select(f => MatchExplanation.Explain(f, profile, weights, recommendation.MatchedTerms.Count))
                .ToList();
            result.Add(new RecommendedPatent(
                x.Id, result.Count + 1, x.ApplicationNumber, Patent.DisplayTitleOf(x.Title, x.Opening), x.Type, x.HolderName, x.RegionCode,
                sleepingRule.Assess(status, x.GrantDate, x.LegalEvents, x.HolderType, today).IsSleeping,
                x.Listing?.CurrentTerms, x.IsDemo, recommendation.Score, recommendation.MatchedTerms, factors,
                requests.FirstOrDefault(r => r.PatentIds.Contains(x.Id))?.Id));
        }

        return result;
    }
}
