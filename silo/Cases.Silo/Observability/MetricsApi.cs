namespace Cases.Silo.Observability;

/// <summary>GET /metrics: the silo's meters in Prometheus text format, for a scraper inside the cluster network.</summary>
public static class MetricsApi
{
    /// <summary>Prometheus text exposition format, version 0.0.4.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/metrics", Scrape).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>Renders every series collected since the silo started.</summary>
    public static IResult Scrape(PrometheusExporter exporter) => TypedResults.Text(exporter.Render(), ContentType);
}
