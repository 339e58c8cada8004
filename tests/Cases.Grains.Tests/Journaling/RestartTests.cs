using System.Text.Json;
using Cases.Grains.Contracts;
using Cases.Grains.Tests.Support;
using Cases.Journal.Storage;

namespace Cases.Grains.Tests.Journaling;

public sealed class RestartTests
{
    [Fact]
    public async Task NewClusterOverTheSameFileRebuildsIdenticalState()
    {
        using var db = new TempDatabase();
        LedgerState before;
        long version;
        await using (var silo = await GrainsCluster.StartAsync(await db.OpenStoreAsync(), ownsStore: true))
        {
            var grain = silo.Grain<ILedgerGrain>("restart");
            for (var i = 1; i <= 30; i++)
                await grain.Execute(i % 3 == 0 ? new Withdraw(1) : new Deposit(i));
            (before, version) = await grain.GetState();
        }

        await using var restarted = await GrainsCluster.StartAsync(await db.OpenStoreAsync(), ownsStore: true);
        var after = await restarted.Grain<ILedgerGrain>("restart").GetState();

        Assert.Equal(before, after.State);
        Assert.Equal(version, after.Version);
    }

    [Fact]
    public async Task StateFromSnapshotAndTailEqualsFullReplay()
    {
        using var db = new TempDatabase();
        var settings = new ClusterSettings { Journal = o => o.SnapshotEvery = 10 };
        await using (var silo = await GrainsCluster.StartAsync(await db.OpenStoreAsync(), settings, ownsStore: true))
        {
            var grain = silo.Grain<ILedgerGrain>("snap");
            for (var i = 1; i <= 25; i++)
                await grain.Execute(new Deposit(i), new CommandMeta(Now: DateTimeOffset.UnixEpoch.AddDays(i)));
        }

        await using var restarted = await GrainsCluster.StartAsync(await db.OpenStoreAsync(), settings, ownsStore: true);
        var snapshot = (await restarted.Store.LoadStartAsync("ledger/snap")).Snapshot;
        var fromSnapshot = await restarted.Grain<ILedgerGrain>("snap").GetState();
        var history = await restarted.StreamAsync("ledger/snap");
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
        await using (var silo = await GrainsCluster.StartAsync(await db.OpenStoreAsync(), ownsStore: true))
        {
            await silo.Grain<ILedgerGrain>("shape").Execute(new Deposit(5));
            await silo.Store.SaveSnapshotAsync(new Snapshot("ledger/shape", 1, StateSchemaVersion: 0, """{"balance":999}""", DateTimeOffset.UtcNow));
        }

        await using var restarted = await GrainsCluster.StartAsync(await db.OpenStoreAsync(), ownsStore: true);
        var state = await restarted.Grain<ILedgerGrain>("shape").GetState();

        Assert.Equal(5, state.State.Balance);
    }
}
