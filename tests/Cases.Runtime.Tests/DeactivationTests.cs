using Cases.Runtime.Hosting;

namespace Cases.Runtime.Tests;

public sealed class DeactivationTests
{
    [Fact]
    public async Task IdleGrainsAreDeactivatedAndReactivateWithTheSameState()
    {
        using var db = new TempDatabase();
        var options = new RuntimeOptions { IdleTimeout = TimeSpan.FromMilliseconds(200), CollectionInterval = TimeSpan.FromMilliseconds(50) };
        await using var silo = await db.StartAsync(options);
        var runtime = silo.Runtime;
        var keys = new[] { "idle-1", "idle-2", "idle-3" };
        foreach (var key in keys)
            await runtime.GetGrain(Ledger.Instance, key).ExecuteAsync(new Deposit(key.Length));
        var before = await Task.WhenAll(keys.Select(k => runtime.GetGrain(Ledger.Instance, k).GetStateAsync()));
        Assert.Equal(3, runtime.ActivationCount);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (runtime.ActivationCount > 0 && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        Assert.Equal(0, runtime.ActivationCount);

        var after = await Task.WhenAll(keys.Select(k => runtime.GetGrain(Ledger.Instance, k).GetStateAsync()));
        Assert.Equal(before, after);
        Assert.Equal(6, runtime.ActivationsCreated);
    }

    [Fact]
    public async Task BusyGrainsAreNotDeactivated()
    {
        using var db = new TempDatabase();
        var options = new RuntimeOptions { IdleTimeout = TimeSpan.FromSeconds(30), CollectionInterval = TimeSpan.FromMilliseconds(20) };
        await using var silo = await db.StartAsync(options);
        var runtime = silo.Runtime;
        var grain = runtime.GetGrain(Ledger.Instance, "busy");

        for (var i = 0; i < 20; i++)
        {
            await grain.ExecuteAsync(new Deposit(1));
            await Task.Delay(10);
        }

        Assert.Equal(1, runtime.ActivationsCreated);
        Assert.Equal(0, runtime.CollectIdle());
    }
}
