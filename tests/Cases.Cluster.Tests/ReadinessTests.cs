using System.Net;
using System.Security.Cryptography;
using Cases.Storage.Postgres.Tests.Support;

namespace Cases.Cluster.Tests;

public sealed class ReadinessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cases-ready-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ReadinessIs503WhilePostgresIsDownAnd200AfterItReturnsWhileLivenessStays200()
    {
        await using var postgres = await PostgresServer.StartAsync();
        await using var silo = await ClusterSilo.StartAsync("silo-ready", postgres.ConnectionString, RandomNumberGenerator.GetBytes(32), fastFailover: true, Path.Combine(_folder, "silo"));
        using var http = new HttpClient { BaseAddress = silo.Address, Timeout = TimeSpan.FromSeconds(10) };
        Assert.Equal(HttpStatusCode.OK, await EventuallyAsync(http, HttpStatusCode.OK));

        await postgres.StopServerAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await EventuallyAsync(http, HttpStatusCode.ServiceUnavailable));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("health/live")).StatusCode);

        await postgres.StartServerAsync();
        Assert.Equal(HttpStatusCode.OK, await EventuallyAsync(http, HttpStatusCode.OK));
    }

    // Polls /health/ready until it answers the wanted status or 30 s pass; returns the last status seen.
    private static async Task<HttpStatusCode> EventuallyAsync(HttpClient http, HttpStatusCode wanted)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var status = (await http.GetAsync("health/ready")).StatusCode;
            if (status == wanted || DateTime.UtcNow > until)
                return status;
            await Task.Delay(250);
        }
    }
}
