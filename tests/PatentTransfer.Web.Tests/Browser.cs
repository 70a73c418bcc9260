using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace PatentTransfer.Web.Tests;

/// <summary>
/// Drives the static server-rendered pages the way a browser does: GET a page, fill in a named form (keeping
/// its antiforgery token and handler field), POST it, and read the HTML that comes back.
/// </summary>
public sealed class Browser(HttpClient client)
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Client { get; } = client;

    public async Task<IHtmlDocument> GetPageAsync(string url, CancellationToken cancellationToken = default)
    {
        var response = await Client.GetAsync(url, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync(cancellationToken), cancellationToken);
    }

    /// <summary>Submits the form whose Blazor form name is <paramref name="formName"/> on the page at <paramref name="url"/>.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string url, string formName, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken = default)
    {
        var page = await GetPageAsync(url, cancellationToken);
        var form = page.Forms.FirstOrDefault(f => f.QuerySelector($"input[name='_handler'][value='{formName}']") is not null)
            ?? throw new InvalidOperationException($"No form '{formName}' on {url}.");
        var values = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[type='hidden']"))
        {
            values[input.Name!] = input.Value;
        }

        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? url : form.GetAttribute("action")!;
        return await Client.PostAsync(action, new FormUrlEncodedContent(values), cancellationToken);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response, CancellationToken cancellationToken = default) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync(cancellationToken), cancellationToken);

    /// <summary>Submits the login form and returns the portal's answer, whatever it is.</summary>
    public Task<HttpResponseMessage> SubmitLogInAsync(string email, string password, CancellationToken cancellationToken = default) =>
        SubmitAsync("/Account/Login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }, cancellationToken);

    /// <summary>Logs in through the login form and checks that the portal accepted it.</summary>
    public async Task LogInAsync(string email, string password, CancellationToken cancellationToken = default)
    {
        var response = await SubmitLogInAsync(email, password, cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Log-in of {email} answered {(int)response.StatusCode}, not a redirect.");
        Assert.DoesNotContain("/Account/", response.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }

    /// <summary>The path a redirect sends the browser to.</summary>
    public static string RedirectPath(HttpResponseMessage response)
    {
        Assert.NotNull(response.Headers.Location);
        return new Uri(new Uri("http://localhost/"), response.Headers.Location).AbsolutePath;
    }

    /// <summary>The status message of an account page (data-testid=status-message), if it shows one.</summary>
    public static async Task<string?> StatusMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken = default) =>
        (await ParseAsync(response, cancellationToken)).QuerySelector("[data-testid=status-message]")?.TextContent.Trim();

    /// <summary>Validation messages shown next to fields, by input name.</summary>
    public static IReadOnlyList<string> ValidationMessages(IHtmlDocument page) =>
        page.QuerySelectorAll(".validation-message").Select(e => e.TextContent.Trim()).ToList();
}
