using Microsoft.EntityFrameworkCore;
using PatentTransfer.Domain.Common;
using PatentTransfer.Web.Localization;
using T = PatentTransfer.Web.Localization.SharedResource;

namespace PatentTransfer.Web.Infrastructure;

public static class VersionedChange
{
    /// <summary>
    /// Applies a domain change to the record as the user saw it (<paramref name="version"/>) and saves it. A rule
    /// that refuses the change, or a save by someone else since the user read the record, writes nothing and
    /// comes back as a message in the user's language.
    /// </summary>
    public static async Task<CommandResult> SaveAsync<TEntity>(DbContext db, TEntity entity, uint version, Action<TEntity> change, CancellationToken cancellationToken)
        where TEntity : class, IVersioned
    {
        // A record already changed since the user read it must not be judged by the domain rules either: the
        // user decided on what they saw, so the answer is "reload", not a rule message about someone else's state.
        if (entity.Version != version)
        {
            return CommandResult.Conflict(T.Concurrency_Conflict);
        }

        db.Entry(entity).Property(nameof(IVersioned.Version)).OriginalValue = version;
        try
        {
            change(entity);
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Ok;
        }
        catch (DomainRuleException ex)
        {
            return CommandResult.Invalid(Texts.Rule(ex));
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Conflict(T.Concurrency_Conflict);
        }
    }
}
