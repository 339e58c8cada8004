using Microsoft.AspNetCore.Http.Features;

namespace Cases.Silo.Api;

/// <summary>Refuses request bodies over the silo's limit with a 413 ProblemDetails before any endpoint binds them, on any server and for chunked bodies too.</summary>
/// <remarks>
/// Kestrel's MaxRequestBodySize alone is not enough: minimal APIs turn its error on a chunked body into a bare 400, and the
/// in-memory test server enforces no limit at all.
/// </remarks>
public sealed class RequestBodyLimit(RequestDelegate next)
{
    /// <summary>The largest request body the silo reads: 1 MiB, far above any intake or command.</summary>
    public const long MaxBytes = 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength is { } length)
        {
            if (length > MaxBytes)
            {
                await TooLargeAsync(context);
                return;
            }
        }
        // Servers without body detection (the test server) may still send one, so only a known "no body" skips the read.
        else if (context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? !HttpMethods.IsGet(request.Method))
        {
            // A body of unknown length is read up to one byte past the limit; a small one is then served from memory.
            var buffered = new MemoryStream();
            if (await CopyUpToAsync(request.Body, buffered, MaxBytes + 1, context.RequestAborted) > MaxBytes)
            {
                await TooLargeAsync(context);
                return;
            }
            buffered.Position = 0;
            request.Body = buffered;
            request.ContentLength = buffered.Length;
        }
        await next(context);
    }

    private static async Task<long> CopyUpToAsync(Stream source, MemoryStream target, long limit, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while (target.Length < limit && (read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, limit - target.Length)), ct)) > 0)
            await target.WriteAsync(buffer.AsMemory(0, read), ct);
        return target.Length;
    }

    private static Task TooLargeAsync(HttpContext context) =>
        Problems.Of(StatusCodes.Status413PayloadTooLarge, "body-too-large", $"The request body must be at most {MaxBytes} bytes.").ExecuteAsync(context);
}
