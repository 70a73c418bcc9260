using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using PatentTransfer.Domain.Demands;
using PatentTransfer.Matching.Demands;
using PatentTransfer.Matching.Search;
using PatentTransfer.Web.Features.DemandHall;

namespace PatentTransfer.Web.Tests.DemandHall;

/// <summary>How the hall turns a page's search and a viewer into the index's question, and how its settings are checked.</summary>
public class DemandHallSettingsTests(PortalAppFactory app)
{
    private static readonly DateOnly Today = new(2026, 12, 6);

    private static readonly DemandHallViewer VerifiedSme = new(SignedIn: true, IsStaff: false, OrganisationVerified: true, IsPatentHolder: false);

    private static readonly Dictionary<string, DemandHallViewer> Viewers = new()
    {
        ["anonymous"] = DemandHallViewer.Anonymous,
        ["verified SME"] = VerifiedSme,
        ["holder awaiting verification"] = new(SignedIn: true, IsStaff: false, OrganisationVerified: false, IsPatentHolder: true),
        ["verified holder"] = new(SignedIn: true, IsStaff: false, OrganisationVerified: true, IsPatentHolder: true),
        ["staff"] = new(SignedIn: true, IsStaff: true, OrganisationVerified: false, IsPatentHolder: false),
    };

    public static TheoryData<string, string[]> LevelsByViewer => new()
    {
        { "anonymous", ["Public", "Anonymised"] },
        { "verified SME", ["Public", "Anonymised"] },
        { "holder awaiting verification", ["Public", "Anonymised"] },
        { "verified holder", ["Public", "Anonymised", "PlatformOnly"] },
        { "staff", ["Public", "Anonymised", "PlatformOnly"] },
    };

    [Theory]
    [MemberData(nameof(LevelsByViewer))]
    public void TheIndexIsAskedForTheLevelsTheViewerMaySeeAndForDemandsValidToday(string viewer, string[] levels)
    {
        var query = DemandHallService.ToIndexQuery(new DemandHallQuery("衬板"), Viewers[viewer], Today);

        Assert.Equal(levels, query.VisibleConfidentiality);
        Assert.Equal(Today, query.ValidOn);
        Assert.Equal("衬板", query.Text);
        Assert.Null(query.Budget);
    }

    [Fact]
    public void WhatAPageAsksIsTakenLeniently()
    {
        var query = DemandHallService.ToIndexQuery(
            new DemandHallQuery(IndustryCode: " ", CityCode: " 1306 ", BudgetMin: 80m, BudgetMax: 20m, IncludeNegotiable: true, Mode: DemandMode.Equity,
                Payment: PaymentPreference.PayLater, Sort: (DemandSort)42, Page: 100_000, PageSize: 100_000),
            VerifiedSme, Today);

        Assert.Null(query.IndustryCodes);
        Assert.Equal("1306", query.CityCode);
        Assert.Equal(new DemandBudgetFilter(20m, 80m, IncludeNegotiable: true), query.Budget);
        Assert.Equal(["Equity"], query.Modes);
        Assert.Equal(["PayLater"], query.PaymentPreferences);
        Assert.Equal(DemandSort.Relevance, query.Sort);
        Assert.Equal((DemandHallQuery.MaxPage, DemandHallQuery.MaxPageSize), (query.Page, query.PageSize));

        var negative = DemandHallService.ToIndexQuery(new DemandHallQuery(BudgetMin: -5m, Page: -3, PageSize: 0), VerifiedSme, Today);
        Assert.Null(negative.Budget);
        Assert.Equal((1, 1), (negative.Page, negative.PageSize));
    }

    [Theory]
    [InlineData("Licence", DemandMode.Licence)]
    [InlineData("licence", DemandMode.Licence)]
    [InlineData("JointRnD", DemandMode.JointRnD)]
    [InlineData("1", null)]
    [InlineData("Buy,Licence", null)]
    [InlineData("Lease", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void AddressesNameEnumMembersOnlyByName(string? text, DemandMode? expected) =>
        Assert.Equal(expected, DemandHallTexts.Member<DemandMode>(text));

    [Fact]
    public void TheDefaultSettingsAreValidAndEachMistakeIsNamed()
    {
        var validation = new DemandSearchOptionsValidation(Options.Create(new PatentSearchOptions { IndexDirectory = "/data/index/patents" }));

        Assert.True(validation.Validate(null, new DemandSearchOptions()).Succeeded);
        Assert.True(validation.Validate(null, new DemandSearchOptions { IndexDirectory = "/data/index/demands" }).Succeeded);

        var failed = validation.Validate(null, new DemandSearchOptions
        {
            IndexDirectory = "/data/index/patents/",
            FieldBoosts = DemandFieldBoosts.Default with { Basis = -1f },
            FieldTieBreaker = 2f,
            SnippetLength = 5,
            RebuildRamBufferMegabytes = 4096,
        });

        Assert.True(failed.Failed);
        Assert.Equal(
            ["IndexDirectory", "FieldBoosts", "FieldTieBreaker", "SnippetLength", "RebuildRamBufferMegabytes"],
            failed.Failures!.Select(f => f.Split(':', ' ')[1]));
        Assert.True(validation.Validate(null, new DemandSearchOptions { FieldBoosts = new(0, 0, 0, 0, 0, 0) }).Failed);
    }

    [Fact]
    public async Task ThePortalRefusesToStartWithInvalidDemandSearchSettings()
    {
        await using var misconfigured = app.WithWebHostBuilder(builder => builder.UseSetting("DemandSearch:SnippetLength", "5"));

        var error = Record.Exception(() => misconfigured.CreateClient());

        // The host may wrap it; what matters is that start-up stopped on this setting, by name.
        var validation = Assert.Single(Causes(error).OfType<OptionsValidationException>());
        Assert.Contains("DemandSearch:SnippetLength", validation.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<Exception> Causes(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
