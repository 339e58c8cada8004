using System.Net;
using System.Net.Http.Json;

namespace Cases.Silo.Tests.Api;

public sealed class OverloadTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task IntakeBeyondTheConcurrencyLimitAndItsQueueGets429WithRetryAfterAndEveryOtherRequestLands()
    {
        await using var factory = SiloFactory.WithDataDirectory(Path.Combine(_folder.Path, "data"),
            ("Cases:Intake:ConcurrencyLimit", "1"), ("Cases:Intake:QueueLimit", "0"), ("Cases:Auth:DevMode", "false"));
        using var client = factory.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ =>
            client.PostAsJsonAsync("/applicants", Profiles.Eligible($"P-{Guid.NewGuid():N}"))));

        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, r => Assert.Equal("1", r.Headers.RetryAfter?.ToString()));
        Assert.All(refused, r => Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType));
        Assert.All(responses.Except(refused), r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
    }
}
