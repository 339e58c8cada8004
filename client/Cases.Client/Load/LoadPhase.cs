using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Cases.Client.Load;

/// <summary>Sends a bounded number of POSTs from a fixed number of concurrent workers until done or out of time, retrying 429/503 with the same Idempotency-Key.</summary>
public sealed class LoadPhase(HttpClient http, int concurrency, TimeSpan duration, int maxAttempts = 5)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly MediaTypeHeaderValue JsonType = new("application/json") { CharSet = "utf-8" };

    // The longest a retry waits, whatever Retry-After says, so a phase stays bounded in time.
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    private int _completed;

    /// <summary>How many requests have had their final answer so far (for progress).</summary>
    public int Completed => Volatile.Read(ref _completed);

    /// <summary>Posts <paramref name="requests"/> bodies made by <paramref name="body"/> (per worker, per index) to the path.</summary>
    public async Task<LoadResult> RunAsync(string name, string path, int requests, Func<int, Func<int, object>> body, CancellationToken ct)
    {
        _completed = 0;
        var latencies = new double[requests];
        var statuses = new ConcurrentDictionary<int, int>();
        var succeeded = 0;
        var retries = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();

        async Task WorkerAsync(int worker)
        {
            var make = body(worker);
            int index;
            while ((index = Interlocked.Increment(ref next)) < requests && clock.Elapsed < duration && !ct.IsCancellationRequested)
            {
                var payload = JsonSerializer.SerializeToUtf8Bytes(make(index), Json);
                var key = Guid.NewGuid().ToString("N");
                var started = Stopwatch.GetTimestamp();
                var (status, attempts) = await SendAsync(path, payload, key, clock, ct).ConfigureAwait(false);
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                latencies[Interlocked.Increment(ref _completed) - 1] = ms;
                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                if (status is >= 200 and < 300)
                    Interlocked.Increment(ref succeeded);
                if (attempts > 1)
                    Interlocked.Add(ref retries, attempts - 1);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(w => Task.Run(() => WorkerAsync(w), CancellationToken.None))).ConfigureAwait(false);
        var elapsed = clock.Elapsed;
        var completed = _completed;
        var measured = latencies[..completed];
        Array.Sort(measured);
        return new LoadResult(name, requests, completed, succeeded, retries, elapsed, measured, new Dictionary<int, int>(statuses));
    }

    // One logical request: the same body and key on every attempt, so the silo sees a retry, never a second applicant.
    private async Task<(int Status, int Attempts)> SendAsync(string path, byte[] payload, string key, Stopwatch clock, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            int status;
            TimeSpan? retryAfter = null;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(payload) };
                request.Content.Headers.ContentType = JsonType;
                request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
                using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
                // The answer is read whole, as a real client would, before the connection serves the next request.
                await response.Content.LoadIntoBufferAsync(ct).ConfigureAwait(false);
                status = (int)response.StatusCode;
                retryAfter = response.Headers.RetryAfter switch
                {
                    { Delta: { } delta } => delta,
                    { Date: { } date } => date - DateTimeOffset.UtcNow,
                    _ => null,
                };
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
            {
                return (0, attempt);
            }
            if (status is not ((int)HttpStatusCode.TooManyRequests or (int)HttpStatusCode.ServiceUnavailable) || attempt >= maxAttempts)
                return (status, attempt);
            var delay = retryAfter is { } wait && wait > TimeSpan.Zero ? (wait < MaxRetryDelay ? wait : MaxRetryDelay) : TimeSpan.FromSeconds(1);
            if (clock.Elapsed + delay >= duration)
                return (status, attempt);
            await Task.Delay(delay, ct).ConfigureAwait(false);
        }
    }
}
