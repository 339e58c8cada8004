namespace Cases.Client;

/// <summary>The optional headers a request to the silo carries: the bearer token, an access reason and an idempotency key.</summary>
public sealed record RequestHeaders(string? Token = null, string? AccessReason = null, string? IdempotencyKey = null)
{
    /// <summary>No headers beyond the defaults.</summary>
    public static readonly RequestHeaders None = new();

    /// <summary>Adds the headers that are set to the request.</summary>
    public void ApplyTo(HttpRequestMessage request)
    {
        if (Token is not null)
            request.Headers.Authorization = new("Bearer", Token);
        if (AccessReason is not null)
            request.Headers.TryAddWithoutValidation("X-Access-Reason", AccessReason);
        if (IdempotencyKey is not null)
            request.Headers.TryAddWithoutValidation("Idempotency-Key", IdempotencyKey);
    }
}
