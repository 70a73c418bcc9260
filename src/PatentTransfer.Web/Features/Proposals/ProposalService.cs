using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PatentTransfer.Domain.Common;
using PatentTransfer.Domain.Demands;
using PatentTransfer.Domain.Identity;
using PatentTransfer.Domain.Listings;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Domain.Patents;
using PatentTransfer.Infrastructure.Data;
using PatentTransfer.Web.Features.Demands;
using PatentTransfer.Web.Infrastructure;
using PatentTransfer.Web.Localization;
using T = PatentTransfer.Web.Localization.SharedResource;

namespace PatentTransfer.Web.Features.Proposals;

/// <summary>
/// Holders answering demands (issue 4): a verified holder proposes some of its patents with a published listing for
/// a published demand; the SME accepts a proposal into a deal request or declines it with a reason; the holder may
/// withdraw it while it waits. Who sees a proposal: the SME that owns the demand, the proposing holder, and staff
/// who may see the demand. Every method checks that itself; the pages are not the only guard.
/// </summary>
public sealed class ProposalService(IDbContextFactory<PortalDbContext> contextFactory, TimeProvider timeProvider)
{
    /// <summary>Suggestions of the holder's patents with a published listing, by number or title.</summary>
    public const int SuggestionCount = 20;

    // Enough of an untitled patent's abstract for its display title.
    private const int AbstractOpeningLength = 200;

    /// <summary>What the user may do about proposing on this demand; null when the demand is not open to proposals for anyone.</summary>
    public async Task<ProposalContext?> ContextAsync(ClaimsPrincipal user, Guid demandId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var demand = await db.Demands.AsNoTracking().SingleOrDefaultAsync(d => d.Id == demandId, cancellationToken);
        if (demand is null || !IsOpen(demand))
        {
            return null;
        }

        if (!user.IsInRole(Roles.PatentHolder) || user.OrganisationIdOf() is not { } holderId)
        {
            return new ProposalContext(false, T.Proposal_HoldersOnly, null, 0);
        }

        if (!await IsVerifiedAsync(db, holderId, cancellationToken))
        {
            return new ProposalContext(false, Texts.Rule("Proposal_HolderNotVerified"), null, 0);
        }

        var pending = (await RowsAsync(db, db.DemandProposals.Where(p => p.DemandId == demandId && p.HolderOrganisationId == holderId && p.Status == ProposalStatus.Pending),
            cancellationToken)).SingleOrDefault();
        var published = await PublishedPatentsOf(db, holderId).CountAsync(cancellationToken);
        return pending is not null ? new ProposalContext(false, T.Proposal_AlreadyPending, pending, published)
            : published == 0 ? new ProposalContext(false, T.Proposal_NoPublishedPatents, null, 0)
            : new ProposalContext(true, null, null, published);
    }

