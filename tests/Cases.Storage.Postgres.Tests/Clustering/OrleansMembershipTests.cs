using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Cases.Storage.Postgres.Clustering;
using Cases.Storage.Postgres.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;

namespace Cases.Storage.Postgres.Tests.Clustering;

/// <summary>Real Orleans silos running their own membership protocol over our table.</summary>
[Collection(PostgresServerCollection.Name)]
public sealed class OrleansMembershipTests(PostgresServerFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task TwoSilosFormOneClusterThroughTheTableAndASiloThatStopsGracefullyIsDeadInIt()
    {
        var schema = $"orleans_{Guid.NewGuid():N}";
        var clusterId = $"cluster-{Guid.NewGuid():N}";
        using var first = BuildSilo(schema, clusterId);
        using var second = BuildSilo(schema, clusterId);
        await using var table = new PostgresMembershipTable(
            Options.Create(new PostgresClusteringOptions { ConnectionString = fixture.Server.ConnectionString, Schema = schema }),
            Options.Create(new ClusterOptions { ClusterId = clusterId }),
            NullLogger<PostgresMembershipTable>.Instance);

        await first.StartAsync();
        await second.StartAsync();
        var a = SiloAddressOf(first);
        var b = SiloAddressOf(second);

        await EventuallyAsync("both silos Active in the table", async () =>
        {
            var rows = (await table.ReadAll()).Members.ToDictionary(m => m.Item1.SiloAddress, m => m.Item1.Status);
            return rows.Count == 2 && rows.GetValueOrDefault(a) == SiloStatus.Active && rows.GetValueOrDefault(b) == SiloStatus.Active;
        });
        await EventuallyAsync("each silo seeing the other Active", () =>
            Task.FromResult(StatusSeenBy(first, b) == SiloStatus.Active && StatusSeenBy(second, a) == SiloStatus.Active));

        await second.StopAsync();

        var afterStop = await table.ReadAll();
        Assert.Equal(SiloStatus.Dead, afterStop.TryGet(b)?.Item1.Status);
        Assert.Equal(SiloStatus.Active, afterStop.TryGet(a)?.Item1.Status);
        await EventuallyAsync("the remaining silo seeing the stopped one Dead", () => Task.FromResult(StatusSeenBy(first, b) == SiloStatus.Dead));
        await first.StopAsync();
        Assert.Equal(SiloStatus.Dead, (await table.ReadRow(a)).TryGet(a)?.Item1.Status);
    }

    private IHost BuildSilo(string schema, string clusterId)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var (siloPort, gatewayPort) = (FreePort(), FreePort());
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, "cases-membership-tests"));
            silo.Configure<EndpointOptions>(o =>
            {
                o.AdvertisedIPAddress = IPAddress.Loopback;
                o.SiloPort = siloPort;
                o.GatewayPort = gatewayPort;
                // Loopback only: the test talks to nothing outside this machine.
                o.SiloListeningEndpoint = new IPEndPoint(IPAddress.Loopback, siloPort);
                o.GatewayListeningEndpoint = new IPEndPoint(IPAddress.Loopback, gatewayPort);
            });
            silo.Services.AddPostgresMembership(o => (o.ConnectionString, o.Schema) = (fixture.Server.ConnectionString, schema));
        });
        return builder.Build();
    }

    private static SiloAddress SiloAddressOf(IHost silo) => silo.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    private static SiloStatus StatusSeenBy(IHost silo, SiloAddress other) =>
        silo.Services.GetRequiredService<IClusterMembershipService>().CurrentSnapshot.GetSiloStatus(other);

    private static async Task EventuallyAsync(string what, Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > Patience)
                Assert.Fail($"Not seen within {Patience.TotalSeconds} s: {what}.");
            await Task.Delay(100);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
