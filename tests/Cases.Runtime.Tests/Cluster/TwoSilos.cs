using Cases.Runtime.Cluster;

namespace Cases.Runtime.Tests.Cluster;

/// <summary>Two runtimes over one database file, each with its own view of an in-memory membership table, joined by a loopback transport.</summary>
internal sealed class TwoSilos : IAsyncDisposable
{
    private readonly TempDatabase _database;

    private TwoSilos(TempDatabase database, TestSilo a, TestSilo b, InMemoryMembership table, ClusterView viewA, ClusterView viewB, LoopbackTransport transport)
    {
        _database = database;
        (A, B, Table, ViewA, ViewB, Transport) = (a, b, table, viewA, viewB, transport);
    }

    public TestSilo A { get; }

    public TestSilo B { get; }

    public InMemoryMembership Table { get; }

    public ClusterView ViewA { get; }

    public ClusterView ViewB { get; }

    public LoopbackTransport Transport { get; }

    public static async Task<TwoSilos> StartAsync(bool bJoined = true)
    {
        var database = new TempDatabase();
        var (a, b) = (await database.StartAsync(), await database.StartAsync());
        var table = new InMemoryMembership();
        var options = new ClusterOptions();
        var (viewA, viewB) = (new ClusterView("silo-a", table, options), new ClusterView("silo-b", table, options));
        var transport = new LoopbackTransport();
        transport.Add("silo-a", a.Runtime);
        transport.Add("silo-b", b.Runtime);
        foreach (var (silo, view) in new[] { (a, viewA), (b, viewB) })
        {
            silo.Runtime.Register(Ledger.Instance); // both silos serve the type before any forward arrives
            silo.Runtime.UseCluster(view, transport);
        }
        var cluster = new TwoSilos(database, a, b, table, viewA, viewB, transport);
        await cluster.JoinAsync("silo-a", 1);
        if (bJoined)
            await cluster.JoinBAsync();
        return cluster;
    }

    public Task JoinBAsync() => JoinAsync("silo-b", 2);

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        _database.Dispose();
    }

    private async Task JoinAsync(string silo, int port)
    {
        var now = DateTimeOffset.UtcNow;
        await Table.JoinAsync(new SiloInfo(silo, new Uri($"http://127.0.0.1:{port}"), now, now));
        await ViewA.RefreshAsync();
        await ViewB.RefreshAsync();
    }
}
