using Cases.Silo.Clustering;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cases.Silo.Observability;

/// <summary>Wires readiness, metrics and the shutdown budget that orchestrators (Kubernetes, compose) rely on.</summary>
public static class ObservabilityHosting
{
    /// <summary>The tag of the health checks /health/ready runs.</summary>
    public const string ReadyTag = "ready";

    /// <summary>The shutdown budget when Cases:ShutdownTimeout is not set; Kubernetes' grace period must exceed it.</summary>
    public static readonly TimeSpan DefaultShutdownTimeout = TimeSpan.FromSeconds(25);

    /// <summary>Registers the membership check, the meters and OpenTelemetry, and HostOptions.ShutdownTimeout from Cases:ShutdownTimeout.</summary>
    public static WebApplicationBuilder AddCasesObservability(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var shutdown = builder.Configuration.GetValue(SiloConfigurationKeys.ShutdownTimeout, DefaultShutdownTimeout);
        // On SIGTERM Kestrel stops accepting, in-flight requests finish, then Orleans hands its grains and stream queues over and leaves the cluster, all within this budget.
        services.Configure<HostOptions>(o => o.ShutdownTimeout = shutdown);
        services.AddHealthChecks().AddCheck<MembershipHealthCheck>("membership", HealthStatus.Unhealthy, [ReadyTag]);
        services.AddMetrics();
        services.AddSingleton<CasesMetrics>();
        builder.AddCasesTelemetry();
        return builder;
    }

    /// <summary>Maps /health/ready (store and membership checks; 503 until both pass) and /metrics, and starts collecting at once.</summary>
    public static WebApplication MapCasesObservability(this WebApplication app)
    {
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthReportWriter.WriteAsync,
        });
        // Anonymous as before: a scraper inside the cluster network reads it without a token.
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
        _ = app.Services.GetRequiredService<CasesMetrics>(); // the meter exists from the start, so the first scrape counts earlier commands
        return app;
    }
}
