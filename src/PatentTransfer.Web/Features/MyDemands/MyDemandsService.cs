using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PatentTransfer.Domain.Common;
using PatentTransfer.Domain.Demands;
using PatentTransfer.Domain.Identity;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Infrastructure.Data;
using PatentTransfer.Web.Features.Demands;
using PatentTransfer.Web.Infrastructure;
using PatentTransfer.Web.Localization;
using T = PatentTransfer.Web.Localization.SharedResource;

namespace PatentTransfer.Web.Features.MyDemands;

/// <summary>
/// The SME's workspace over its technology demands: list, write (draft), submit for review, renew, close, withdraw.
/// Every method works only for users with the SME role acting for their own organisation, whatever page calls it:
/// another organisation's demand reads as not found. Submitting and renewing make a demand public, so they also
/// need the organisation to be verified (as listings do); drafting does not.
/// </summary>
public sealed class MyDemandsService(IDbContextFactory<PortalDbContext> contextFactory, TimeProvider timeProvider)
{
    /// <summary>How long a new demand is valid unless the SME changes it.</summary>
    public const int DefaultValidityMonths = 6;

    public async Task<MyDemandsList> ListAsync(ClaimsPrincipal user, MyDemandsQuery query, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.SmeUser) || user.OrganisationIdOf() is not { } organisationId)
        {
            return new MyDemandsList(new Page<MyDemandRow>([], 0), new Dictionary<DemandStatus, int>(), OrganisationVerified: false);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var today = PortalTime.Today(timeProvider);
        var mine = db.Demands.AsNoTracking().Where(d => d.SmeOrganisationId == organisationId);

        // Counted by the status as of today: a published demand past its last day counts as expired.
        var grouped = await mine
            .GroupBy(d => new { d.Status, Due = d.Status == DemandStatus.Published && d.ValidUntil < today })
            .Select(g => new { g.Key.Status, g.Key.Due, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var counts = grouped
            .GroupBy(g => g.Due ? DemandStatus.Expired : g.Status)
            .ToDictionary(g => g.Key, g => g.Sum(x => x.Count));

        var rows = query.Status switch
        {
            null => mine,
            DemandStatus.Published => mine.Where(d => d.Status == DemandStatus.Published && d.ValidUntil >= today),
            DemandStatus.Expired => mine.Where(d => d.Status == DemandStatus.Expired || (d.Status == DemandStatus.Published && d.ValidUntil < today)),
            { } status => mine.Where(d => d.Status == status),
        };

        if (Text.NormaliseInput(query.Search) is { Length: > 0 } search)
        {
            rows = rows.Where(d => EF.Functions.ILike(d.Title, SqlLike.Contains(search), SqlLike.EscapeCharacter));
        }

        var size = Math.Clamp(query.PageSize, 1, 100);
        var total = await rows.CountAsync(cancellationToken);
        var items = await rows
            .OrderByDescending(d => d.UpdatedAt)
            .ThenBy(d => d.Id)
            .Skip(Math.Max(0, query.Page) * size)
            .Take(size)
            .Select(d => new
            {
                d.Id,
                d.Title,
                d.Type,
                d.Status,
                d.Confidentiality,
                d.ValidUntil,
                FollowUps = db.DemandFollowUps.Count(f => f.DemandId == d.Id),
                Proposals = db.DemandProposals.Count(p => p.DemandId == d.Id),
                PendingProposals = db.DemandProposals.Count(p => p.DemandId == d.Id && p.Status == ProposalStatus.Pending),
                d.UpdatedAt,
            })
            .ToListAsync(cancellationToken);
        var page = items.Select(d => new MyDemandRow(
            d.Id, d.Title, d.Type, d.Status == DemandStatus.Published && d.ValidUntil < today ? DemandStatus.Expired : d.Status,
            d.Confidentiality, d.ValidUntil, d.FollowUps, d.Proposals, d.PendingProposals, d.UpdatedAt)).ToList();
        var verified = await db.Organisations.AnyAsync(o => o.Id == organisationId && o.Status == OrganisationStatus.Verified, cancellationToken);
        return new MyDemandsList(new Page<MyDemandRow>(page, total), counts, verified);
    }

    /// <summary>The demand, or null when it does not exist or belongs to another organisation.</summary>
    public async Task<DemandView?> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var demand = await db.Demands.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        return demand is null || !DemandAccess.IsSmeMember(user, demand.SmeOrganisationId)
            ? null
            : DemandView.From(demand, PortalTime.Today(timeProvider));
    }

    /// <summary>
    /// A new form: the organisation's industry, the user as contact and a validity of <see cref="DefaultValidityMonths"/>
    /// months, so the SME changes what differs rather than typing everything. Null for users who may not post demands.
    /// </summary>
    public async Task<DemandInput?> NewInputAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await SmeOfAsync(db, user, cancellationToken) is not { IsSme: true } sme || user.UserId() is not { } userId)
        {
            return null;
        }

        var contact = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.DisplayName, u.PhoneNumber, u.Email }).SingleAsync(cancellationToken);
        return new DemandInput
        {
            IndustryCode = sme.IndustryCode,
            ContactName = contact.DisplayName,
            ContactPhone = contact.PhoneNumber,
            ContactEmail = contact.Email,
            ValidUntil = PortalTime.Today(timeProvider).AddMonths(DefaultValidityMonths),
        };
    }

    /// <summary>
    /// Creates a draft (<paramref name="id"/> null) or saves the form over the version the user edited. Every rule is
    /// checked first and reported per field (industry and IPC hint against the reference tables); nothing is written
    /// unless all hold.
    /// </summary>
    public async Task<DemandSaveResult> SaveDraftAsync(ClaimsPrincipal user, Guid? id, DemandInput input, uint? version, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        ScopedDemand? found = null;
        if (id is { } existingId)
        {
            found = await DemandAccess.FindAsync(db, existingId, tracked: true, cancellationToken);
            if (found is null || !DemandAccess.IsSmeMember(user, found.Demand.SmeOrganisationId))
            {
                return new DemandSaveResult(CommandResult.NotFound(T.Demand_NotFound), FieldErrors.None, null);
            }
        }
        else if (await SmeOfAsync(db, user, cancellationToken) is not { IsSme: true })
        {
            return new DemandSaveResult(CommandResult.Forbidden(T.Demand_SmeOnly), FieldErrors.None, null);
        }

        var today = PortalTime.Today(timeProvider);
        var details = input.ToDetails();
        var errors = await CheckAsync(db, details, today, found?.Demand.IsCarriedOver ?? false, cancellationToken);
        if (errors.Count > 0)
        {
            return new DemandSaveResult(CommandResult.Invalid(T.Form_FixErrors), new FieldErrors(errors), id);
        }

        var now = timeProvider.GetUtcNow();
        if (found is null)
        {
            var demand = new Demand(user.OrganisationIdOf()!.Value, user.UserId()!.Value, details, today, now);
            db.Demands.Add(demand);
            await db.SaveChangesAsync(cancellationToken);
            return new DemandSaveResult(CommandResult.Ok, FieldErrors.None, demand.Id);
        }

        if (version is not { } seen)
        {
            return new DemandSaveResult(CommandResult.Conflict(T.Concurrency_Conflict), FieldErrors.None, id);
        }

        var result = await VersionedChange.SaveAsync(db, found.Demand, seen, d => d.Edit(details, today, now), cancellationToken);
        return new DemandSaveResult(result, FieldErrors.None, id);
    }

    /// <summary>Sends a draft or a corrected returned demand to the staff of the SME's city.</summary>
    public Task<CommandResult> SubmitAsync(ClaimsPrincipal user, Guid id, uint version, CancellationToken cancellationToken) =>
        ChangeAsync(user, id, version, needsVerified: true, (d, today, now) => d.Submit(smeMayPublish: true, today, now), cancellationToken);

    /// <summary>Gives up a demand that was never published.</summary>
    public Task<CommandResult> WithdrawAsync(ClaimsPrincipal user, Guid id, uint version, DemandCloseReason reason, string? note, CancellationToken cancellationToken) =>
        ChangeAsync(user, id, version, needsVerified: false, (d, _, now) => d.Withdraw(reason, note, now), cancellationToken);

    /// <summary>Extends a published or expired demand to a new last day (and, if given, a new expected completion).</summary>
    public Task<CommandResult> RenewAsync(ClaimsPrincipal user, Guid id, uint version, DateOnly? validUntil, DateOnly? expectedCompletion, CancellationToken cancellationToken) =>
        ChangeAsync(user, id, version, needsVerified: true, (d, today, now) => d.Renew(
            validUntil ?? throw new DomainRuleException("Demand_ValidUntilRequired"), expectedCompletion, smeMayPublish: true, today, now), cancellationToken);

    /// <summary>Ends a published or expired demand with the reason (and a note, required for "other").</summary>
    public Task<CommandResult> CloseAsync(ClaimsPrincipal user, Guid id, uint version, DemandCloseReason reason, string? note, CancellationToken cancellationToken) =>
        ChangeAsync(user, id, version, needsVerified: false, (d, _, now) => d.Close(reason, note, now), cancellationToken);

    private async Task<CommandResult> ChangeAsync(
        ClaimsPrincipal user, Guid id, uint version, bool needsVerified, Action<Demand, DateOnly, DateTimeOffset> change, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var found = await DemandAccess.FindAsync(db, id, tracked: true, cancellationToken);
        if (found is null || !DemandAccess.IsSmeMember(user, found.Demand.SmeOrganisationId))
        {
            return CommandResult.NotFound(T.Demand_NotFound);
        }

        // Publishing needs an organisation verified now, read from the database: verification is never a claim.
        if (needsVerified && !await db.Organisations.AnyAsync(
                o => o.Id == found.Demand.SmeOrganisationId && o.Status == OrganisationStatus.Verified, cancellationToken))
        {
            return CommandResult.Forbidden(Texts.Rule("Demand_SmeNotVerified"));
        }

        var today = PortalTime.Today(timeProvider);
        return await VersionedChange.SaveAsync(db, found.Demand, version, d => change(d, today, timeProvider.GetUtcNow()), cancellationToken);
    }

    /// <summary>
    /// The domain's rules plus what only the database knows: the industry and the IPC symbol exist. A demand carried
    /// over from another platform is checked as the aggregate checks it, so the form never refuses what it would keep.
    /// </summary>
    private static async Task<Dictionary<string, string>> CheckAsync(
        PortalDbContext db, DemandDetails details, DateOnly today, bool carriedOver, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var error in details.Validate(today, carriedOver))
        {
            errors.TryAdd(error.Field, Texts.Rule("Demand_" + error.Code));
        }

        if (!string.IsNullOrWhiteSpace(details.IndustryCode) && !errors.ContainsKey(nameof(DemandDetails.IndustryCode)))
        {
            var industry = details.IndustryCode.Trim();
            if (!await db.Industries.AnyAsync(i => i.Code == industry, cancellationToken))
            {
                errors[nameof(DemandDetails.IndustryCode)] = Texts.Rule("Demand_IndustryUnknown");
            }
        }

        if (DemandDetails.TryNormaliseIpcHint(details.IpcHint, out var ipc) && !await db.IpcEntries.AnyAsync(e => e.Code == ipc, cancellationToken))
        {
            errors[nameof(DemandDetails.IpcHint)] = Texts.Format(T.Demand_IpcHintUnknown, ipc);
        }

        return errors;
    }

    private sealed record SmeOrganisation(Guid Id, bool IsSme, string? IndustryCode);

    /// <summary>The organisation a user posts demands for: only SME users of a micro, small or medium private enterprise.</summary>
    private static async Task<SmeOrganisation?> SmeOfAsync(PortalDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.SmeUser) || user.OrganisationIdOf() is not { } organisationId)
        {
            return null;
        }

        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken);
        return organisation is null ? null : new SmeOrganisation(organisation.Id, organisation.IsSme, organisation.IndustryCode);
    }
}
