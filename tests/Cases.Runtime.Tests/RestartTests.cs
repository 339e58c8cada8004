using System.Text.Json;
using Cases.Runtime.Hosting;

namespace Cases.Runtime.Tests;

public sealed class RestartTests
{
    [Fact]
    public async Task NewRuntimeOverTheSameFileRebuildsIdenticalState()
    {
        using var db = new TempDatabase();
        LedgerState before;
        long version;
        await using (var silo = await db.StartAsync())
        {
            var grain = silo.Ledger("restart");
            for (var i = 1; i <= 30; i++)
                await grain.ExecuteAsync(i % 3 == 0 ? new Withdraw(1) : new Deposit(i));
            (before, version) = await grain.GetStateAsync();
        }

        await using var restarted = await db.StartAsync();
        var after = await restarted.Ledger("restart").GetStateAsync();

        Assert.Equal(before, after.State);
        Assert.Equal(version, after.Version);
    }

    [Fact]
    public async Task StateFromSnapshotAndTailEqualsFullReplay()
    {
        using var db = new TempDatabase();
        var options = new RuntimeOptions { SnapshotEvery = 10 };
        await using (var silo = await db.StartAsync(options))
        {
            var grain = silo.Ledger("snap");
            for (var i = 1; i <= 25; i++)
                await grain.ExecuteAsync(new Deposit(i), new Grains.CommandMeta(Now: DateTimeOffset.UnixEpoch.AddDays(i)));
        }

        await using var restarted = await db.StartAsync(options);
        var snapshot = (await restarted.Store.LoadStartAsync("ledger/snap")).Snapshot;
        var fromSnapshot = await restarted.Ledger("snap").GetStateAsync();
        var history = await restarted.Store.ReadStreamAsync("ledger/snap", 1, long.MaxValue).ToListAsync();
        var replayed = Ledger.Instance.Replay(Ledger.Instance.Initial, history);

        Assert.Equal(20, snapshot!.Version);
        Assert.Equal(25, fromSnapshot.Version);
        Assert.Equal(JsonSerializer.Serialize(replayed), JsonSerializer.Serialize(fromSnapshot.State));
        Assert.Equal(replayed, fromSnapshot.State);
    }

    [Fact]
    public async Task SnapshotOfAnOlderStateShapeIsIgnoredAndHistoryReplayed()
    {
        using var db = new TempDatabase();
        var store = await db.OpenStoreAsync();
        await using var _ = store;
        await using var runtime = new GrainRuntime(store);
        await runtime.GetGrain(Ledger.Instance, "shape").ExecuteAsync(new Deposit(5));
        await store.SaveSnapshotAsync(new Storage.Snapshot("ledger/shape", 1, StateSchemaVersion: 0, """{"balance":999}""", DateTimeOffset.UtcNow));

        await using var runtime2 = new GrainRuntime(store);
        var state = await runtime2.GetGrain(Ledger.Instance, "shape").GetStateAsync();

        Assert.Equal(5, state.State.Balance);
    }
}
