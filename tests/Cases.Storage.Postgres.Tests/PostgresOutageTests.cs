using System.Net;
using System.Net.Sockets;
using Cases.Journal.Storage;
using Cases.Storage.Postgres.Tests.Support;
using static Cases.Storage.Conformance.Appends;

namespace Cases.Storage.Postgres.Tests;

/// <summary>A database that is down or goes down: the store answers the retryable failure the silo maps to 503, and recovers by itself.</summary>
public sealed class PostgresOutageTests
{
    [Fact]
    public async Task AServerThatIsNotThereMakesStartingUnavailableNotAHang()
    {
        var store = new PostgresEventStore(new PostgresStoreOptions { ConnectionString = $"Host=127.0.0.1;Port={ClosedPort()};Username=postgres;Timeout=5" });

        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.InitializeAsync());
        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.AppendAsync(Request(NewStream(), 0, Command("c1"))));
        await store.DisposeAsync();
    }

    [Fact]
    public async Task WhileTheServerIsDownEveryCallIsUnavailableAndAfterItReturnsAppendsGoOn()
    {
        await using var server = await PostgresServer.StartAsync();
        await using var store = new PostgresEventStore(new PostgresStoreOptions { ConnectionString = server.ConnectionString });
        await store.InitializeAsync();
        var stream = NewStream();
        await store.AppendAsync(Request(stream, 0, Command("before")));

        await server.StopServerAsync();
        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.AppendAsync(Request(stream, 1, Command("during"))));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.CheckHealthAsync());
        await Assert.ThrowsAsync<StoreUnavailableException>(async () => await store.ReadStreamAsync(stream, 1, long.MaxValue).ToListAsync());
        await server.StartServerAsync();
        var after = await store.AppendAsync(Request(stream, 1, Command("after")));

        Assert.Equal(2, Assert.IsType<AppendResult.Committed>(after).Version);
        Assert.Equal(["before", "after"], await store.ReadStreamAsync(stream, 1, long.MaxValue).Select(e => e.CommandId).ToListAsync());
        await store.CheckHealthAsync();
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
