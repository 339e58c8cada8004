using System.Net;
using System.Text.Json;

namespace Cases.Silo.Tests;

/// <summary>A silo started on a fresh data folder.</summary>
[Collection(HealthySiloCollection.Name)]
public sealed class HealthySiloTests(HealthySilo silo)
{
    private string DatabasePath => Path.Combine(silo.DataDirectory, "cases.db");

    [Fact]
    public void StartupCreatesTheDatabaseFileInTheDataFolder() =>
        Assert.True(File.Exists(DatabasePath), $"{DatabasePath} was not created");

    [Fact]
    public async Task HealthIsHealthyOnAFreshDataFolder()
    {
        var answer = await HealthAnswer.GetAsync(silo.Client);

        Assert.Equal(HttpStatusCode.OK, answer.Code);
        Assert.Equal("Healthy", answer.Status);
        var store = answer.Check("store");
        Assert.Equal("Healthy", store.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(store.GetProperty("description").GetString()));
        Assert.Equal("sqlite", store.GetProperty("data").GetProperty("provider").GetString());
        Assert.Equal(DatabasePath, store.GetProperty("data").GetProperty("location").GetString());
        Assert.Equal(JsonValueKind.Number, answer.Body.GetProperty("durationMs").ValueKind);
    }

    [Fact]
    public async Task HealthReportsTheRuntimesActivationCount()
    {
        var runtime = (await HealthAnswer.GetAsync(silo.Client)).Check("runtime");

        Assert.Equal("Healthy", runtime.GetProperty("status").GetString());
        Assert.Equal(0, runtime.GetProperty("data").GetProperty("activations").GetInt32());
        Assert.Equal(0, runtime.GetProperty("data").GetProperty("activationsCreated").GetInt64());
    }

    [Fact]
    public async Task LivenessAnswersHealthyWithoutRunningChecks()
    {
        var answer = await HealthAnswer.GetAsync(silo.Client, "/health/live");

        Assert.Equal(HttpStatusCode.OK, answer.Code);
        Assert.Equal("Healthy", answer.Status);
        Assert.Empty(answer.Body.GetProperty("checks").EnumerateArray());
    }

    [Fact]
    public async Task HealthAnswersAreNotCached()
    {
        using var response = await silo.Client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.True(response.Headers.CacheControl?.NoStore, "a cached health answer would hide an outage");
    }

    [Fact]
    public async Task NoOtherEndpointIsMapped()
    {
        using var response = await silo.Client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
