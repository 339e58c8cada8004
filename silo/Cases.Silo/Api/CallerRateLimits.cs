using System.Globalization;
using System.Threading.RateLimiting;
using Cases.Silo.Auth;
using Microsoft.AspNetCore.RateLimiting;

namespace Cases.Silo.Api;

/// <summary>A token bucket per authenticated caller (applicant, officer, operator, auditor, admin), over the API and the console alike.</summary>
/// <remarks>"Cases:RateLimits:PerCaller" sets TokenLimit (the burst, 600), TokensPerPeriod (100) and ReplenishmentPeriod (1 s).</remarks>
public static class CallerRateLimits
{
    public const string Section = "Cases:RateLimits:PerCaller";

    /// <summary>Adds the per-caller limiter as the global limiter and answers its refusals (and the intake limiter's) with 429 and Retry-After.</summary>
    public static void AddPerCaller(this RateLimiterOptions options, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = section.GetValue(nameof(TokenBucketRateLimiterOptions.TokenLimit), 600),
            TokensPerPeriod = section.GetValue(nameof(TokenBucketRateLimiterOptions.TokensPerPeriod), 100),
            ReplenishmentPeriod = section.GetValue(nameof(TokenBucketRateLimiterOptions.ReplenishmentPeriod), TimeSpan.FromSeconds(1)),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            http.User.Identity?.IsAuthenticated == true
                ? RateLimitPartition.GetTokenBucketLimiter(Caller.From(http.User).Actor, _ => bucket)
                : RateLimitPartition.GetNoLimiter(string.Empty));
        options.OnRejected = async (context, _) =>
        {
            var http = context.HttpContext;
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            // The token bucket says when the caller's next request fits; the intake limiter's queue frees within a second.
            if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait))
            {
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await Problems.Of(429, "rate-limited", "This caller is sending requests faster than the silo serves one caller; retry after the time Retry-After gives.")
                    .ExecuteAsync(http);
                return;
            }
            http.Response.Headers.RetryAfter = "1";
            await Problems.Of(429, "overloaded", "The silo is at its intake limit; retry after a second with the same Idempotency-Key.").ExecuteAsync(http);
        };
    }
}
