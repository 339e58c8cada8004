using Cases.Runtime.Grains;

namespace Cases.Runtime.Tests;

public sealed class DuplicateActivationTests
{
    [Fact]
    public async Task TwoRuntimesOnOneFileLoseNoUpdateAndTheLoserRedecidesOnFreshState()
    {
        using var db = new TempDatabase();
        await using var silo1 = await db.StartAsync();
        await using var silo2 = await db.StartAsync();
        var (a, b) = (silo1.Ledger("shared"), silo2.Ledger("shared"));

        await a.ExecuteAsync(new Deposit(100));
        Assert.Equal(100, (await b.GetStateAsync()).State.Balance); // both silos now hold an activation at version 1
        var first = await a.ExecuteAsync(new Withdraw(60));
        var second = await b.ExecuteAsync(new Withdraw(60));

        Assert.True(first.IsAccepted);
        Assert.False(second.IsAccepted);
        Assert.Equal("insufficient", second.Rejection!.Code);
        Assert.Contains("Balance 40", second.Rejection.Message, StringComparison.Ordinal);
        Assert.Equal((await a.GetStateAsync()).State, (await b.GetStateAsync()).State);
        Assert.Equal(40, (await b.GetStateAsync()).State.Balance);
        Assert.Equal(2, (await silo1.Store.ReadStreamAsync("ledger/shared", 1, long.MaxValue).ToListAsync()).Count);
    }

    [Fact]
    public async Task ConcurrentCommandsThroughTwoRuntimesAllLandExactlyOnce()
    {
        using var db = new TempDatabase();
        await using (var silo1 = await db.StartAsync())
        await using (var silo2 = await db.StartAsync())
        {
            var grains = new[] { silo1.Ledger("raced"), silo2.Ledger("raced") };

            var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
                Task.Run(() => grains[i % 2].ExecuteAsync(new Deposit(1), new CommandMeta(CommandId: $"d-{i}")))));

            Assert.All(results, r => Assert.True(r.IsAccepted));
            var stored = await silo1.Store.ReadStreamAsync("ledger/raced", 1, long.MaxValue).ToListAsync();
            Assert.Equal(Enumerable.Range(1, 200).Select(v => (long)v), stored.Select(e => e.Version));
            Assert.Equal(200, stored.Select(e => e.CommandId).Distinct().Count());
        }

        await using var silo3 = await db.StartAsync();
        Assert.Equal(200, (await silo3.Ledger("raced").GetStateAsync()).State.Balance);
    }
}
