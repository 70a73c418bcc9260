using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using PatentTransfer.Infrastructure;
using PatentTransfer.Infrastructure.Auditing;
using PatentTransfer.Infrastructure.Data;
using PatentTransfer.Infrastructure.Identity;
using PatentTransfer.Matching.Demands;
using PatentTransfer.Matching.Recommend;
using PatentTransfer.Matching.Search;
using PatentTransfer.Web.Components.Account;
using PatentTransfer.Web.Features.Audit;
using PatentTransfer.Web.Features.DemandHall;
using PatentTransfer.Web.Features.Demands;
using PatentTransfer.Web.Features.Home;
using PatentTransfer.Web.Features.Ipc;
using PatentTransfer.Web.Features.Listings;
using PatentTransfer.Web.Features.Matching;
using PatentTransfer.Web.Features.MyDemands;
using PatentTransfer.Web.Features.MyPatents;
using PatentTransfer.Web.Features.Proposals;
using PatentTransfer.Web.Features.Organisations;
using PatentTransfer.Web.Features.Patents;
using PatentTransfer.Web.Features.Reference;
using PatentTransfer.Web.Features.Registration;
using PatentTransfer.Web.Features.Search;
using PatentTransfer.Web.Features.Users;

namespace PatentTransfer.Web.Infrastructure;

public static class WebServices
{
    /// <summary>Idle time after which the sign-in cookie expires (sliding).</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    /// <summary>Settings of the matching engine (<see cref="MatchOptions"/>); the defaults are the measured ones.</summary>
    public const string MatchingSection = "Matching";

    public static WebApplicationBuilder AddWebServices(this WebApplicationBuilder builder)
    {
        builder.AddInfrastructure();
        var services = builder.Services;

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight;
            options.SnackbarConfiguration.VisibleStateDuration = 5000;
        });
        services.AddLocalization();
        services.AddTransient<MudBlazor.MudLocalizer, Localization.PortalMudLocalizer>();
        services.AddHttpContextAccessor();
        services.AddHealthChecks()
            .AddDbContextCheck<PortalDbContext>("database")
            .AddCheck<IndexesReadyHealthCheck>("indexes", tags: [IndexesReadyHealthCheck.Tag]);

        var keys = builder.Configuration["DataProtection:KeysDirectory"];
        var dataProtection = services.AddDataProtection().SetApplicationName("PatentTransfer");
        if (!string.IsNullOrWhiteSpace(keys))
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keys));
        }

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddScoped<ICurrentActor, CurrentActor>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.ExpireTimeSpan = IdleTimeout;
            options.SlidingExpiration = true;
            options.Cookie.Name = "pt.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        // A changed role or password invalidates other sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddPortalIdentityCore()
            .AddSignInManager<PortalSignInManager>()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();
        services.AddScoped<IEmailSender<PortalUser>, IdentityEmailSender>();

        services.AddAuthorizationBuilder().AddPortalPolicies();
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, VerifiedOrganisationHandler>();

        services.AddSingleton<ReferenceDataService>();
        services.AddScoped<HomeStatisticsService>();
        services.AddScoped<RegistrationService>();
        services.AddScoped<MyOrganisationService>();
        services.AddScoped<OrganisationReviewService>();
        services.AddScoped<AuditQueryService>();
        services.AddScoped<UserAdminService>();
        services.AddScoped<PatentService>();
        services.AddScoped<MyPatentsService>();
        services.AddScoped<ListingService>();
        services.AddScoped<IpcBrowserService>();
        services.AddScoped<ListingReviewService>();
        services.AddScoped<MyDemandsService>();
        services.AddScoped<DemandReviewService>();
        services.AddScoped<DemandFollowUpService>();
        services.AddScoped<ProposalService>();

        // Published demands past their last day are marked expired by a periodic sweep; reads do not wait for it.
        services.AddOptions<DemandExpiryOptions>().Bind(builder.Configuration.GetSection(DemandExpiryOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<DemandExpiry>();
        services.AddHostedService<DemandExpiryWorker>();

        // One in-process search index, fed from the database by PatentIndexer (built at start, then polled).
        services.AddOptions<PatentSearchOptions>().Bind(builder.Configuration.GetSection(PatentSearchOptions.SectionName));
        services.AddOptions<PatentIndexingOptions>().Bind(builder.Configuration.GetSection(PatentIndexingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new PatentSearchIndex(sp.GetRequiredService<IOptions<PatentSearchOptions>>().Value));
        services.AddSingleton<PatentIndexFeed>();
        services.AddSingleton<PatentIndexer>();
        services.AddHostedService(sp => sp.GetRequiredService<PatentIndexer>());
        services.AddScoped<PatentSearchService>();

        // The matching engine's index beside it, fed from the same feed by a poller of its own (decision 0017). One set of
        // weights serves the index and the published criteria page, so the page cannot say other than the code does.
        services.AddOptions<MatchOptions>().Bind(builder.Configuration.GetSection(MatchingSection));
        services.AddOptions<PatentMatchingOptions>().Bind(builder.Configuration.GetSection(PatentMatchingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(new MatchWeights());
        services.AddSingleton(sp => new PatentMatchIndex(sp.GetRequiredService<IOptions<MatchOptions>>().Value, sp.GetRequiredService<MatchWeights>()));
        services.AddSingleton<PatentMatchIndexer>();
        services.AddHostedService(sp => sp.GetRequiredService<PatentMatchIndexer>());
        services.AddScoped<RecommendationService>();

        // The demand hall's index beside it, analysed by the patent index's settings (decision 0011) and fed the
        // same way by DemandIndexer.
        services.AddOptions<DemandSearchOptions>().Bind(builder.Configuration.GetSection(DemandSearchOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DemandSearchOptions>, DemandSearchOptionsValidation>();
        services.AddOptions<DemandIndexingOptions>().Bind(builder.Configuration.GetSection(DemandIndexingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new DemandSearchIndex(
            sp.GetRequiredService<IOptions<DemandSearchOptions>>().Value, sp.GetRequiredService<IOptions<PatentSearchOptions>>().Value));
        services.AddSingleton<DemandIndexFeed>();
        services.AddSingleton<DemandIndexer>();
        services.AddHostedService(sp => sp.GetRequiredService<DemandIndexer>());
        services.AddScoped<DemandHallService>();

        // The other direction of matching: demands a patent could answer, for its holder (decision 0017). The listed
        // demands, read through the hall's feed, in an index of their own with the same engine settings and weights.
        services.AddOptions<DemandMatchingOptions>().Bind(builder.Configuration.GetSection(DemandMatchingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new DemandMatchIndex(sp.GetRequiredService<IOptions<MatchOptions>>().Value, sp.GetRequiredService<MatchWeights>()));
        services.AddSingleton<DemandMatchFeed>();
        services.AddSingleton<DemandMatchIndexer>();
        services.AddHostedService(sp => sp.GetRequiredService<DemandMatchIndexer>());
        services.AddScoped<DemandMatchService>();
        return builder;
    }
}
