using Cases.Grains.Contracts;
using Cases.Grains.Tests.Support;

namespace Cases.Grains.Tests.Journaling;

[Collection(SharedClusterCollection.Name)]
public sealed class IdempotencyTests(SharedCluster shared)
{
    private GrainsCluster Silo => shared.Silo;

    [Fact]
    public async Task RetriedCommandIdAppendsNothingAndReturnsTheFirstResult()
    {
        var key = $"retry-{Guid.NewGuid():N}";
        var grain = Silo.Grain<ILedgerGrain>(key);
        var meta = new CommandMeta(CommandId: "intake-42");

        var first = await grain.Execute(new Deposit(10), meta);
        var retry = await grain.Execute(new Deposit(10), meta);

        Assert.False(first.IsRetry);
        Assert.True(retry.IsRetry);
        Assert.Equal(first.Version, retry.Version);
        Assert.Equal(first.Events.Select(e => e.EventId), retry.Events.Select(e => e.EventId));
        Assert.Equal(10, (await grain.GetState()).State.Balance);
        Assert.Single(await Silo.StreamAsync($"ledger/{key}"));
    }

    [Fact]
    public async Task RetriedRejectionStaysTheFirstOutcomeEvenAfterTheStateChanged()
    {
        var grain = Silo.Grain<ILedgerGrain>($"retry-reject-{Guid.NewGuid():N}");
        var withdraw = new CommandMeta(CommandId: "withdraw-1");

        var first = await grain.Execute(new Withdraw(50), withdraw);
        await grain.Execute(new Deposit(100));
        var retry = await grain.Execute(new Withdraw(50), withdraw);

        Assert.Equal("insufficient", first.Rejection?.Code);
        Assert.Equal(first.Rejection, retry.Rejection);
        Assert.Equal(100, (await grain.GetState()).State.Balance);
    }

    [Fact]
    public async Task RetryAfterRestartIsAnsweredFromTheStoreWithoutAppending()
    {
        using var db = new TempDatabase();
        CommandResult first;
        await using (var silo = await GrainsCluster.StartAsync(await db.OpenStoreAsync(), ownsStore: true))
            first = await silo.Grain<ILedgerGrain>("after-restart").Execute(new Deposit(3), new CommandMeta(CommandId: "x"));

        await using var restarted = await GrainsCluster.StartAsync(await db.OpenStoreAsync(), ownsStore: true);
        var retry = await restarted.Grain<ILedgerGrain>("after-restart").Execute(new Deposit(3), new CommandMeta(CommandId: "x"));

        Assert.True(retry.IsRetry);
        Assert.Equal(first.Events.Single().Hash, retry.Events.Single().Hash);
        Assert.Equal(3, (await restarted.Grain<ILedgerGrain>("after-restart").GetState()).State.Balance);
    }

    [Fact]
    public async Task ACommandIdReusedForAnotherCommandIsRefusedAndAnswersNothingOfTheFirst()
    {
        var key = $"reused-{Guid.NewGuid():N}";
        var grain = Silo.Grain<ILedgerGrain>(key);
        var meta = new CommandMeta(CommandId: "intake-7");

        await grain.Execute(new Deposit(10), meta);
        var reused = await grain.Execute(new Deposit(99), meta);

        Assert.Equal(CommandRejections.IdempotencyKeyReused, reused.Rejection?.Code);
        Assert.Empty(reused.Events);
        Assert.Equal(10, (await grain.GetState()).State.Balance);
        Assert.Single(await Silo.StreamAsync($"ledger/{key}"));
    }

    [Fact]
    public async Task ACommandIdReusedByAnotherActorIsRefusedEvenForTheSameCommand()
    {
        var grain = Silo.Grain<ILedgerGrain>($"reused-actor-{Guid.NewGuid():N}");

        await grain.Execute(new Deposit(10), new CommandMeta(CommandId: "k", Actor: "applicant:P-1"));
        var reused = await grain.Execute(new Deposit(10), new CommandMeta(CommandId: "k", Actor: "applicant:P-2"));

        Assert.Equal(CommandRejections.IdempotencyKeyReused, reused.Rejection?.Code);
        Assert.Empty(reused.Events);
    }

    [Fact]
    public async Task ACommandIdReusedForAnotherCommandAfterRestartIsRefusedFromTheStore()
    {
        using var db = new TempDatabase();
        await using (var silo = await GrainsCluster.StartAsync(await db.OpenStoreAsync(), ownsStore: true))
            await silo.Grain<ILedgerGrain>("reused-after-restart").Execute(new Deposit(3), new CommandMeta(CommandId: "x"));

        await using var restarted = await GrainsCluster.StartAsync(await db.OpenStoreAsync(), ownsStore: true);
        var reused = await restarted.Grain<ILedgerGrain>("reused-after-restart").Execute(new Deposit(4), new CommandMeta(CommandId: "x"));
        var retry = await restarted.Grain<ILedgerGrain>("reused-after-restart").Execute(new Deposit(3), new CommandMeta(CommandId: "x"));

        Assert.Equal(CommandRejections.IdempotencyKeyReused, reused.Rejection?.Code);
        Assert.Empty(reused.Events);
        Assert.True(retry.IsRetry);
        Assert.Equal(3, (await restarted.Grain<ILedgerGrain>("reused-after-restart").GetState()).State.Balance);
    }

    [Fact]
    public async Task TwoCommandsSentConcurrentlyUnderOneIdAreOneAcceptedAndOneRefused()
    {
        var grain = Silo.Grain<ILedgerGrain>($"reused-burst-{Guid.NewGuid():N}");
        var meta = new CommandMeta(CommandId: "same");

        var results = await Task.WhenAll(grain.Execute(new Deposit(1), meta), grain.Execute(new Deposit(2), meta));

        Assert.Single(results, r => r.IsAccepted);
        Assert.Single(results, r => r.Rejection?.Code == CommandRejections.IdempotencyKeyReused);
        Assert.Single(await Silo.StreamAsync($"ledger/{grain.GetPrimaryKeyString()}"));
    }

    [Fact]
    public async Task TheSameCommandIdSentConcurrentlyIsAppliedOnce()
    {
        var grain = Silo.Grain<ILedgerGrain>($"retry-burst-{Guid.NewGuid():N}");

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            Task.Run(() => grain.Execute(new Deposit(1), new CommandMeta(CommandId: "flaky-client")))));

        Assert.Single(results, r => !r.IsRetry);
        Assert.Single(results.Select(r => r.Events.Single().EventId).Distinct());
        Assert.Equal(1, (await grain.GetState()).State.Balance);
    }
}
