namespace Cases.Silo.Api;

/// <summary>Adds the browser-hardening headers to every answer: no sniffing, no framing, no referrers, no inline script, and no caching unless an endpoint says otherwise.</summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    /// <summary>The console's policy: its pages load only their own stylesheet and images and run no script at all.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; script-src 'self'";

    // The Orleans Dashboard is a third-party single-page app that injects inline styles; it still may not be framed or reach elsewhere.
    private const string DashboardPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'";

    // The API reference (Scalar) runs its own inline bootstrap under a per-request nonce and styles itself inline; it reaches only this silo.
    private static string ReferencePolicy(string? nonce) =>
        $"default-src 'self'; script-src 'self'{(nonce is null ? "" : $" 'nonce-{nonce}'")}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            var path = context.Request.Path;
            headers.ContentSecurityPolicy = path.StartsWithSegments("/admin/orleans") ? DashboardPolicy
                : path.StartsWithSegments(OpenApiDocumentation.ReferencePath) ? ReferencePolicy(context.Items[Scalar.AspNetCore.ScalarOptions.NonceHttpContextItemKey] as string)
                : ContentSecurityPolicy;
            headers.XFrameOptions = "DENY";
            // Answers carry personal data unless an endpoint declares itself cacheable (the console's stylesheet).
            if (string.IsNullOrEmpty(headers.CacheControl))
                headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
