using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PatentTransfer.Domain.Demands;
using PatentTransfer.Domain.Identity;
using PatentTransfer.Domain.Organisations;
using PatentTransfer.Infrastructure.Data;
using PatentTransfer.Web.Infrastructure;
using PatentTransfer.Web.Localization;

namespace PatentTransfer.Web.Features.DemandHall;

/// <summary>Which demands the demand hall lists at all, whoever asks.</summary>
public static class DemandHallListing
{
    /// <summary>
    /// Published and not past its last day on <paramref name="today"/> (the last day itself included). Status alone
    /// is not enough: the expiry sweep marks demands expired some minutes after midnight (decision 0012).
    /// </summary>
    public static Expression<Func<Demand, bool>> Listed(DateOnly today) =>
        d => d.Status == DemandStatus.Published && d.ValidUntil >= today;

    /// <summary>
    /// The Asia/Shanghai day a demand was first published. A published demand always has its publication time; the
    /// fallback only keeps a damaged row sortable rather than failing the whole index.
    /// </summary>
    public static DateOnly PublishedOn(DateTimeOffset? publishedAt, DateTimeOffset updatedAt) =>
        DateOnly.FromDateTime(PortalTime.ToLocal(publishedAt ?? updatedAt).DateTime);
}

/// <summary>
/// What one visitor of the demand hall may see (docs/decisions/0013-demand-hall.md). Decided from the database on
/// every request, never from claims alone: an organisation's verification changes while its users are signed in.
/// </summary>
/// <param name="SignedIn">Has an account and is signed in.</param>
/// <param name="IsStaff">City or provincial staff or an administrator.</param>
/// <param name="OrganisationVerified">The user's organisation has been verified by staff.</param>
/// <param name="IsPatentHolder">Has the patent holder role.</param>
public sealed record DemandHallViewer(bool SignedIn, bool IsStaff, bool OrganisationVerified, bool IsPatentHolder)
{
    private static readonly DemandConfidentiality[] Everything = Enum.GetValues<DemandConfidentiality>();

    private static readonly DemandConfidentiality[] PublicHall = [.. Everything.Where(c => c.IsInPublicHall())];

    public static DemandHallViewer Anonymous { get; } = new(false, false, false, false);

    /// <summary>A holder whose organisation staff have verified: may see platform-only demands and propose patents.</summary>
    public bool IsVerifiedHolder => IsPatentHolder && OrganisationVerified;

    /// <summary>
    /// Everyone sees the public hall (public and anonymised demands). Platform-only demands are for those who act on
    /// them for the SME: staff, who approach holders, and verified holders, who can answer with patents.
    /// </summary>
    public IReadOnlyList<DemandConfidentiality> VisibleLevels => IsStaff || IsVerifiedHolder ? Everything : PublicHall;

    public bool MaySee(DemandConfidentiality confidentiality) => VisibleLevels.Contains(confidentiality);

    /// <summary>
    /// The contact of a demand that discloses its SME, for staff and users of a verified organisation: a phone number
    /// in the hall is one a verified, accountable organisation asked for, not one a scraper collected.
    /// </summary>
    public bool SeesContactOf(DemandConfidentiality confidentiality) =>
        confidentiality.DisclosesSme() && (IsStaff || (SignedIn && OrganisationVerified));

    public static async Task<DemandHallViewer> OfAsync(PortalDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }

        var verified = user.OrganisationIdOf() is { } organisationId
            && await db.Organisations.AnyAsync(o => o.Id == organisationId && o.Status == OrganisationStatus.Verified, cancellationToken);
        return new DemandHallViewer(true, StaffScope.From(user).IsStaff, verified, user.IsInRole(Roles.PatentHolder));
    }
}
