using Microsoft.AspNetCore.Http;

namespace Cases.Silo.Api;

/// <summary>Gives every ProblemDetails the silo writes a <c>code</c>, including those ASP.NET Core writes itself (401, 403, 404, 405, binding 400s).</summary>
public static class ProblemCodes
{
    /// <summary>Adds the code (and our type and title) a status implies when the writer gave none.</summary>
    public static void Complete(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Extensions.ContainsKey("code"))
            return;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        var code = ForStatus(status);
        problem.Extensions["code"] = code;
        problem.Type = $"https://cases.local/problems/{code}";
        problem.Title = Problems.TitleFor(status);
        problem.Detail ??= DetailFor(status);
    }

    /// <summary>The code of a status that no handler explained.</summary>
    public static string ForStatus(int status) => status switch
    {
        400 => "bad-request",
        401 => "unauthenticated",
        403 => "forbidden",
        404 => "not-found",
        405 => "method-not-allowed",
        406 => "not-acceptable",
        413 => "body-too-large",
        415 => "unsupported-media-type",
        429 => "overloaded",
        503 => "unavailable",
        >= 500 => "internal",
        _ => "request-failed",
    };

    private static string? DetailFor(int status) => status switch
    {
        401 => "Send 'Authorization: Bearer <token>' with a valid, unexpired, unrevoked token.",
        403 => "The caller's role may not do this.",
        404 => "There is no such resource.",
        405 => "The resource does not accept this method.",
        _ => null,
    };
}
