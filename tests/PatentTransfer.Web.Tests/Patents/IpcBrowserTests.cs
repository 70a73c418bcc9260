using Microsoft.Extensions.DependencyInjection;
using PatentTransfer.Domain.Patents;
using PatentTransfer.Domain.Reference;
using PatentTransfer.Testing;
using PatentTransfer.Web.Features.Ipc;

namespace PatentTransfer.Web.Tests.Patents;

public class IpcBrowserTests(PortalAppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IpcBrowserService Service => new(app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<PatentTransfer.Infrastructure.Data.PortalDbContext>>());

    private async Task AddAsync(string main, params string[] further)
    {
        var holder = await app.FindUserAsync(Accounts.Holder);
        var details = TestPatents.Details(mainIpc: main) with { FurtherIpc = [.. further.Select(IpcCode.Parse)] };
        await using var db = app.CreateDbContext();
        db.Patents.Add(TestPatents.Create(holder.OrganisationId!.Value, details));
        await db.SaveChangesAsync(Ct);
    }

    private static int CountOf(IpcBrowseView view, string code) => view.Children.Single(c => c.Code == code).PatentCount;

    [Fact]
    public async Task EachNodeCountsThePatentsUnderItOnceWhateverTheirSymbols()
    {
        // Counts grow by what this test adds; other tests may add patents elsewhere in the tree.
        var sectionsBefore = await Service.GetAsync(null, Ct);
        var subclassBefore = await Service.GetAsync("G21K", Ct);

        await AddAsync("G21K5/00");
        await AddAsync("G21K1/00", "G21K5/02");
        await AddAsync("G21K5/04", "G21K5/10"); // both in G21K5/00: one patent

        var sections = await Service.GetAsync(null, Ct);
        var subclass = await Service.GetAsync("G21K", Ct);
        Assert.Equal(CountOf(sectionsBefore!, "G") + 3, CountOf(sections!, "G"));
        Assert.Equal(subclassBefore!.Node!.PatentCount + 3, subclass!.Node!.PatentCount);
        Assert.Equal(CountOf(subclassBefore, "G21K5/00") + 3, CountOf(subclass, "G21K5/00"));
        Assert.Equal(CountOf(subclassBefore, "G21K1/00") + 1, CountOf(subclass, "G21K1/00"));
        Assert.Equal(["G", "G21"], subclass.Ancestors.Select(a => a.Code));
    }

    [Fact]
    public async Task GroupsAreInIpcOrderAndUnknownCodesAreSaidToBeUnknown()
    {
        var view = await Service.GetAsync("h01m", Ct);

        var codes = view!.Children.Select(c => c.Code).ToList();
        Assert.True(codes.IndexOf("H01M4/00") < codes.IndexOf("H01M10/00"), string.Join(",", codes));
        Assert.Null(await Service.GetAsync("H01Z", Ct));
    }

    [Fact]
    public async Task AnonymousVisitorsBrowseTheTreeInChinese()
    {
        var page = await new Browser(app.CreateBrowserClient()).GetPageAsync("/ipc?code=H01M10/00", Ct);

        Assert.Contains("二次电池；及其制造", page.QuerySelector("[data-testid=ipc-node]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("锂离子电池", page.QuerySelector("[data-testid=ipc-children]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SuggestionsFollowATypedSymbolBroadestFirst()
    {
        var suggestions = await Service.SuggestAsync(" c22c 38/", 20, Ct);

        Assert.Equal("C22C38/00", suggestions[0].Code);
        Assert.Equal(IpcLevel.MainGroup, suggestions[0].Level);
        Assert.Equal(20, suggestions.Count);
        Assert.All(suggestions, s => Assert.StartsWith("C22C38/", s.Code, StringComparison.Ordinal));
        Assert.All(suggestions, s => Assert.False(string.IsNullOrWhiteSpace(s.Title)));
        Assert.Equal("C22C", (await Service.SuggestAsync("C22C", 5, Ct))[0].Code);
    }

    [Fact]
    public async Task SuggestionsFindChineseWordsInTheTitlesButNeverWholeSections()
    {
        var suggestions = await Service.SuggestAsync("合金", 10, Ct);

        Assert.Equal(10, suggestions.Count);
        Assert.All(suggestions, s => Assert.Contains("合金", s.Title, StringComparison.Ordinal));
        Assert.DoesNotContain(suggestions, s => s.Level == IpcLevel.Section);
        Assert.Empty(await Service.SuggestAsync("  ", 10, Ct));
        Assert.Empty(await Service.SuggestAsync("合金%不存在的词", 10, Ct));
    }
}
