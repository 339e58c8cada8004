using Cases.Domain.Applicants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cases.Silo.Api;

/// <summary>Diagnostics for benchmarks: a no-op intake that measures the HTTP ceiling beside the real intake.</summary>
public static class DiagnosticsApi
{
    /// <summary>The configuration key that maps the diagnostics endpoints; absent means enabled.</summary>
    public const string EnabledKey = "Cases:Diagnostics:Enabled";

    public static IEndpointRouteBuilder MapDiagnosticsApi(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IConfiguration>().GetValue(EnabledKey, true))
            return app;
        var api = app.MapGroup("/diagnostics").WithTags("Diagnostics");
        // Same body binding and rate limiter as intake, so the only difference from POST /applicants is the grain's work.
        api.MapPost("/noop", Noop).AllowAnonymous().RequireRateLimiting(ApiHosting.IntakeLimiter);
        return app;
    }

    /// <summary>Binds an intake body (malformed JSON still gets the intake's 400), discards it and answers 202.</summary>
    public static Accepted Noop(ApplicantProfile profile) => TypedResults.Accepted((string?)null);
}
