using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SumahoSupport.Core.Observability;

namespace SumahoSupport.Web.Hosting;

/// <summary>
/// OpenTelemetry: the app's own meters (<see cref="AppMetrics"/>) and ASP.NET Core's request duration, and traces of
/// requests, EF Core commands and the outbox — sent over OTLP to <c>OpenTelemetry:Endpoint</c> (a collector, Grafana,
/// Azure Monitor's OTLP endpoint…) when it is set. Without it the meters have no reader, cost next to nothing, and no
/// traces are made. Traces carry no SQL parameters and no query strings, so no name, phone or token leaves the app.
/// </summary>
public static class Telemetry
{
    public static void AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var endpoint = configuration["OpenTelemetry:Endpoint"];
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName: configuration["OpenTelemetry:ServiceName"] ?? "sumaho-support"))
            .WithMetrics(metrics => metrics.AddMeter(AppMetrics.MeterName).AddAspNetCoreInstrumentation());
        if (string.IsNullOrWhiteSpace(endpoint)) return;
        telemetry.WithTracing(tracing => tracing
            .AddSource(AppMetrics.MeterName)
            .AddAspNetCoreInstrumentation(options => options.EnrichWithHttpRequest = (activity, _) => activity.SetTag("url.query", null))
            .AddEntityFrameworkCoreInstrumentation());
        telemetry.UseOtlpExporter(
            configuration["OpenTelemetry:Protocol"] == "http/protobuf" ? OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf : OpenTelemetry.Exporter.OtlpExportProtocol.Grpc,
            new Uri(endpoint));
    }
}
