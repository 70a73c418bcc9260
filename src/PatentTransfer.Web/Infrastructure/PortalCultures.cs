using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace PatentTransfer.Web.Infrastructure;

/// <summary>
/// Simplified Chinese first, English by switch. The browser's Accept-Language is deliberately not consulted:
/// the portal speaks Chinese until the user chooses otherwise, and the choice is kept in a cookie.
/// </summary>
public static class PortalCultures
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static IReadOnlyList<string> Supported { get; } = [Chinese, English];

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static RequestLocalizationOptions CreateOptions()
    {
        var cultures = Supported.Select(c => new CultureInfo(c)).ToList();
        return new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Chinese),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()],
        };
    }

    /// <summary>GET /culture/set?culture=en&amp;returnUrl=/path — stores the choice and goes back (local URLs only).</summary>
    public static IEndpointConventionBuilder MapCultureSwitch(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/culture/set", (HttpContext context, string? culture, string? returnUrl) =>
        {
            if (culture is null || !Supported.Contains(culture, StringComparer.OrdinalIgnoreCase))
            {
                culture = Chinese;
            }

            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous();

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
