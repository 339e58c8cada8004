using Cases.Silo.Api;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cases.Silo.WebConsole;

/// <summary>The console's form posts: browser-only (no bearer header), form-encoded, and carrying a valid antiforgery token.</summary>
/// <remarks>Forms are read here rather than bound with [FromForm], so a wrong caller meets 403 before any content-type check (415).</remarks>
internal static class ConsoleForms
{
    /// <summary>Refuses requests that carry an Authorization header: API clients act through the HTTP API, not the console's forms.</summary>
    public static TBuilder BrowserFormsOnly<TBuilder>(this TBuilder endpoint) where TBuilder : IEndpointConventionBuilder =>
        endpoint.AddEndpointFilter(async (context, next) =>
            context.HttpContext.Request.Headers.Authorization.Count > 0
                ? Problems.Forbidden("The console's forms are for signed-in browsers; API clients use the HTTP API.")
                : await next(context));

    /// <summary>Shows a handler's problem to a browser as an HTML page with the same status; bearer API clients keep the JSON.</summary>
    public static TBuilder ProblemsAsPages<TBuilder>(this TBuilder endpoint) where TBuilder : IEndpointConventionBuilder =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            var http = context.HttpContext;
            // Handlers answer Results<...>, which wraps the ProblemHttpResult.
            var problem = result as ProblemHttpResult ?? (result as INestedHttpResult)?.Result as ProblemHttpResult;
            if (problem is null || http.Request.Headers.Authorization.Count > 0)
                return result;
            var details = problem.ProblemDetails;
            var status = details.Status ?? problem.StatusCode;
            return PageFrame.Page<ErrorPage>(http, details.Title ?? "Problem", details, status: status);
        });

    /// <summary>The posted form, or the 400 to answer when it is not a form or its antiforgery token is missing or wrong.</summary>
    public static async Task<(IFormCollection? Form, ProblemHttpResult? Problem)> ReadAsync(HttpContext http)
    {
        if (!http.Request.HasFormContentType)
            return (null, Problems.BadRequest("form-required", "Post the console's form (application/x-www-form-urlencoded)."));
        var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
        if (!await antiforgery.IsRequestValidAsync(http))
            return (null, Problems.BadRequest("antiforgery", "The form's antiforgery token is missing or does not match; reload the page and try again."));
        return (await http.Request.ReadFormAsync(http.RequestAborted), null);
    }
}
