using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Html.Dom;
using PatentTransfer.Web.Localization;

namespace PatentTransfer.Web.Tests;

public partial class LocalizationTests(PortalAppFactory app)
{
    private const string CultureCookie = ".AspNetCore.Culture";

    private static readonly Lazy<IReadOnlyDictionary<string, string>> ChineseTexts = new(() => ReadResx("SharedResource.resx"));
    private static readonly Lazy<IReadOnlyDictionary<string, string>> EnglishTexts = new(() => ReadResx("SharedResource.en.resx"));

    [Fact]
    public void EveryChineseTextHasAnEnglishTranslation()
    {
        var missing = ChineseTexts.Value.Keys.Where(key => string.IsNullOrWhiteSpace(EnglishTexts.Value.GetValueOrDefault(key))).ToList();

        Assert.True(ChineseTexts.Value.Count > 100, "SharedResource.resx was not read.");
        Assert.True(missing.Count == 0, "No English text for: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryEnglishTextHasAChineseOriginal()
    {
        var missing = EnglishTexts.Value.Keys.Where(key => string.IsNullOrWhiteSpace(ChineseTexts.Value.GetValueOrDefault(key))).ToList();

        Assert.True(EnglishTexts.Value.Count > 100, "SharedResource.en.resx was not read.");
        Assert.True(missing.Count == 0, "No Chinese text for: " + string.Join(", ", missing));
    }

    [Fact]
    public void FormatPlaceholdersMatchBetweenLanguages()
    {
        var mismatched = ChineseTexts.Value
            .Where(pair => EnglishTexts.Value.ContainsKey(pair.Key))
            .Where(pair => !Placeholders(pair.Value).SetEquals(Placeholders(EnglishTexts.Value[pair.Key])))
            .Select(pair => $"{pair.Key}: [{string.Join(",", Placeholders(pair.Value))}] vs [{string.Join(",", Placeholders(EnglishTexts.Value[pair.Key]))}]")
            .ToList();

        Assert.True(mismatched.Count == 0, "Placeholders differ: " + string.Join("; ", mismatched));
        // Texts formatted with arguments do have placeholders in both languages.
        Assert.Equal(["0", "1", "2"], Placeholders(EnglishTexts.Value["Validation_LengthRange"]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void FormatTextsCanBeFormattedInBothLanguages()
    {
        foreach (var (key, chinese) in ChineseTexts.Value.Where(pair => Placeholders(pair.Value).Count > 0))
        {
            var arguments = Enumerable.Range(0, Placeholders(chinese).Max(p => int.Parse(p, CultureInfo.InvariantCulture)) + 1).Select(i => (object)i).ToArray();
            _ = string.Format(CultureInfo.InvariantCulture, chinese, arguments);
            _ = string.Format(CultureInfo.InvariantCulture, EnglishTexts.Value[key], arguments);
        }
    }

    [Fact]
    public void ResourceManagerServesEachLanguageFromItsFile()
    {
        foreach (var (key, chinese) in ChineseTexts.Value)
        {
            Assert.Equal(chinese, SharedResource.ResourceManager.GetString(key, PortalTexts.Chinese));
            Assert.Equal(EnglishTexts.Value[key], SharedResource.ResourceManager.GetString(key, PortalTexts.English));
        }
    }

    [Fact]
    public async Task CultureSwitchStoresTheChoiceAndGoesBack()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = app.CreateBrowserClient();

        var response = await client.GetAsync("/culture/set?culture=en&returnUrl=/Account/Login", ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(CultureCookie + "=", StringComparison.Ordinal));
        Assert.StartsWith(CultureCookie + "=" + Uri.EscapeDataString("c=en|uic=en") + ";", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        var page = await new Browser(client).GetPageAsync("/Account/Login", ct);
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(PortalTexts.En("Login_Title"), page.QuerySelector("h1")?.TextContent.Trim());
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example")]
    [InlineData("http://evil.example/Account/Login")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("evil.example")]
    [InlineData("")]
    public async Task CultureSwitchDoesNotRedirectOffSite(string returnUrl)
    {
        var response = await app.CreateBrowserClient().GetAsync(
            "/culture/set?culture=en&returnUrl=" + Uri.EscapeDataString(returnUrl), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("xx-YY")]
    [InlineData("")]
    public async Task UnknownCultureFallsBackToChinese(string culture)
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = new Browser(app.CreateBrowserClient());
        await browser.Client.GetAsync("/culture/set?culture=en&returnUrl=/", ct);
        Assert.Equal("en", await LanguageOfAsync(browser, "/"));

        var response = await browser.Client.GetAsync($"/culture/set?culture={Uri.EscapeDataString(culture)}&returnUrl=/", ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(CultureCookie + "=" + Uri.EscapeDataString("c=zh-CN|uic=zh-CN"), StringComparison.Ordinal));
        var page = await browser.GetPageAsync("/", ct);
        Assert.Equal("zh-CN", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(PortalTexts.Zh("Home_Hero_Title"), page.QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task UnsupportedCultureCookieFallsBackToChinese()
    {
        var client = app.CreateBrowserClient();
        client.DefaultRequestHeaders.Add("Cookie", CultureCookie + "=" + Uri.EscapeDataString("c=fr|uic=fr"));

        Assert.Equal("zh-CN", await LanguageOfAsync(new Browser(client), "/"));
    }

    [Fact]
    public async Task BrowserLanguageIsNotConsulted()
    {
        var client = app.CreateBrowserClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US,en;q=0.9");

        Assert.Equal("zh-CN", await LanguageOfAsync(new Browser(client), "/"));
    }

    [Theory]
    [InlineData("/", "Home_Hero_Title")]
    [InlineData("/Account/Login", "Login_Title")]
    [InlineData("/Account/Register", "Register_Title")]
    public async Task PagesRenderInChineseByDefault(string url, string headingKey)
    {
        var page = await new Browser(app.CreateBrowserClient()).GetPageAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal("zh-CN", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(PortalTexts.Zh(headingKey), page.QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task PagesRenderInEnglishAfterSwitching()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = new Browser(app.CreateBrowserClient());
        await browser.Client.GetAsync("/culture/set?culture=en&returnUrl=/", ct);

        var home = await browser.GetPageAsync("/", ct);
        var register = await browser.GetPageAsync("/Account/Register", ct);

        Assert.Equal("en", home.DocumentElement.GetAttribute("lang"));
        Assert.Equal(PortalTexts.En("Home_Hero_Title"), home.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal("en", register.DocumentElement.GetAttribute("lang"));
        Assert.Equal(PortalTexts.En("Register_Title"), register.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal(PortalTexts.En("Field_OrganisationName"), Label(register, "Input.OrganisationName"));
        Assert.Equal(PortalTexts.En("Field_CreditCode"), Label(register, "Input.CreditCode"));
        Assert.Contains(register.QuerySelectorAll("#Input\\.OrganisationType option"), o => o.TextContent.Trim() == PortalTexts.En("OrganisationType_University"));
    }

    [Fact]
    public async Task SwitchingBackToChineseRendersChinese()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = new Browser(app.CreateBrowserClient());
        await browser.Client.GetAsync("/culture/set?culture=en&returnUrl=/", ct);
        Assert.Equal("en", await LanguageOfAsync(browser, "/Account/Login"));

        await browser.Client.GetAsync("/culture/set?culture=zh-CN&returnUrl=/", ct);

        var page = await browser.GetPageAsync("/Account/Login", ct);
        Assert.Equal("zh-CN", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(PortalTexts.Zh("Login_Title"), page.QuerySelector("h1")?.TextContent.Trim());
    }

    private static string? Label(IHtmlDocument page, string inputId) =>
        page.QuerySelectorAll("label").FirstOrDefault(l => l.GetAttribute("for") == inputId)?.TextContent.Trim();

    private static async Task<string?> LanguageOfAsync(Browser browser, string url) =>
        (await browser.GetPageAsync(url, TestContext.Current.CancellationToken)).DocumentElement.GetAttribute("lang");

    private static HashSet<string> Placeholders(string text) =>
        PlaceholderPattern().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    private static Dictionary<string, string> ReadResx(string fileName)
    {
        var path = Path.Combine(RepositoryRoot(), "src", "PatentTransfer.Web", "Localization", fileName);
        return XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PatentTransfer.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("PatentTransfer.sln not found above " + AppContext.BaseDirectory);
    }

    // {0}, {1:N0}, {2,5}; doubled braces are literal.
    [GeneratedRegex(@"(?<!\{)\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}
