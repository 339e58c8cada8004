using System.Net.Http.Json;
using System.Text.Json;

namespace Cases.Client;

/// <summary>HTTP access to one silo; every way of getting no usable answer becomes a <see cref="SiloUnreachableException"/>.</summary>
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
    public async Task<HealthReport> GetHealthAsync(CancellationToken ct = default)
    {
        var url = new Uri(Address, "health");
        try
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

    public void Dispose() => _http.Dispose();
}
