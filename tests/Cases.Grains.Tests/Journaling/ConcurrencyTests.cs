using Cases.Grains.Contracts;
using Cases.Grains.Tests.Support;

namespace Cases.Grains.Tests.Journaling;

[Collection(SharedClusterCollection.Name)]
public sealed class ConcurrencyTests(SharedCluster shared)
{
    private GrainsCluster Silo => shared.Silo;

    [Fact]
    public async Task ThousandConcurrentCommandsToOneGrainAreEachAppliedExactlyOnceWithGaplessVersions()
    {
        var key = $"busy-{Guid.NewGuid():N}";
        var grain = Silo.Grain<ILedgerGrain>(key);
        var commandIds = Enumerable.Range(1, 1000).Select(i => $"cmd-{i}").ToArray();

        var results = await Task.WhenAll(commandIds.Select((id, i) =>
            Task.Run(() => grain.Execute(new Deposit(i + 1), new CommandMeta(CommandId: id)))));

        Assert.All(results, r => Assert.True(r.IsAccepted));
        var state = await grain.GetState();
        Assert.Equal(1000, state.State.Movements);
        Assert.Equal(1000L * 1001 / 2, state.State.Balance);
        Assert.Equal(1000, state.Version);

        var stored = await Silo.StreamAsync($"ledger/{key}");
        Assert.Equal(Enumerable.Range(1, 1000).Select(v => (long)v), stored.Select(e => e.Version));
        Assert.Equal(commandIds.Order(), stored.Select(e => e.CommandId).Order());
        Assert.Equal(results.Select(r => r.Version).Order(), stored.Select(e => e.Version));
    }

    [Fact]
    public async Task ConcurrentCommandsToOneGrainShareDurableAppendsInsteadOfOneEach()
    {
        var key = $"hot-{Guid.NewGuid():N}";
        var grain = Silo.Grain<ILedgerGrain>(key);

        await Task.WhenAll(Enumerable.Range(0, 500).Select(i => Task.Run(() => grain.Execute(new Deposit(1), new CommandMeta(CommandId: $"hot-{i}")))));

        // Events of one append share its recorded-at instant; far fewer distinct instants than commands means turns were batched.
        var stored = await Silo.StreamAsync($"ledger/{key}");
        Assert.Equal(500, stored.Count);
        Assert.True(stored.Select(e => e.RecordedAt).Distinct().Count() < 250, $"{stored.Select(e => e.RecordedAt).Distinct().Count()} appends for 500 commands.");
    }

    [Fact]
    public async Task CommandsToOneGrainAreDecidedOneAtATimeSoNoWithdrawalOverdraws()
    {
        var grain = Silo.Grain<ILedgerGrain>($"overdraw-{Guid.NewGuid():N}");
        await grain.Execute(new Deposit(100));

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => grain.Execute(new Withdraw(7)))));

        Assert.Equal(14, results.Count(r => r.IsAccepted));
        Assert.All(results.Where(r => !r.IsAccepted), r => Assert.Equal("insufficient", r.Rejection!.Code));
        Assert.Equal(2, (await grain.GetState()).State.Balance);
    }
}
