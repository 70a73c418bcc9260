using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using PatentTransfer.Web.Infrastructure;

namespace PatentTransfer.Web.Tests.Components;

/// <summary>
/// bUnit context for the portal's interactive pages: MudBlazor services, a signed-in user, and the portal's
/// real services (a scope of the running test app, so its real database) behind them.
/// </summary>
public sealed class ComponentTestContext : BunitContext
{
    private readonly AsyncServiceScope _scope;

    // Pages here wait on a real database; bUnit's default of one second is too short when the shared build
    // machine is busy (a save then takes longer than a render), which made waits fail that would have passed.
    static ComponentTestContext() => DefaultWaitTimeout = TimeSpan.FromSeconds(10);

    public ComponentTestContext(PortalAppFactory app, string displayName, Guid userId, IEnumerable<string> roles, Guid? organisationId = null, string? cityCode = null)
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        _scope = app.Services.CreateAsyncScope();
        Services.AddFallbackServiceProvider(_scope.ServiceProvider);

        var authorization = AddAuthorization();
        authorization.SetAuthorized(displayName);
        authorization.SetRoles([.. roles]);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, userId.ToString()),
            new(PortalClaims.DisplayName, displayName),
        };
        if (organisationId is { } organisation)
        {
            claims.Add(new Claim(PortalClaims.OrganisationId, organisation.ToString()));
        }

        if (cityCode is not null)
        {
            claims.Add(new Claim(PortalClaims.CityCode, cityCode));
        }

        authorization.SetClaims([.. claims]);

        // Popovers (selects, menus) need their provider rendered once, as the layout does in the app.
        Render<MudPopoverProvider>();
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await _scope.DisposeAsync();
    }
}
