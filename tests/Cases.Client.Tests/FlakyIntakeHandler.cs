using System.Collections.Concurrent;
using System.Net;

namespace Cases.Client.Tests;

/// <summary>A thread-safe scripted silo for `cases load`: intake answers the given status (with Retry-After: 1) for each key's first failures, then 201; no-ops answer 202.</summary>
public sealed class FlakyIntakeHandler(HttpStatusCode failure, int failuresPerKey) : HttpMessageHandler
{
    /// <summary>Every intake attempt: its Idempotency-Key and body, in arrival order.</summary>
    public ConcurrentQueue<(string Key, string Body)> IntakeAttempts { get; } = new();

    private readonly ConcurrentDictionary<string, int> _attempts = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.RequestUri!.AbsolutePath.EndsWith("/applicants", StringComparison.Ordinal))
            return new HttpResponseMessage(HttpStatusCode.Accepted);
        var key = request.Headers.GetValues("Idempotency-Key").Single();
        IntakeAttempts.Enqueue((key, await request.Content!.ReadAsStringAsync(cancellationToken)));
        if (_attempts.AddOrUpdate(key, 1, (_, n) => n + 1) <= failuresPerKey)
        {
            var refused = new HttpResponseMessage(failure);
            refused.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(1));
            return refused;
        }
        return new HttpResponseMessage(HttpStatusCode.Created) { Content = new StringContent("""{"caseId":"x","token":"t","version":1}""") };
    }
}
