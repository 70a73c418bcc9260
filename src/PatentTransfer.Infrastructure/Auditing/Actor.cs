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
}

/// <summary>Command-line tools and background work act as "system".</summary>
public sealed class SystemActor : ICurrentActor
{
    public ValueTask<Actor> GetAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(Actor.System);
}
