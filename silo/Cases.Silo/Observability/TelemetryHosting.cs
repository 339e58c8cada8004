using System.Diagnostics.Metrics;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Cases.Silo.Observability;

/// <summary>OpenTelemetry for the silo: our, Orleans', ASP.NET Core's, the runtime's and Npgsql's meters and activity sources, scraped at /metrics and optionally pushed over OTLP.</summary>
public static class TelemetryHosting
{
    /// <summary>The OTLP collector's address (e.g. http://otel-collector:4317); when set, traces and metrics are also exported there.</summary>
    public const string OtlpEndpointKey = "Cases:Telemetry:OtlpEndpoint";

    // ASP.NET Core's hosting and Kestrel meters come with AddAspNetCoreInstrumentation.
    private static readonly string[] Meters = [CasesMetrics.MeterName, "Microsoft.Orleans", "Npgsql"];

    private static readonly string[] Sources = [Cases.Grains.Streams.CasesTracing.SourceName, "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    /// <summary>Registers the meter and tracer providers; the OTLP exporters only when <see cref="OtlpEndpointKey"/> is set.</summary>
    public static WebApplicationBuilder AddCasesTelemetry(this WebApplicationBuilder builder)
    {
        var otlp = builder.Configuration[OtlpEndpointKey];
        var endpoint = string.IsNullOrWhiteSpace(otlp) ? null : new Uri(otlp);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("cases-silo"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(Meters).AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddPrometheusExporter(o =>
                {
                    // Series keep the labels the hand-written exporter gave them, and each scrape is fresh (the default caches 300 ms).
                    o.ScopeInfoEnabled = false;
                    o.ScrapeResponseCacheDurationMilliseconds = 0;
                });
                if (endpoint is not null)
                    metrics.AddOtlpExporter(o => o.Endpoint = endpoint);
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource(Sources).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddNpgsql();
                if (endpoint is not null)
                    tracing.AddOtlpExporter(o => o.Endpoint = endpoint);
            });
        builder.Services.ConfigureOpenTelemetryMeterProvider((services, metrics) => metrics.AddView(OwnInstrumentsOnly(services.GetRequiredService<IMeterFactory>())));
        return builder;
    }

    // OpenTelemetry listens to every meter of a name in the process; a meter made by another host's factory (a second silo in one process) is not this silo's.
    private static Func<Instrument, MetricStreamConfiguration?> OwnInstrumentsOnly(IMeterFactory factory) =>
        instrument => instrument.Meter.Scope is IMeterFactory other && !ReferenceEquals(other, factory) ? MetricStreamConfiguration.Drop : null;
}
