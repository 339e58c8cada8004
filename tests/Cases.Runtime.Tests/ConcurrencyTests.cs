using Cases.Runtime.Grains;

namespace Cases.Runtime.Tests;

[Collection(SiloCollection.Name)]
public sealed class ConcurrencyTests(SiloFixture silo)
{
    [Fact]
    public async Task ThousandConcurrentCommandsToOneGrainAreEachAppliedExactlyOnceWithGaplessVersions()
    {
        var grain = silo.Runtime.GetGrain(Ledger.Instance, $"busy-{Guid.NewGuid():N}");
        var commandIds = Enumerable.Range(1, 1000).Select(i => $"cmd-{i}").ToArray();

        var results = await Task.WhenAll(commandIds.Select((id, i) =>
            Task.Run(() => grain.ExecuteAsync(new Deposit(i + 1), new CommandMeta(CommandId: id)))));

        Assert.All(results, r => Assert.True(r.IsAccepted));
        var state = await grain.GetStateAsync();
        Assert.Equal(1000, state.State.Movements);
        Assert.Equal(1000L * 1001 / 2, state.State.Balance);
        Assert.Equal(1000, state.Version);

        var stored = await silo.Store.ReadStreamAsync(grain.Id.StreamId, 1, long.MaxValue).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 1000).Select(v => (long)v), stored.Select(e => e.Version));
        Assert.Equal(commandIds.Order(), stored.Select(e => e.CommandId).Order());
        Assert.Equal(results.Select(r => r.Version).Order(), stored.Select(e => e.Version));
    }

    [Fact]
    public async Task CommandsToOneGrainAreDecidedOneAtATimeSoNoWithdrawalOverdraws()
    {
        var grain = silo.Runtime.GetGrain(Ledger.Instance, $"overdraw-{Guid.NewGuid():N}");
        await grain.ExecuteAsync(new Deposit(100));

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => grain.ExecuteAsync(new Withdraw(7)))));

        Assert.Equal(14, results.Count(r => r.IsAccepted));
        Assert.All(results.Where(r => !r.IsAccepted), r => Assert.Equal("insufficient", r.Rejection!.Code));
        Assert.Equal(2, (await grain.GetStateAsync()).State.Balance);
    }
}
