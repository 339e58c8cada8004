using Cases.Domain;
using Cases.Runtime.Grains;
using Cases.Runtime.Hosting;
using Cases.Silo.Auth;

namespace Cases.Silo.Api;

/// <summary>The programme's grains as endpoints reach them, and the metadata every command carries from the HTTP request.</summary>
public sealed class Grains(GrainRuntime runtime, Programme programme)
{
    private const int MaxKeyLength = 128;

    public GrainRuntime Runtime { get; } = runtime;

    public Programme Programme { get; } = programme;

    /// <summary>The command's metadata: the caller as actor, the Idempotency-Key (if any) as command id, X-Correlation-Id if given.</summary>
    public static CommandMeta Meta(HttpContext http, Caller caller) => new(
        CommandId: Header(http, "Idempotency-Key"),
        Actor: caller.Actor,
        CorrelationId: Header(http, "X-Correlation-Id"));

    /// <summary>A header's value if present and sane; over-long values are refused rather than stored.</summary>
    public static string? Header(HttpContext http, string name)
    {
        var value = http.Request.Headers[name].ToString();
        if (value.Length == 0)
            return null;
        if (value.Length > MaxKeyLength || value.Any(char.IsControl))
            throw new BadHttpRequestException($"The {name} header must be at most {MaxKeyLength} printable characters.");
        return value;
    }
}
