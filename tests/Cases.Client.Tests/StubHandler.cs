using System.Net;
using System.Text;

namespace Cases.Client.Tests;

/// <summary>Answers every request with one fixed response and remembers the addresses asked for.</summary>
public sealed class StubHandler(HttpStatusCode code, string body, string mediaType = "application/json") : HttpMessageHandler
{
    /// <summary>The request addresses, in order.</summary>
    public List<Uri> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request.RequestUri!);
        return Task.FromResult(new HttpResponseMessage(code) { Content = new StringContent(body, Encoding.UTF8, mediaType) });
    }
}
