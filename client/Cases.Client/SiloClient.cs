using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Cases.Client;

/// <summary>HTTP access to one silo; every way of getting no usable answer becomes a <see cref="SiloUnreachableException"/>, every error status a <see cref="SiloProblemException"/>.</summary>
public sealed class SiloClient : IDisposable
{
    // Missing or null required members mean the answer is not a Cases report, not an empty one.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    private readonly HttpClient _http;

    /// <summary>Creates a client for the silo at the address; requests give up after the timeout.</summary>
    public SiloClient(Uri address, TimeSpan timeout, HttpMessageHandler? handler = null)
    {
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        // A trailing slash keeps a path prefix (http://host/cases/) when relative paths are resolved.
        _http.BaseAddress = address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
        _http.Timeout = timeout;
    }

    /// <summary>The silo's base address, ending in a slash.</summary>
    public Uri Address => _http.BaseAddress!;

    /// <summary>Reads the silo's health report; an Unhealthy silo answers 503 with a report, which is returned too.</summary>
    public Task<HealthReport> GetHealthAsync(CancellationToken ct = default)
    {
        var url = new Uri(Address, "health");
        return GuardAsync(async () =>
        {
            using var response = await _http.GetAsync(url, ct).ConfigureAwait(false);
            HealthReport? report;
            try
            {
                report = await response.Content.ReadFromJsonAsync<HealthReport>(Json, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is JsonException or NotSupportedException)
            {
                report = null;
            }
            return report ?? throw new SiloUnreachableException(
                $"{url} answered {(int)response.StatusCode} {response.ReasonPhrase}, which is not a Cases health report; is --url a Cases silo?");
        }, ct);
    }

    /// <summary>Sends a request with an optional JSON body; returns the answer's JSON (Undefined when empty) or throws the silo's problem.</summary>
    public Task<JsonElement> SendAsync(HttpMethod method, string path, RequestHeaders headers, HttpContent? body = null, CancellationToken ct = default) =>
        GuardAsync(async () =>
        {
            using var request = new HttpRequestMessage(method, new Uri(Address, path)) { Content = body };
            headers.ApplyTo(request);
            using var response = await _http.SendAsync(request, ct).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw SiloProblemException.From((int)response.StatusCode, response.ReasonPhrase, text);
            if (string.IsNullOrWhiteSpace(text))
                return default;
            try
            {
                using var document = JsonDocument.Parse(text);
                return document.RootElement.Clone();
            }
            catch (JsonException e)
            {
                throw new SiloUnreachableException($"{request.RequestUri} answered {(int)response.StatusCode} with a body that is not JSON; is --url a Cases silo?", e);
            }
        }, ct);

    /// <summary>GETs a path and returns its JSON answer.</summary>
    public Task<JsonElement> GetAsync(string path, RequestHeaders headers, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Get, path, headers, null, ct);

    /// <summary>POSTs a JSON text and returns the JSON answer.</summary>
    public Task<JsonElement> PostJsonAsync(string path, string json, RequestHeaders headers, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, path, headers, new StringContent(json, Encoding.UTF8, "application/json"), ct);

    /// <summary>Hands a successful answer's body to the consumer as a stream, so a large body is never buffered whole.</summary>
    public Task<T> DownloadAsync<T>(string path, RequestHeaders headers, Func<Stream, Task<T>> consume, CancellationToken ct = default) =>
        GuardAsync(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Address, path));
            headers.ApplyTo(request);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw SiloProblemException.From((int)response.StatusCode, response.ReasonPhrase, await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false));
            await using var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            return await consume(body).ConfigureAwait(false);
        }, ct);

    public void Dispose() => _http.Dispose();

    private async Task<T> GuardAsync<T>(Func<Task<T>> send, CancellationToken ct)
    {
        try
        {
            return await send().ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new SiloUnreachableException($"cannot reach the silo at {Address}: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new SiloUnreachableException($"cannot reach the silo at {Address}: no answer within {_http.Timeout.TotalSeconds:0.###} s", e);
        }
    }
}
