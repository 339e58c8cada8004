using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Cases.Silo.Auth;

namespace Cases.Cluster.Tests;

/// <summary>Drives a cluster as clients would: every command carries an Idempotency-Key and is retried, on another silo if need be, until it is answered.</summary>
public sealed class ClusterClient(IReadOnlyList<ClusterSilo> silos, byte[] signingKey) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly TokenService _tokens = new(signingKey, TimeProvider.System);
    private readonly HashSet<string> _dead = [];

    /// <summary>Idempotency keys (command ids) of the commands the cluster acknowledged with a 2xx; reads are not commands.</summary>
    public List<string> Acknowledged { get; } = [];

    public void MarkDead(ClusterSilo silo) => _dead.Add(silo.SiloId);

    public string Token(string role, string subject) => _tokens.Issue(role, subject, TimeSpan.FromHours(1));

    /// <summary>Sends until a silo answers 2xx; 503 (the owner is unreachable until the view moves on) and lost connections are retried with the same key.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, string? token, string idempotencyKey, int preferred)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        for (var attempt = 0; ; attempt++)
        {
            var live = silos.Where(s => !_dead.Contains(s.SiloId)).ToList();
            var silo = live[(preferred + attempt) % live.Count];
            using var request = new HttpRequestMessage(method, new Uri(silo.Address, path));
            if (body is not null)
                request.Content = JsonContent.Create(body);
            if (token is not null)
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Add("Idempotency-Key", idempotencyKey);
            request.Headers.Add("X-Access-Reason", "cluster test");
            try
            {
                var response = await _http.SendAsync(request);
                if (response.IsSuccessStatusCode)
                {
                    if (method != HttpMethod.Get)
                        Acknowledged.Add(idempotencyKey);
                    return response;
                }
                if (response.StatusCode != HttpStatusCode.ServiceUnavailable || DateTime.UtcNow > deadline)
                    throw new HttpRequestException($"{method} {path} on {silo.SiloId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            catch (Exception e) when (e is HttpRequestException { StatusCode: null } or TaskCanceledException && DateTime.UtcNow < deadline)
            {
                // The silo went away mid-request; the same key on another silo finds out whether it had landed.
            }
            await Task.Delay(200);
        }
    }

    public void Dispose() => _http.Dispose();
}
