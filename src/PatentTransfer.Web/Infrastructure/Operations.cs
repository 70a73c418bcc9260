using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Serilog;
using Serilog.Events;

namespace PatentTransfer.Web.Infrastructure;

public static class Operations
{
    /// <summary>
    /// One line per request. The path is logged without its query string (reset and confirmation links carry
    /// tokens and e-mail addresses there); health probes and static files only at Debug.
    /// </summary>
    public static IApplicationBuilder UsePortalRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            // The host's own logger, not the static one (see Program.cs).
            options.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            options.GetLevel = (context, _, exception) =>
                exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
                : context.Request.Path.StartsWithSegments("/healthz") || context.Request.Path.StartsWithSegments("/_framework")
                  || context.Request.Path.StartsWithSegments("/_content") || Path.HasExtension(context.Request.Path.Value)
                    ? LogEventLevel.Debug
                    : LogEventLevel.Information;
        });

    /// <summary>
    /// /healthz (alive): 200 with {"status":"Healthy"} when the database answers, 503 otherwise. /healthz/ready: the same
    /// and the in-process indexes built (<see cref="IndexesReadyHealthCheck"/>).
    /// </summary>
    public static IEndpointRouteBuilder MapPortalHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", Options(check => !check.Tags.Contains(IndexesReadyHealthCheck.Tag))).AllowAnonymous().DisableHttpMetrics();
        endpoints.MapHealthChecks("/healthz/ready", Options(_ => true)).AllowAnonymous().DisableHttpMetrics();
        return endpoints;
    }

    private static HealthCheckOptions Options(Func<HealthCheckRegistration, bool> predicate) => new()
    {
        Predicate = predicate,
        ResponseWriter = async (context, report) =>
        {
            context.Response.ContentType = "application/json";
            await JsonSerializer.SerializeAsync(context.Response.Body, new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
                durationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            });
        },
    };
}
