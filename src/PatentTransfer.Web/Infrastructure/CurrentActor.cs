using Microsoft.AspNetCore.Components.Authorization;
using PatentTransfer.Infrastructure.Auditing;

namespace PatentTransfer.Web.Infrastructure;

/// <summary>
/// The signed-in user of the current circuit or request. Components get it from the authentication state;
/// plain HTTP endpoints (where Blazor has not set that state) from the request's user.
/// </summary>
public sealed class CurrentActor(AuthenticationStateProvider authenticationStateProvider, IHttpContextAccessor httpContextAccessor) : CurrentActorBase
{
    protected override async ValueTask<Actor> ResolveAsync(CancellationToken cancellationToken)
    {
        try
        {
            var state = await authenticationStateProvider.GetAuthenticationStateAsync();
            return state.User.ToActor();
        }
        catch (InvalidOperationException)
        {
            return httpContextAccessor.HttpContext?.User.ToActor() ?? Actor.Anonymous;
        }
    }
}
