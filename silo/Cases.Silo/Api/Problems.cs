using Cases.Grains.Contracts;
using Cases.Journal;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cases.Silo.Api;

/// <summary>RFC 7807 answers for grain rejections and request faults, with a stable code a client can switch on.</summary>
public static class Problems
{
    /// <summary>A grain's rejection as ProblemDetails: unknown things 404, forbidden actors 403, a reused Idempotency-Key 422, everything else a 409 conflict with the case's state.</summary>
    public static ProblemHttpResult From(Rejection rejection) => Of(StatusFor(rejection.Code), rejection.Code, rejection.Message);

    public static ProblemHttpResult NotFound(string what) => Of(StatusCodes.Status404NotFound, "not-found", $"{what} does not exist.");

    public static ProblemHttpResult Forbidden(string why) => Of(StatusCodes.Status403Forbidden, "forbidden", why);

    public static ProblemHttpResult BadRequest(string code, string detail) => Of(StatusCodes.Status400BadRequest, code, detail);

    public static ProblemHttpResult Of(int status, string code, string detail, params (string Name, object? Value)[] extra)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        foreach (var (name, value) in extra)
            extensions[name] = value;
        return TypedResults.Problem(detail: detail, statusCode: status, title: TitleFor(status), type: $"https://cases.local/problems/{code}", extensions: extensions);
    }

    private static int StatusFor(string code) => code switch
    {
        _ when code.StartsWith("unknown-", StringComparison.Ordinal) || code.EndsWith("-not-found", StringComparison.Ordinal) => StatusCodes.Status404NotFound,
        "not-an-officer" or "forbidden" or "not-allowed" => StatusCodes.Status403Forbidden,
        CommandRejections.IdempotencyKeyReused => StatusCodes.Status422UnprocessableEntity,
        _ when code.StartsWith("invalid-", StringComparison.Ordinal) || code.EndsWith("-required", StringComparison.Ordinal) || code == "identity-mismatch"
            => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status409Conflict,
    };

    /// <summary>The title every ProblemDetails of a status carries, whoever writes it.</summary>
    public static string TitleFor(int status) => status switch
    {
        400 => "The request is malformed.",
        401 => "The caller is not authenticated.",
        403 => "The caller may not do this.",
        404 => "Not found.",
        405 => "The method is not allowed.",
        409 => "The request conflicts with the case's state.",
        413 => "The request body is too large.",
        415 => "The content type is not supported.",
        422 => "The request cannot be processed.",
        429 => "Too many requests.",
        503 => "The store is unavailable.",
        _ => "The request failed.",
    };
}
