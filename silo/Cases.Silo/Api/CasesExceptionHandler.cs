using System.Text.Json;
using Cases.Grains.Journaling;
using Cases.Journal.Storage;
using Microsoft.AspNetCore.Diagnostics;

namespace Cases.Silo.Api;

/// <summary>Turns exceptions into ProblemDetails: bad input 400, lost races 409, a down store 503 with Retry-After; never a stack trace.</summary>
public sealed partial class CasesExceptionHandler(IProblemDetailsService problems, ILogger<CasesExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code, detail) = exception switch
        {
            BadHttpRequestException bad when bad.InnerException is JsonException json => (400, "malformed-json", Describe(json)),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (413, "body-too-large", $"The request body must be at most {RequestBodyLimit.MaxBytes} bytes."),
            BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } bad => (415, "unsupported-media-type", bad.Message),
            BadHttpRequestException bad => (bad.StatusCode, "bad-request", bad.Message),
            JsonException json => (400, "malformed-json", Describe(json)),
            StoreUnavailableException => (503, "store-unavailable", "The event store cannot be reached; retry with the same Idempotency-Key."),
            // The silo holding the case is unreachable until Orleans' membership moves its grains; a retry with the same key is safe.
            Orleans.Runtime.OrleansMessageRejectionException or TimeoutException => (503, "grain-unavailable", "The silo holding this case cannot be reached right now; retry with the same Idempotency-Key."),
            ConcurrencyException => (409, "concurrency", "The case changed too often while this request was decided; retry."),
            OperationCanceledException when context.RequestAborted.IsCancellationRequested => (499, "client-closed", "The client went away."),
            _ => (500, "internal", "The silo failed to handle the request; it has been logged."),
        };
        if (status >= 500)
            LogFailure(logger, context.Request.Method, context.Request.Path, exception);
        if (status == 503)
            context.Response.Headers.RetryAfter = "5";
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = null, // keeps the exception out of the body in every environment
            ProblemDetails =
            {
                Status = status,
                Title = status >= 500 ? "The request failed." : Problems.TitleFor(status),
                Detail = detail,
                Type = $"https://cases.local/problems/{code}",
                Extensions = { ["code"] = code },
            },
        }).ConfigureAwait(false);
    }

    // JsonException paths name the field ("$.profile.returnedOn"); the message says what was wrong with it.
    private static string Describe(JsonException json) =>
        json.Path is { Length: > 0 } path ? $"{path}: {FirstSentence(json.Message)}" : FirstSentence(json.Message);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    private static partial void LogFailure(ILogger logger, string method, string path, Exception exception);
}
