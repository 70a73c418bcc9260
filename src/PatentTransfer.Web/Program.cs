using System.Globalization;
using PatentTransfer.Web.Components;
using PatentTransfer.Web.Components.Account;
using PatentTransfer.Web.Features.MyPatents;
using PatentTransfer.Web.Infrastructure;
using Serilog;

Log.Logger = new LoggerConfiguration().WriteTo.Console(formatProvider: CultureInfo.InvariantCulture).CreateBootstrapLogger();

try
{
    var builder = WebApplication.CreateBuilder(args);
    // The host owns its logger (preserveStaticLogger): a second host in the same process, as integration tests
    // start, must not replace or close the first one's sinks through the static Log.Logger.
    builder.Services.AddSerilog(
        (services, logger) => logger.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services),
        preserveStaticLogger: true);
    builder.AddWebServices();

    var app = builder.Build();
    if (!app.Environment.IsDevelopment())
    {
        app.UseExceptionHandler("/Error", createScopeForErrors: true);
        app.UseHsts();
    }

    app.UseSecurityHeaders();
    app.UsePortalRequestLogging();
    app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
    app.UseRequestLocalization(PortalCultures.CreateOptions());
    app.UseAntiforgery();

    app.MapStaticAssets();
    app.MapPortalHealthChecks();
    app.MapCultureSwitch();
    app.MapImportTemplates();
    app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    app.MapAdditionalIdentityEndpoints();

    await app.RunAsync();
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "The portal stopped unexpectedly");
    throw;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Entry point; public so the integration tests can host it.</summary>
public partial class Program;
