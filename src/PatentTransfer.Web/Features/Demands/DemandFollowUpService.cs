using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PatentTransfer.Domain.Demands;
using PatentTransfer.Infrastructure.Data;
using PatentTransfer.Web.Infrastructure;
using PatentTransfer.Web.Localization;
using T = PatentTransfer.Web.Localization.SharedResource;

namespace PatentTransfer.Web.Features.Demands;

/// <summary>
/// The follow-up log of a demand: visits, calls, events and notes. Whoever may see the demand (<see cref="DemandAccess"/>:
/// the SME's own users, staff of its city, provincial staff) reads the log and adds to it; nobody edits or removes
/// an entry, and the database enforces that too. Each method checks access itself.
/// </summary>
public sealed class DemandFollowUpService(IDbContextFactory<PortalDbContext> contextFactory, TimeProvider timeProvider)
{
    /// <summary>The entries, newest contact first; null when the demand does not exist or the user may not see it.</summary>
    public async Task<IReadOnlyList<DemandFollowUpRow>?> ListAsync(ClaimsPrincipal user, Guid demandId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var found = await DemandAccess.FindAsync(db, demandId, tracked: false, cancellationToken);
        if (found is null || !DemandAccess.MaySee(user, found))
        {
            return null;
        }

        return await db.DemandFollowUps.AsNoTracking()
            .Where(f => f.DemandId == demandId)
            .OrderByDescending(f => f.Date)
            .ThenByDescending(f => f.CreatedAt)
            .Select(f => new DemandFollowUpRow(f.Id, f.Kind, f.Date, f.Text, f.AuthorName, f.CreatedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Adds an entry in the author's name; every rule is reported per field and nothing is written unless all hold.</summary>
    public async Task<(CommandResult Result, FieldErrors Errors)> AddAsync(ClaimsPrincipal user, Guid demandId, DemandFollowUpInput input, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var found = await DemandAccess.FindAsync(db, demandId, tracked: false, cancellationToken);
        if (found is null || user.UserId() is not { } authorId || !DemandAccess.MaySee(user, found))
        {
            return (CommandResult.NotFound(T.Demand_NotFound), FieldErrors.None);
        }

        var today = PortalTime.Today(timeProvider);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (input.Date is null)
        {
            errors[nameof(DemandFollowUpInput.Date)] = Texts.Rule("DemandFollowUp_DateRequired");
        }

        foreach (var error in DemandFollowUp.Validate(input.Kind, input.Date ?? today, input.Text, today))
        {
            errors.TryAdd(error.Field, Texts.Rule("DemandFollowUp_" + error.Code));
        }

        if (errors.Count > 0)
        {
            return (CommandResult.Invalid(T.Form_FixErrors), new FieldErrors(errors));
        }

        db.DemandFollowUps.Add(new DemandFollowUp(found.Demand, authorId, user.DisplayNameOf(), input.Kind, input.Date!.Value, input.Text!, today,
            timeProvider.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return (CommandResult.Ok, FieldErrors.None);
    }
}
