namespace PatentTransfer.Infrastructure.Auditing;

/// <summary>Who is acting: recorded in the audit trail.</summary>
public sealed record Actor(Guid? UserId, string Name, Guid? OrganisationId)
{
    public static Actor System { get; } = new(null, "system", null);
    public static Actor Anonymous { get; } = new(null, "anonymous", null);
}

/// <summary>Resolves the actor of the current request or circuit.</summary>
public interface ICurrentActor
{
    ValueTask<Actor> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Until the returned scope is disposed, changes are attributed to <paramref name="actor"/>: used where the
    /// acting person is not signed in yet, such as a new user registering an organisation.
    /// </summary>
    IDisposable ActAs(Actor actor);
}

/// <summary>Shared override handling for <see cref="ICurrentActor"/> implementations.</summary>
public abstract class CurrentActorBase : ICurrentActor
{
    private Actor? _override;

    public async ValueTask<Actor> GetAsync(CancellationToken cancellationToken = default) =>
        _override ?? await ResolveAsync(cancellationToken);

    public IDisposable ActAs(Actor actor)
    {
        var previous = _override;
        _override = actor;
        return new Restore(() => _override = previous);
    }

    protected abstract ValueTask<Actor> ResolveAsync(CancellationToken cancellationToken);

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}

/// <summary>Command-line tools and background work act as "system".</summary>
public sealed class SystemActor : CurrentActorBase
{
    protected override ValueTask<Actor> ResolveAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Actor.System);
}