    /// <summary>The holder's patents with a published listing matching <paramref name="search"/> (number or title words).</summary>
    public async Task<IReadOnlyList<ProposedPatent>> SuggestPatentsAsync(ClaimsPrincipal user, string? search, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.PatentHolder) || user.OrganisationIdOf() is not { } holderId)
        {
            return [];
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var patents = PublishedPatentsOf(db, holderId);
        if (Text.NormaliseInput(search) is { Length: > 0 } text)
        {
            var pattern = SqlLike.Contains(text);
            patents = ApplicationNumber.TryParse(text, out var number, out _)
                ? patents.Where(p => p.ApplicationNumber == number.Value)
                : patents.Where(p => EF.Functions.ILike(p.Title!, pattern, SqlLike.EscapeCharacter)
                                     || EF.Functions.ILike(p.ApplicationNumber, pattern, SqlLike.EscapeCharacter));
        }

        return await ProposedAsync(patents.OrderByDescending(p => p.GrantDate).ThenBy(p => p.ApplicationNumber).Take(SuggestionCount), cancellationToken);
    }

    /// <summary>
    /// One of the holder's patents with a published listing, as a proposal shows it; null for any other patent. The
    /// demands matched with a patent link to a demand's page with the patent chosen (decision 0017).
    /// </summary>
    public async Task<ProposedPatent?> OfferedPatentAsync(ClaimsPrincipal user, Guid patentId, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.PatentHolder) || user.OrganisationIdOf() is not { } holderId)
        {
            return null;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return (await ProposedAsync(PublishedPatentsOf(db, holderId).Where(p => p.Id == patentId), cancellationToken)).SingleOrDefault();
    }

    /// <summary>
    /// Proposes the chosen patents for the demand. The demand must be published and still valid, the holder verified,
    /// and every patent the holder's own with a published listing; a holder has one pending proposal per demand.
    /// </summary>
    public async Task<(CommandResult Result, FieldErrors Errors)> ProposeAsync(
        ClaimsPrincipal user, Guid demandId, ProposalInput input, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.PatentHolder) || user.OrganisationIdOf() is not { } holderId || user.UserId() is not { } userId)
        {
            return (CommandResult.Forbidden(T.Proposal_HoldersOnly), FieldErrors.None);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var demand = await db.Demands.AsNoTracking().SingleOrDefaultAsync(d => d.Id == demandId, cancellationToken);
        if (demand is null || !IsOpen(demand))
        {
            return (CommandResult.NotFound(T.Demand_NotFound), FieldErrors.None);
        }

        if (!await IsVerifiedAsync(db, holderId, cancellationToken))
        {
            return (CommandResult.Forbidden(Texts.Rule("Proposal_HolderNotVerified")), FieldErrors.None);
        }

        var errors = new Dictionary<string, string>();
        var chosen = input.PatentIds.Distinct().ToArray();
        if (chosen.Length == 0)
        {
            errors[nameof(ProposalInput.PatentIds)] = Texts.Rule("Proposal_PatentRequired");
        }
        else if (chosen.Length > DemandProposal.MaxPatents)
        {
            errors[nameof(ProposalInput.PatentIds)] = Texts.Rule("Proposal_TooManyPatents");
        }
        else
        {
            // A patent of another holder, or one whose listing is not published, is refused the same way: the holder
            // can only offer what it publicly offers.
            var offered = await PublishedPatentsOf(db, holderId).Where(p => chosen.Contains(p.Id)).CountAsync(cancellationToken);
            if (offered != chosen.Length)
            {
                errors[nameof(ProposalInput.PatentIds)] = Texts.Rule("Proposal_PatentNotOffered");
            }
        }

        if (DemandProposal.MessageError(input.Message) is { } messageError)
        {
            errors[nameof(ProposalInput.Message)] = Texts.Rule(messageError);
        }

        if (errors.Count > 0)
        {
            return (CommandResult.Invalid(T.Form_FixErrors), new FieldErrors(errors));
        }

        var proposal = new DemandProposal(demandId, holderId, userId, input.Message!, chosen, timeProvider.GetUtcNow());
        db.DemandProposals.Add(proposal);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (CommandResult.Ok, FieldErrors.None);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // Two submits at once, or a proposal made in another tab: the partial unique index lets one through.
            return (CommandResult.Conflict(T.Proposal_AlreadyPending), FieldErrors.None);
        }
    }

    /// <summary>The demand's proposals for its SME and for staff who may see the demand; null when the user may not see them.</summary>
    public async Task<IReadOnlyList<ProposalRow>?> ForDemandAsync(ClaimsPrincipal user, Guid demandId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var found = await DemandAccess.FindAsync(db, demandId, tracked: false, cancellationToken);
        if (found is null || !DemandAccess.MaySee(user, found))
        {
            return null;
        }

        return await RowsAsync(db, db.DemandProposals.Where(p => p.DemandId == demandId), cancellationToken);
    }

    /// <summary>The holder's proposals, newest first, and how often SMEs gave each reason for declining.</summary>
    public async Task<HolderProposals?> ForHolderAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.PatentHolder) || user.OrganisationIdOf() is not { } holderId)
        {
            return null;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await RowsAsync(db, db.DemandProposals.Where(p => p.HolderOrganisationId == holderId), cancellationToken);
        var reasons = rows.Where(r => r.DeclineReason is not null).GroupBy(r => r.DeclineReason!.Value).ToDictionary(g => g.Key, g => g.Count());
        return new HolderProposals(rows, reasons);
    }

    /// <summary>The SME accepts a pending proposal on its demand; a deal request between the two is recorded with it.</summary>
    public async Task<(CommandResult Result, Guid? DealRequestId)> AcceptAsync(ClaimsPrincipal user, Guid proposalId, uint version, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await DecidableAsync(db, user, proposalId, cancellationToken) is not { } found)
        {
            return (CommandResult.NotFound(T.Proposal_NotFound), null);
        }

        DealRequest? request = null;
        var result = await VersionedChange.SaveAsync(db, found.Proposal, version, p =>
        {
            request = p.Accept(found.Demand.SmeOrganisationId, user.UserId()!.Value, timeProvider.GetUtcNow());
            db.DealRequests.Add(request);
        }, cancellationToken);
        return (result, result.Succeeded ? request?.Id : null);
    }

    /// <summary>The SME declines a pending proposal with a reason the holder sees.</summary>
    public async Task<CommandResult> DeclineAsync(
        ClaimsPrincipal user, Guid proposalId, uint version, ProposalDeclineReason reason, string? note, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await DecidableAsync(db, user, proposalId, cancellationToken) is not { } found
            ? CommandResult.NotFound(T.Proposal_NotFound)
            : await VersionedChange.SaveAsync(db, found.Proposal, version,
                p => p.Decline(reason, note, user.UserId()!.Value, timeProvider.GetUtcNow()), cancellationToken);
    }

    /// <summary>The holder takes back a pending proposal of its own.</summary>
    public async Task<CommandResult> WithdrawAsync(ClaimsPrincipal user, Guid proposalId, uint version, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var proposal = await db.DemandProposals.SingleOrDefaultAsync(p => p.Id == proposalId, cancellationToken);
        if (proposal is null || !user.IsInRole(Roles.PatentHolder) || user.OrganisationIdOf() != proposal.HolderOrganisationId
            || user.UserId() is not { } userId)
        {
            return CommandResult.NotFound(T.Proposal_NotFound);
        }

        return await VersionedChange.SaveAsync(db, proposal, version, p => p.Withdraw(userId, timeProvider.GetUtcNow()), cancellationToken);
    }

    /// <summary>Deal requests of the user's organisation, as SME or as holder, newest first.</summary>
    public async Task<IReadOnlyList<DealRequestRow>> DealRequestsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.OrganisationIdOf() is not { } organisationId || !(user.IsInRole(Roles.SmeUser) || user.IsInRole(Roles.PatentHolder)))
        {
            return [];
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var requests = await (from r in db.DealRequests.AsNoTracking()
                              join s in db.Organisations on r.SmeOrganisationId equals s.Id
                              join h in db.Organisations on r.HolderOrganisationId equals h.Id
                              join d in db.Demands on r.DemandId equals d.Id into demands
                              from d in demands.DefaultIfEmpty()
                              where r.SmeOrganisationId == organisationId || r.HolderOrganisationId == organisationId
                              orderby r.CreatedAt descending
                              select new { r, SmeName = s.Name, HolderName = h.Name, DemandTitle = d == null ? null : d.Title })
            .ToListAsync(cancellationToken);
        var patents = await PatentsAsync(db, requests.SelectMany(x => x.r.PatentIds), cancellationToken);
        // Accepting a proposal, or asking about a recommended patent, is the SME's choice to deal with that holder: from
        // then on the holder sees who it is, also for an anonymised demand.
        return [.. requests.Select(x => new DealRequestRow(
            x.r.Id, x.r.Origin, x.r.Status, x.r.SmeOrganisationId, x.SmeName, x.r.HolderOrganisationId, x.HolderName, x.r.DemandId, x.DemandTitle,
            [.. x.r.PatentIds.Where(patents.ContainsKey).Select(id => patents[id])], x.r.CreatedAt, x.r.SmeOrganisationId == organisationId))];
    }

    /// <summary>Published and not past its validity: the demands holders may answer.</summary>
    private bool IsOpen(Demand demand) => demand.Status == DemandStatus.Published && !demand.IsExpired(PortalTime.Today(timeProvider));

    private static IQueryable<Patent> PublishedPatentsOf(PortalDbContext db, Guid holderId) =>
        from p in db.Patents
        join l in db.Listings on p.Id equals l.PatentId
        where p.HolderOrganisationId == holderId && l.Status == ListingStatus.Published
        select p;

    private static Task<bool> IsVerifiedAsync(PortalDbContext db, Guid organisationId, CancellationToken cancellationToken) =>
        db.Organisations.AnyAsync(o => o.Id == organisationId && o.Status == OrganisationStatus.Verified, cancellationToken);

    /// <summary>A pending proposal the user may decide: a user of the SME that owns the demand, and the demand not closed.</summary>
    private static async Task<(DemandProposal Proposal, Demand Demand)?> DecidableAsync(
        PortalDbContext db, ClaimsPrincipal user, Guid proposalId, CancellationToken cancellationToken)
    {
        var proposal = await db.DemandProposals.SingleOrDefaultAsync(p => p.Id == proposalId, cancellationToken);
        if (proposal is null || user.UserId() is null)
        {
            return null;
        }

        var demand = await db.Demands.AsNoTracking().SingleAsync(d => d.Id == proposal.DemandId, cancellationToken);
        return DemandAccess.IsSmeMember(user, demand.SmeOrganisationId) && demand.Status != DemandStatus.Closed ? (proposal, demand) : null;
    }

    private static async Task<IReadOnlyList<ProposalRow>> RowsAsync(PortalDbContext db, IQueryable<DemandProposal> proposals, CancellationToken cancellationToken)
    {
        var rows = await (from p in proposals.AsNoTracking()
                          join d in db.Demands on p.DemandId equals d.Id
                          join h in db.Organisations on p.HolderOrganisationId equals h.Id
                          join r in db.DealRequests on p.Id equals r.ProposalId into requests
                          from r in requests.DefaultIfEmpty()
                          orderby p.CreatedAt descending
                          select new { p, DemandTitle = d.Title, HolderName = h.Name, DealRequestId = r == null ? (Guid?)null : r.Id })
            .ToListAsync(cancellationToken);
        var patents = await PatentsAsync(db, rows.SelectMany(x => x.p.PatentIds), cancellationToken);
        return [.. rows.Select(x => new ProposalRow(
            x.p.Id, x.p.DemandId, x.DemandTitle, x.p.HolderOrganisationId, x.HolderName, x.p.Message,
            [.. x.p.PatentIds.Where(patents.ContainsKey).Select(id => patents[id])],
            x.p.Status, x.p.DeclineReason, x.p.DeclineNote, x.p.CreatedAt, x.p.DecidedAt, x.DealRequestId, x.p.Version))];
    }

    private static async Task<Dictionary<Guid, ProposedPatent>> PatentsAsync(PortalDbContext db, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToArray();
        return (await ProposedAsync(db.Patents.Where(p => wanted.Contains(p.Id)), cancellationToken)).ToDictionary(p => p.Id);
    }

    /// <summary>The patents as proposals show them, in the query's order; an untitled one by the opening of its abstract.</summary>
    private static async Task<List<ProposedPatent>> ProposedAsync(IQueryable<Patent> patents, CancellationToken cancellationToken)
    {
        var rows = await patents.AsNoTracking()
            .Select(p => new { p.Id, p.ApplicationNumber, p.Title, Opening = p.Title == null ? p.Abstract.Substring(0, AbstractOpeningLength) : "" })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(p => new ProposedPatent(p.Id, p.ApplicationNumber, Patent.DisplayTitleOf(p.Title, p.Opening)))];
    }
}
