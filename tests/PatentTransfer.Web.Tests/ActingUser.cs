using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PatentTransfer.Infrastructure.Identity;
using PatentTransfer.Web.Infrastructure;

namespace PatentTransfer.Web.Tests;

/// <summary>
/// A service scope signed in as a user, as a Blazor circuit is: services get the user's claims, and the audit
/// trail attributes changes to them.
/// </summary>
internal sealed class ActingUser : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    private ActingUser(AsyncServiceScope scope, PortalUser user, ClaimsPrincipal principal)
    {
        _scope = scope;
        User = user;
        Principal = principal;
    }

    public PortalUser User { get; }

    public ClaimsPrincipal Principal { get; }

    public StaffScope StaffScope => StaffScope.From(Principal);

    public static async Task<ActingUser> SignInAsync(PortalAppFactory app, string email)
    {
        var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var user = await services.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"No user {email}");
        var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user);
        ((IHostEnvironmentAuthenticationStateProvider)services.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return new ActingUser(scope, user, principal);
    }

    public T Get<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}
