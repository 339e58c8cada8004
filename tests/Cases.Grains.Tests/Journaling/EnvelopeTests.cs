using Cases.Grains.Contracts;
using Cases.Grains.Tests.Support;
using Cases.Journal.Events;

namespace Cases.Grains.Tests.Journaling;

[Collection(SharedClusterCollection.Name)]
public sealed class EnvelopeTests(SharedCluster shared)
{
    private GrainsCluster Silo => shared.Silo;

    [Fact]
    public async Task CommittedEventsCarryTheCommandsActorTimeAndCausalIds()
    {
        var grain = Silo.Grain<ILedgerGrain>($"envelope-{Guid.NewGuid():N}");
        var at = new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.FromHours(8));

        var result = await grain.Execute(new Deposit(5),
            new CommandMeta(CommandId: "cmd-1", Actor: "officer:wang", CorrelationId: "case-77", CausationId: "evt-permit-1", Now: at));

        var e = Assert.Single(result.Events);
        Assert.Equal(("cmd-1", "officer:wang", "case-77", "evt-permit-1", at), (e.CommandId, e.Actor, e.CorrelationId, e.CausationId, e.OccurredAt));
        Assert.Equal(("Deposited", 1, 1L), (e.EventType, e.SchemaVersion, e.Version));
        Assert.Equal(new Deposited(5, at), Ledger.Instance.Deserialize(e));
        Assert.Equal(EventHasher.Compute(EventHasher.Genesis, e), e.Hash);
    }

    [Fact]
    public async Task ACommandWithoutMetadataGetsAnIdAndIsCorrelatedToItself()
    {
        var grain = Silo.Grain<ILedgerGrain>($"envelope-{Guid.NewGuid():N}");

        var result = await grain.Execute(new Deposit(1));

        var e = Assert.Single(result.Events);
        Assert.False(string.IsNullOrEmpty(result.CommandId));
        Assert.Equal((result.CommandId, result.CommandId, "system", (string?)null), (e.CommandId, e.CorrelationId, e.Actor, e.CausationId));
    }

    [Fact]
    public async Task ADeciderThatThrowsFailsOnlyItsOwnCommand()
    {
        var grain = Silo.Grain<ILedgerGrain>($"throws-{Guid.NewGuid():N}");

        var bad = grain.Execute(null!);
        var good = grain.Execute(new Deposit(2));

        await Assert.ThrowsAnyAsync<Exception>(() => bad);
        Assert.True((await good).IsAccepted);
        Assert.Equal(2, (await grain.GetState()).State.Balance);
    }
}
