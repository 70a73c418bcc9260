using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PatentTransfer.Domain.Common;
using PatentTransfer.Domain.Listings;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Domain.Patents;
using PatentTransfer.Infrastructure.Data;
using PatentTransfer.Web.Infrastructure;
using PatentTransfer.Web.Localization;
using T = PatentTransfer.Web.Localization.SharedResource;

namespace PatentTransfer.Web.Features.MyPatents;

/// <summary>One item of a bulk action and what became of it.</summary>
public sealed record BulkOutcome(Guid PatentId, string ApplicationNumber, CommandResult Result);

/// <summary>
/// The holder's side of listings: write terms as a draft, submit them for review, withdraw them. Only members
/// of the holding organisation may; submitting also needs the organisation to be verified.
/// </summary>
public sealed class ListingService(IDbContextFactory<PortalDbContext> contextFactory, TimeProvider timeProvider)
{
    /// <summary>
    /// Creates the patent's listing (version null) or edits it as the user last saw it. Every rule is checked
    /// first and reported per field; nothing is written unless all hold.
    /// </summary>
    public async Task<(CommandResult Result, FieldErrors Errors)> SaveDraftAsync(
        ClaimsPrincipal user, Guid patentId, ListingTerms terms, uint? version, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var patent = await db.Patents.SingleOrDefaultAsync(p => p.Id == patentId, cancellationToken);
        if (patent is null || patent.HolderOrganisationId != user.OrganisationIdOf())
        {
            return (CommandResult.NotFound(T.Patent_NotFound), FieldErrors.None);
        }

        var today = PortalTime.Today(timeProvider);
        var errors = terms.Validate(patent, today);
        if (errors.Count > 0)
        {
            var byField = new Dictionary<string, string>();
            foreach (var (field, code) in errors)
            {
                byField.TryAdd(field, Texts.Rule("Listing_" + code));
            }

            return (CommandResult.Invalid(T.Form_FixErrors), new FieldErrors(byField));
        }

        var listing = await db.Listings.SingleOrDefaultAsync(l => l.PatentId == patentId, cancellationToken);
        var now = timeProvider.GetUtcNow();
        if (listing is null)
        {
            if (version is not null)
            {
                // The user edited a listing that has gone since; say so rather than silently create a new one.
                return (CommandResult.Conflict(T.Concurrency_Conflict), FieldErrors.None);
            }

            db.Listings.Add(new Listing(patent, terms, today, now));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return (CommandResult.Ok, FieldErrors.None);
            }
            catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
            {
                // Two first saves at once: the unique index on patent_id lets one win; the other is told.
                return (CommandResult.Conflict(T.Concurrency_Conflict), FieldErrors.None);
            }
        }

        if (version is null)
        {
            return (CommandResult.Conflict(T.Concurrency_Conflict), FieldErrors.None);
        }

        var result = await VersionedChange.SaveAsync(db, listing, version.Value, l => l.Edit(patent, terms, today, now), cancellationToken);
        return (result, FieldErrors.None);
    }

    /// <summary>Submits each listing for review as the user saw it (patent id, listing version); each item succeeds or fails alone.</summary>
    public Task<IReadOnlyList<BulkOutcome>> SubmitAsync(ClaimsPrincipal user, IReadOnlyList<(Guid PatentId, uint Version)> items, CancellationToken cancellationToken) =>
        BulkAsync(user, items, requireVerified: true, (listing, patent, today, now) => listing.Submit(patent, holderMayPublish: true, today, now), cancellationToken);

    public Task<IReadOnlyList<BulkOutcome>> WithdrawAsync(ClaimsPrincipal user, IReadOnlyList<(Guid PatentId, uint Version)> items, CancellationToken cancellationToken) =>
        BulkAsync(user, items, requireVerified: false, (listing, _, _, now) => listing.Withdraw(now), cancellationToken);

    private async Task<IReadOnlyList<BulkOutcome>> BulkAsync(
        ClaimsPrincipal user,
        IReadOnlyList<(Guid PatentId, uint Version)> items,
        bool requireVerified,
        Action<Listing, Patent, DateOnly, DateTimeOffset> change,
        CancellationToken cancellationToken)
    {
        var organisationId = user.OrganisationIdOf();
        var outcomes = new List<BulkOutcome>(items.Count);
        await using var lookup = await contextFactory.CreateDbContextAsync(cancellationToken);
        var verified = organisationId is { } id
            && await lookup.Organisations.AnyAsync(o => o.Id == id && o.Status == OrganisationStatus.Verified, cancellationToken);
        foreach (var (patentId, version) in items.DistinctBy(i => i.PatentId))
        {
            // A context per item: one refused or conflicting listing must not take the others' changes with it.
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var patent = await db.Patents.SingleOrDefaultAsync(p => p.Id == patentId, cancellationToken);
            var listing = patent is null ? null : await db.Listings.SingleOrDefaultAsync(l => l.PatentId == patentId, cancellationToken);
            if (patent is null || patent.HolderOrganisationId != organisationId)
            {
                outcomes.Add(new BulkOutcome(patentId, "", CommandResult.NotFound(T.Patent_NotFound)));
                continue;
            }

            if (listing is null)
            {
                outcomes.Add(new BulkOutcome(patentId, patent.ApplicationNumber, CommandResult.Invalid(T.Listing_NoneToSubmit)));
                continue;
            }

            if (requireVerified && !verified)
            {
                outcomes.Add(new BulkOutcome(patentId, patent.ApplicationNumber, CommandResult.Forbidden(Texts.Rule("Listing_HolderNotVerified"))));
                continue;
            }

            var today = PortalTime.Today(timeProvider);
            var result = await VersionedChange.SaveAsync(db, listing, version, l => change(l, patent, today, timeProvider.GetUtcNow()), cancellationToken);
            outcomes.Add(new BulkOutcome(patentId, patent.ApplicationNumber, result));
        }

        return outcomes;
    }
}
