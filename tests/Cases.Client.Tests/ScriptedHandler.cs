using System.Net;
using System.Text;

namespace Cases.Client.Tests;

/// <summary>Answers each request with what the script returns for it, and remembers the requests (path and query, headers).</summary>
public sealed class ScriptedHandler(Func<HttpRequestMessage, (HttpStatusCode Status, string Body)> script) : HttpMessageHandler
{
    /// <summary>The requests, in order.</summary>
    public List<HttpRequestMessage> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        var (status, body) = script(request);
        return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }
}
