using Cases.Domain;
using Cases.Domain.Rules;
using Cases.Domain.Subsidies;
using Cases.Grains;
using Cases.Grains.Contracts;
using Cases.Journal.Events;
using Cases.Journal.Storage;
using Cases.Storage.Postgres;
using Cases.Storage.Postgres.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Cases.Cluster.Tests;

public sealed class PartitionTests
{
    private static readonly CommandMeta Officer = new(Actor: "officer:li", Now: new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)));
    private static readonly Programme Programme = new(new RuleSet());

    [Fact]
    public async Task ASiloCutOffFromTheClusterCannotCommitAStaleDecision()
    {
        await using var postgres = await PostgresServer.StartAsync();
        var decider = Programme.SubsidyPrograms;
        // Two clusters over one store: the partitioned one never hears that the other took the grain over.
        await using var partitioned = await StartAsync(postgres);
        await using var survivor = await StartAsync(postgres);
        var stale = partitioned.Cluster.Client.GetGrain<ISubsidyProgramGrain>("startup-2026");
        Assert.True((await stale.Execute(new OpenProgramme(2026, 100_000), Officer)).IsAccepted);
        Assert.Equal(100_000, (await stale.GetState()).State.RemainingBudgetCny); // the partitioned silo holds the programme at version 1

        // The survivor activated the grain too and spent the whole budget.
        var award = await survivor.Cluster.Client.GetGrain<ISubsidyProgramGrain>("startup-2026").Execute(new RequestStartupGrant("E-1"), Officer with { CommandId = "grant-E-1" });
        var late = await stale.Execute(new RequestStartupGrant("E-2"), Officer with { CommandId = "grant-E-2" });

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

    private static async Task<Silo> StartAsync(PostgresServer postgres)
    {
        var store = new PostgresEventStore(new PostgresStoreOptions { ConnectionString = postgres.ConnectionString });
        await store.InitializeAsync();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Services.AddSingleton<IEventStore>(store);
            host.Services.AddSingleton(Programme);
        });
        builder.ConfigureSilo((_, silo) => silo.AddProgrammeGrains());
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new Silo(store, cluster);
    }

    private sealed record Silo(PostgresEventStore Store, InProcessTestCluster Cluster) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Cluster.StopAllSilosAsync();
            await Cluster.DisposeAsync();
            await Store.DisposeAsync();
        }
    }
}
