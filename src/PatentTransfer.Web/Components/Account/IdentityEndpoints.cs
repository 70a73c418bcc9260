using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PatentTransfer.Infrastructure.Identity;

namespace PatentTransfer.Web.Components.Account;

public static class IdentityEndpoints
{
    /// <summary>Endpoints the account pages need besides the pages themselves.</summary>
    public static IEndpointRouteBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/Account");

        // Antiforgery is validated for form posts by UseAntiforgery.
        account.MapPost("/Logout", async (ClaimsPrincipal user, [FromServices] SignInManager<PortalUser> signInManager, [FromForm] string? returnUrl) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect($"~/{returnUrl?.TrimStart('/')}");
        });

        // Pinged by idle-timeout.js while the user is active in an interactive page, which makes no HTTP
        // requests of its own: the sliding cookie is renewed only by requests.
        account.MapGet("/KeepAlive", () => TypedResults.NoContent()).RequireAuthorization();
        return endpoints;
    }
}
