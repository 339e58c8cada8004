using Cases.Grains.Journaling;
using Cases.Grains.Tests.Support;

namespace Cases.Grains.Tests.Journaling;

public sealed class DeactivationTests
{
    [Fact]
    public async Task IdleGrainsAreDeactivatedAndReactivateWithTheSameState()
    {
        using var db = new TempDatabase();
        var settings = new ClusterSettings { IdleTimeout = TimeSpan.FromMilliseconds(300), CollectionInterval = TimeSpan.FromMilliseconds(100) };
        await using var silo = await GrainsCluster.StartAsync(await db.OpenStoreAsync(), settings, ownsStore: true);
        var activity = silo.Service<JournalActivity>();
        var keys = new[] { "idle-1", "idle-2", "idle-3" };
        foreach (var key in keys)
            await silo.Grain<ILedgerGrain>(key).Execute(new Deposit(key.Length));
        var before = await Task.WhenAll(keys.Select(k => silo.Grain<ILedgerGrain>(k).GetState()));
        Assert.Equal(3, activity.Activations);

        await GrainsCluster.Eventually(() => Task.FromResult(activity.Activations == 0), "every idle grain is deactivated", TimeSpan.FromSeconds(10));

        var after = await Task.WhenAll(keys.Select(k => silo.Grain<ILedgerGrain>(k).GetState()));
        Assert.Equal(before, after);
        Assert.Equal(6, activity.ActivationsCreated);
    }

    [Fact]
    public async Task BusyGrainsAreNotDeactivated()
    {
        using var db = new TempDatabase();
        var settings = new ClusterSettings { IdleTimeout = TimeSpan.FromSeconds(1), CollectionInterval = TimeSpan.FromMilliseconds(100) };
        await using var silo = await GrainsCluster.StartAsync(await db.OpenStoreAsync(), settings, ownsStore: true);
        var activity = silo.Service<JournalActivity>();
        var grain = silo.Grain<ILedgerGrain>("busy");

        // Three seconds of use, never idle for long: three idle timeouts pass, yet the first activation stays.
        for (var i = 0; i < 30; i++)
        {
            await grain.Execute(new Deposit(1));
            await Task.Delay(100);
        }

        Assert.Equal(1, activity.ActivationsCreated);
        Assert.Equal(1, activity.Activations);
        Assert.Equal(30, (await grain.GetState()).State.Balance);
    }
}
