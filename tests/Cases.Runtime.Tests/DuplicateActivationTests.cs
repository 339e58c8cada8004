using Cases.Runtime.Grains;

namespace Cases.Runtime.Tests;

public sealed class DuplicateActivationTests
{
    [Fact]
    public async Task TwoRuntimesOnOneFileLoseNoUpdateAndTheLoserRedecidesOnFreshState()
    {
        using var db = new TempDatabase();
        var (storeA, silo1) = await db.StartAsync();
        var (storeB, silo2) = await db.StartAsync();
        await using var _ = storeA;
        await using var __ = storeB;
        await using var ___ = silo1;
        await using var ____ = silo2;
        var a = silo1.GetGrain(Ledger.Instance, "shared");
        var b = silo2.GetGrain(Ledger.Instance, "shared");

        await a.ExecuteAsync(new Deposit(100));
        Assert.Equal(100, (await b.GetStateAsync()).State.Balance); // both silos now hold an activation at version 1
        var first = await a.ExecuteAsync(new Withdraw(60));
        var second = await b.ExecuteAsync(new Withdraw(60));

        Assert.True(first.IsAccepted);
        Assert.False(second.IsAccepted);
        Assert.Equal("insufficient", second.Rejection!.Code);
        Assert.Contains("Balance 40", second.Rejection.Message, StringComparison.Ordinal);
        Assert.Equal(new LedgerState(40, 2, (await a.GetStateAsync()).State.LastDepositAt), (await b.GetStateAsync()).State);
        Assert.Equal(2, (await storeA.ReadStreamAsync("ledger/shared", 1, long.MaxValue).ToListAsync()).Count);
    }

    [Fact]
    public async Task ConcurrentCommandsThroughTwoRuntimesAllLandExactlyOnce()
    {
        using var db = new TempDatabase();
        var (storeA, silo1) = await db.StartAsync();
        var (storeB, silo2) = await db.StartAsync();
        await using var _ = storeA;
        await using var __ = storeB;
        await using var ___ = silo1;
        await using var ____ = silo2;
        var grains = new[] { silo1.GetGrain(Ledger.Instance, "raced"), silo2.GetGrain(Ledger.Instance, "raced") };

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            Task.Run(() => grains[i % 2].ExecuteAsync(new Deposit(1), new CommandMeta(CommandId: $"d-{i}")))));

        Assert.All(results, r => Assert.True(r.IsAccepted));
        var stored = await storeA.ReadStreamAsync("ledger/raced", 1, long.MaxValue).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 200).Select(v => (long)v), stored.Select(e => e.Version));
        Assert.Equal(200, stored.Select(e => e.CommandId).Distinct().Count());
        var (storeC, silo3) = await db.StartAsync();
        await using var _____ = storeC;
        await using var ______ = silo3;
        Assert.Equal(200, (await silo3.GetGrain(Ledger.Instance, "raced").GetStateAsync()).State.Balance);
    }
}
