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

    private readonly PortalUser? _user;

    private ActingUser(AsyncServiceScope scope, PortalUser? user, ClaimsPrincipal principal)
    {
        _scope = scope;
        _user = user;
        Principal = principal;
    }

    public PortalUser User => _user ?? throw new InvalidOperationException("An anonymous visitor has no user.");

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

    /// <summary>A scope with nobody signed in, as a visitor's request has.</summary>
    public static ActingUser Anonymous(PortalAppFactory app) =>
        new(app.Services.CreateAsyncScope(), null, new ClaimsPrincipal(new ClaimsIdentity()));

    public T Get<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>A service of this scope built with the given replacements, e.g. a clock a test controls.</summary>
    public T Create<T>(params object[] replacements) where T : notnull =>
        ActivatorUtilities.CreateInstance<T>(_scope.ServiceProvider, replacements);

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}
