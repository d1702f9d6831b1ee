using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SumahoSupport.Web.Hosting;

/// <summary>
/// For load balancers and orchestrators: <c>/healthz/live</c> answers while the process runs (restart it when not);
/// <c>/healthz/ready</c> while it can serve — database reachable and migrated, mail able to leave (send traffic elsewhere
/// when not), with when each minute job last succeeded (Degraded, still 200, while one fails). <c>/healthz</c> stays
/// as an alias of ready. Each answers JSON with every check, and nothing personal.
/// </summary>
public static class HealthEndpoints
{
    public const string Ready = "ready";

    public static void AddHealth(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<MailHealthCheck>("mail", tags: [Ready])
            .AddCheck<JobsHealthCheck>("jobs", tags: [Ready]);

    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJsonAsync }).AllowAnonymous();
        foreach (var path in new[] { "/healthz/ready", "/healthz" })
            app.MapHealthChecks(path, new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = WriteJsonAsync }).AllowAnonymous();
    }

    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                milliseconds = (int)e.Value.Duration.TotalMilliseconds,
                data = e.Value.Data.Count == 0 ? null : e.Value.Data,
            }),
        }, cancellationToken: context.RequestAborted);
    }
}
