using System.Net.Http.Json;
using System.Text.Json;
using Cases.Runtime;
using Cases.Runtime.Cluster;
using Cases.Runtime.Grains;
using Cases.Runtime.Storage;

namespace Cases.Silo.Cluster;

/// <summary>Forwards commands and reads to the owning silo's internal endpoint.</summary>
public sealed class HttpGrainTransport(HttpClient http, string secret) : IGrainTransport
{
    public const string KeyHeader = "X-Cases-Cluster-Key";
    internal static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.Web);

    public async Task<CommandResult> SendAsync(SiloInfo owner, RemoteCommand command, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(owner.Address, "internal/commands"))
        {
            Content = JsonContent.Create(command, options: Wire),
        };
        return await SendAsync<CommandResult>(owner, request, ct).ConfigureAwait(false);
    }

    public async Task<RemoteState> ReadAsync(SiloInfo owner, GrainId grain, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get,
            new Uri(owner.Address, $"internal/state/{Uri.EscapeDataString(grain.Type)}/{Uri.EscapeDataString(grain.Key)}"));
        return await SendAsync<RemoteState>(owner, request, ct).ConfigureAwait(false);
    }

    // An unreachable owner is reported like a store outage: the client retries with its Idempotency-Key once the view has moved on.
    private async Task<T> SendAsync<T>(SiloInfo owner, HttpRequestMessage request, CancellationToken ct)
    {
        request.Headers.Add(KeyHeader, secret);
        try
        {
            using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw new StoreUnavailableException($"Silo {owner.SiloId} answered {(int)response.StatusCode} to a forwarded request.");
            return await response.Content.ReadFromJsonAsync<T>(Wire, ct).ConfigureAwait(false)
                ?? throw new StoreUnavailableException($"Silo {owner.SiloId} sent an empty answer.");
        }
        catch (HttpRequestException e)
        {
            throw new StoreUnavailableException($"Silo {owner.SiloId} at {owner.Address} cannot be reached: {e.Message}", e);
        }
    }
}
