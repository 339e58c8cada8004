using Cases.Runtime.Cluster;
using Cases.Runtime.Grains;

namespace Cases.Runtime.Tests.Cluster;

public sealed class RoutingTests
{
    private static readonly string[] Keys = Enumerable.Range(0, 60).Select(i => $"acct-{i}").ToArray();

    [Fact]
    public async Task ACommandSentToAnySiloRunsOnTheGrainsOwnerAndReadsComeFromThere()
    {
        await using var cluster = await TwoSilos.StartAsync();

        foreach (var key in Keys)
            Assert.True((await cluster.A.Ledger(key).ExecuteAsync(new Deposit(5))).IsAccepted);
        foreach (var key in Keys)
            Assert.True((await cluster.B.Ledger(key).ExecuteAsync(new Deposit(1))).IsAccepted);

        var ownedByB = Keys.Count(k => !cluster.ViewA.IsLocal(new GrainId("ledger", k)));
        Assert.InRange(ownedByB, 10, 50);
        Assert.Equal(Keys.Length - ownedByB, cluster.A.Runtime.ActivationCount);
        Assert.Equal(ownedByB, cluster.B.Runtime.ActivationCount);
        foreach (var key in Keys)
            Assert.Equal(new LedgerState(6, 2, (await cluster.B.Ledger(key).GetStateAsync()).State.LastDepositAt), (await cluster.A.Ledger(key).GetStateAsync()).State);
    }

    [Fact]
    public async Task AForwardedRetryKeepsItsCommandIdAndAppliesOnce()
    {
        await using var cluster = await TwoSilos.StartAsync();
        var key = Keys.First(k => !cluster.ViewA.IsLocal(new GrainId("ledger", k)));

        var first = await cluster.A.Ledger(key).ExecuteAsync(new Deposit(7), new CommandMeta(CommandId: "intake-1"));
        var retry = await cluster.A.Ledger(key).ExecuteAsync(new Deposit(7), new CommandMeta(CommandId: "intake-1"));

        Assert.True(retry.IsRetry);
        Assert.Equal(new GrainId("ledger", key), retry.GrainId);
        Assert.Equal(first.Events.Single().EventId, retry.Events.Single().EventId);
        Assert.Equal(7, (await cluster.B.Ledger(key).GetStateAsync()).State.Balance);
    }

    [Fact]
    public async Task WhenASiloLeavesTheSurvivorServesItsGrainsFromTheStoredState()
    {
        await using var cluster = await TwoSilos.StartAsync();
        foreach (var key in Keys)
            await cluster.B.Ledger(key).ExecuteAsync(new Deposit(3));

        await cluster.Table.LeaveAsync("silo-b");
        await cluster.ViewA.RefreshAsync();

        foreach (var key in Keys)
        {
            var result = await cluster.A.Ledger(key).ExecuteAsync(new Deposit(1));
            Assert.Equal(2, result.Version);
        }
        Assert.Equal(Keys.Length, cluster.A.Runtime.ActivationCount);
    }

    [Fact]
    public async Task AJoiningSiloTakesItsGrainsAndTheOldOwnerLetsIdleActivationsGo()
    {
        await using var cluster = await TwoSilos.StartAsync(bJoined: false);
        foreach (var key in Keys)
            await cluster.A.Ledger(key).ExecuteAsync(new Deposit(2));
        Assert.Equal(Keys.Length, cluster.A.Runtime.ActivationCount);

        await cluster.JoinBAsync();

        var moved = Keys.Count(k => !cluster.ViewA.IsLocal(new GrainId("ledger", k)));
        Assert.InRange(moved, 10, 50);
        Assert.Equal(Keys.Length - moved, cluster.A.Runtime.ActivationCount);
        foreach (var key in Keys)
            Assert.Equal(2, (await cluster.A.Ledger(key).ExecuteAsync(new Deposit(1))).Version);
    }
}
