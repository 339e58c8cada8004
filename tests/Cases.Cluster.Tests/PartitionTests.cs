using Cases.Domain.Rules;
using Cases.Domain.Subsidies;
using Cases.Runtime.Events;
using Cases.Runtime.Grains;
using Cases.Runtime.Hosting;
using Cases.Runtime.Storage;
using Cases.Storage.Postgres;
using Cases.Storage.Postgres.Tests.Support;

namespace Cases.Cluster.Tests;

public sealed class PartitionTests
{
    private static readonly CommandMeta Officer = new(Actor: "officer:li", Now: new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)));

    [Fact]
    public async Task ASiloCutOffFromTheClusterCannotCommitAStaleDecision()
    {
        await using var postgres = await PostgresServer.StartAsync();
        var decider = new SubsidyProgramGrain(new RuleSet());
        await using var partitioned = await SiloAsync(postgres);
        await using var survivor = await SiloAsync(postgres);
        var stale = partitioned.Runtime.GetGrain(decider, "startup-2026");
        Assert.True((await stale.ExecuteAsync(new OpenProgramme(2026, 100_000), Officer)).IsAccepted);
        Assert.Equal(100_000, (await stale.GetStateAsync()).State.RemainingBudgetCny); // the partitioned silo holds the programme at version 1

        // Its heartbeats stopped, so the survivor took the grain over and spent the whole budget.
        var award = await survivor.Runtime.GetGrain(decider, "startup-2026").ExecuteAsync(new RequestStartupGrant("E-1"), Officer with { CommandId = "grant-E-1" });
        var late = await stale.ExecuteAsync(new RequestStartupGrant("E-2"), Officer with { CommandId = "grant-E-2" });

        Assert.IsType<GrantAwarded>(decider.Deserialize(award.Events.Single()));
        var refused = Assert.IsType<GrantRefused>(decider.Deserialize(late.Events.Single()));
        Assert.Equal(0, refused.RemainingBudgetCny);
        var stored = await partitioned.Store.ReadStreamAsync("subsidy-program/startup-2026", 1, long.MaxValue).ToListAsync();
        Assert.Equal(["ProgrammeOpened", "GrantAwarded", "GrantRefused"], stored.Select(e => e.EventType));
        // The same refusal at the store: a write made on the version the partitioned silo saw is not committed.
        var copy = stored[1];
        var replayed = new PendingEvent(Guid.NewGuid(), copy.EventType, copy.SchemaVersion, copy.Payload, copy.OccurredAt, copy.Actor, "stale", null, "stale");
        var staleAppend = await partitioned.Store.AppendAsync(new AppendRequest("subsidy-program/startup-2026", 1, [new CommandAppend("stale", [replayed], null)]));
        Assert.Equal(new AppendResult.Conflict(3), staleAppend);
    }

    private static async Task<Silo> SiloAsync(PostgresServer postgres)
    {
        var store = new PostgresEventStore(new PostgresStoreOptions { ConnectionString = postgres.ConnectionString });
        await store.InitializeAsync();
        return new Silo(store, new GrainRuntime(store));
    }

    private sealed record Silo(PostgresEventStore Store, GrainRuntime Runtime) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Runtime.DisposeAsync();
            await Store.DisposeAsync();
        }
    }
}
