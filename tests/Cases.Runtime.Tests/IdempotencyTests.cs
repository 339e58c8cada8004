using Cases.Runtime.Grains;

namespace Cases.Runtime.Tests;

[Collection(SiloCollection.Name)]
public sealed class IdempotencyTests(SiloFixture silo)
{
    [Fact]
    public async Task RetriedCommandIdAppendsNothingAndReturnsTheFirstResult()
    {
        var grain = silo.Runtime.GetGrain(Ledger.Instance, $"retry-{Guid.NewGuid():N}");
        var meta = new CommandMeta(CommandId: "intake-42");

        var first = await grain.ExecuteAsync(new Deposit(10), meta);
        var retry = await grain.ExecuteAsync(new Deposit(10), meta);

        Assert.False(first.IsRetry);
        Assert.True(retry.IsRetry);
        Assert.Equal(first.Version, retry.Version);
        Assert.Equal(first.Events.Select(e => e.EventId), retry.Events.Select(e => e.EventId));
        Assert.Equal(10, (await grain.GetStateAsync()).State.Balance);
        Assert.Single(await silo.Store.ReadStreamAsync(grain.Id.StreamId, 1, long.MaxValue).ToListAsync());
    }

    [Fact]
    public async Task RetriedRejectionStaysTheFirstOutcomeEvenAfterTheStateChanged()
    {
        var grain = silo.Runtime.GetGrain(Ledger.Instance, $"retry-reject-{Guid.NewGuid():N}");
        var withdraw = new CommandMeta(CommandId: "withdraw-1");

        var first = await grain.ExecuteAsync(new Withdraw(50), withdraw);
        await grain.ExecuteAsync(new Deposit(100));
        var retry = await grain.ExecuteAsync(new Withdraw(50), withdraw);

        Assert.Equal("insufficient", first.Rejection?.Code);
        Assert.Equal(first.Rejection, retry.Rejection);
        Assert.Equal(100, (await grain.GetStateAsync()).State.Balance);
    }

    [Fact]
    public async Task RetryAfterRestartIsAnsweredFromTheStoreWithoutAppending()
    {
        using var db = new TempDatabase();
        CommandResult first;
        await using (var silo = await db.StartAsync())
            first = await silo.Ledger("after-restart").ExecuteAsync(new Deposit(3), new CommandMeta(CommandId: "x"));

        await using var restarted = await db.StartAsync();
        var retry = await restarted.Ledger("after-restart").ExecuteAsync(new Deposit(3), new CommandMeta(CommandId: "x"));

        Assert.True(retry.IsRetry);
        Assert.Equal(first.Events.Single().Hash, retry.Events.Single().Hash);
        Assert.Equal(3, (await restarted.Ledger("after-restart").GetStateAsync()).State.Balance);
    }

    [Fact]
    public async Task TheSameCommandIdSentConcurrentlyIsAppliedOnce()
    {
        var grain = silo.Runtime.GetGrain(Ledger.Instance, $"retry-burst-{Guid.NewGuid():N}");

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            Task.Run(() => grain.ExecuteAsync(new Deposit(1), new CommandMeta(CommandId: "flaky-client")))));

        Assert.Single(results, r => !r.IsRetry);
        Assert.Single(results.Select(r => r.Events.Single().EventId).Distinct());
        Assert.Equal(1, (await grain.GetStateAsync()).State.Balance);
    }
}
