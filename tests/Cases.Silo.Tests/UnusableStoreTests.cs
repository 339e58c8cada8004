using System.Net.Http.Json;
using System.Net;
using Cases.Journal.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Cases.Silo.Tests;

/// <summary>A silo whose store cannot serve: it stays up, says so on /health and recovers when it can.</summary>
public sealed class UnusableStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task HealthIsUnhealthyWhenTheDataFolderIsAFile()
    {
        var blocked = BlockedDataDirectory();
        await using var factory = SiloFactory.WithDataDirectory(blocked);
        using var client = factory.CreateClient();

        var answer = await HealthAnswer.GetAsync(client);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Code);
        Assert.Equal("Unhealthy", answer.Status);
        var store = answer.Check("store");
        Assert.Equal("Unhealthy", store.GetProperty("status").GetString());
        Assert.Contains("not open", store.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(Path.Combine(blocked, "cases.db"), store.GetProperty("data").GetProperty("location").GetString());
        Assert.Equal("Healthy", answer.Check("runtime").GetProperty("status").GetString());
    }

    [Fact]
    public async Task LivenessStaysHealthyWhileTheStoreIsUnusable()
    {
        await using var factory = SiloFactory.WithDataDirectory(BlockedDataDirectory());
        using var client = factory.CreateClient();

        var answer = await HealthAnswer.GetAsync(client, "/health/live");

        Assert.Equal(HttpStatusCode.OK, answer.Code);
        Assert.Equal("Healthy", answer.Status);
    }

    [Fact]
    public async Task HealthRecoversOnceTheDataFolderCanBeCreated()
    {
        var blocked = BlockedDataDirectory();
        await using var factory = SiloFactory.WithDataDirectory(blocked, ("Cases:StoreRetryInterval", "00:00:00.050"));
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await HealthAnswer.GetAsync(client)).Code);

        File.Delete(blocked);

        var answer = await PollUntilAsync(client, a => a.Code == HttpStatusCode.OK, TimeSpan.FromSeconds(10));
        Assert.Equal("Healthy", answer.Status);
        Assert.True(File.Exists(Path.Combine(blocked, "cases.db")));
    }

    [Fact]
    public async Task HealthIsUnhealthyOnceTheStoreIsDisposed()
    {
        await using var factory = SiloFactory.WithDataDirectory(Path.Combine(_folder.Path, "data"));
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await HealthAnswer.GetAsync(client)).Code);

        await factory.Services.GetRequiredService<IEventStore>().DisposeAsync();

        var answer = await HealthAnswer.GetAsync(client);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Code);
        Assert.Equal("Unhealthy", answer.Check("store").GetProperty("status").GetString());
    }

    [Fact]
    public async Task StoppingTheSiloClosesTheStore()
    {
        // Built directly: under WebApplicationFactory the entry point's own disposal races the factory's.
        var app = DirectSilo.Build(_folder.Path, ("Cases:DataDirectory", "data"));
        await app.StartAsync();
        var store = app.Services.GetRequiredService<IEventStore>();
        await store.CheckHealthAsync();

        await app.StopAsync();
        await app.DisposeAsync();

        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.CheckHealthAsync());
    }

    [Fact]
    public async Task IntakeAnswers503WithRetryAfterWhileTheStoreIsDown()
    {
        await using var factory = SiloFactory.WithDataDirectory(BlockedDataDirectory());
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/applicants", Api.Profiles.Eligible($"P-{Guid.NewGuid():N}"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("5", response.Headers.RetryAfter?.ToString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("store-unavailable", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }

    // A file where the data folder should be: the folder cannot be created, as root or not.
    private string BlockedDataDirectory()
    {
        var path = Path.Combine(_folder.Path, "data");
        File.WriteAllText(path, "not a folder");
        return path;
    }

    private static async Task<HealthAnswer> PollUntilAsync(HttpClient client, Func<HealthAnswer, bool> done, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var answer = await HealthAnswer.GetAsync(client);
            if (done(answer) || DateTime.UtcNow > deadline)
                return answer;
            await Task.Delay(25);
        }
    }
}
