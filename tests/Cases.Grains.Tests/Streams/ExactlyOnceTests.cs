using Cases.Domain.Housing;
using Cases.Grains.Contracts;
using Cases.Grains.Tests.Support;

namespace Cases.Grains.Tests.Streams;

public sealed class ExactlyOnceTests
{
    [Fact]
    public async Task RedeliveringEveryStreamEventAgainChangesNothing()
    {
        using var db = new TempDatabase();
        string[] applicants = ["P-1", "P-2", "P-3"];
        await using (var silo = await GrainsCluster.StartAsync(await db.OpenStoreAsync(), ownsStore: true))
        {
            await silo.Grain<IHousingOfficeGrain>("haidian").Execute(new AddTransitionalUnits(["HD-1", "HD-2"]), ProgrammeSteps.As("admin:root"));
            foreach (var key in applicants)
                await silo.ApprovePermitAsync(key);
            await silo.RevokePermitAsync("P-1", "left the city");
            await GrainsCluster.Eventually(async () => (await silo.Grain<IHousingGrain>("P-3").GetState()).State.UnitId is not null, "P-3 gets P-1's unit");
            await silo.WhenDeliveredAsync(await silo.HeadAsync());
        }
        var before = await SnapshotAsync(db, applicants);

        // Another partitioning has checkpoints of its own: its queues deliver every event of the log a second time, then a third.
        foreach (var queues in new[] { 3, 5 })
        {
            var settings = new ClusterSettings { Streams = o => { o.Queues = queues; o.PollInterval = TimeSpan.FromMilliseconds(20); } };
            await using var silo = await GrainsCluster.StartAsync(await db.OpenStoreAsync(), settings, ownsStore: true);
            await silo.WhenDeliveredAsync(await silo.HeadAsync());
        }

        Assert.Equal(before, await SnapshotAsync(db, applicants));
    }

    [Fact]
    public async Task ASiloKilledBetweenAnAppendAndItsDeliveryLeavesEveryEffectToItsSuccessorExactlyOnce()
    {
        using var db = new TempDatabase();
        var held = new FaultyStore(await db.OpenStoreAsync());
        await using (var silo = await GrainsCluster.StartAsync(held, ownsStore: true))
        {
            await silo.Grain<IHousingOfficeGrain>("haidian").Execute(new AddTransitionalUnits(["HD-1"]), ProgrammeSteps.As("admin:root"));
            held.HoldLog();
            await silo.ApprovePermitAsync("P-1");
            await Task.Delay(200); // the queues had their chance to deliver, and could not read the log
            Assert.Empty(await silo.StreamAsync("housing/P-1")); // appended, never delivered
            await silo.Cluster.KillSiloAsync(silo.Cluster.Silos[0]);
        }

        await using (var successor = await GrainsCluster.StartAsync(await db.OpenStoreAsync(), ownsStore: true))
        {
            await GrainsCluster.Eventually(async () => (await successor.Grain<IHousingGrain>("P-1").GetState()).State.UnitId is not null, "the successor delivers");
            await successor.WhenDeliveredAsync(await successor.HeadAsync());
        }
        var settings = new ClusterSettings { Streams = o => { o.Queues = 3; o.PollInterval = TimeSpan.FromMilliseconds(20); } };
        await using (var third = await GrainsCluster.StartAsync(await db.OpenStoreAsync(), settings, ownsStore: true))
            await third.WhenDeliveredAsync(await third.HeadAsync());

        await using var store = await db.OpenStoreAsync();
        var housing = await store.ReadStreamAsync("housing/P-1", 1, long.MaxValue).ToListAsync();
        Assert.Equal([nameof(HousingCaseOpened), nameof(RentalSubsidyEligibilityOpened), nameof(TransitionalHousingAllocated)], housing.Select(e => e.EventType));
        Assert.Single(await store.ReadStreamAsync("housing-office/haidian", 1, long.MaxValue).ToListAsync(), e => e.EventType == nameof(TransitionalUnitAllocated));
    }

    [Fact]
    public async Task AQueuesCheckpointNeverPassesADeliveryThatHasNotLandedSoAKilledSilosSuccessorStillDeliversIt()
    {
        using var db = new TempDatabase();
        var store = new FaultyStore(await db.OpenStoreAsync());
        await using (var silo = await GrainsCluster.StartAsync(store, ownsStore: true))
        {
            await silo.Grain<IHousingOfficeGrain>("haidian").Execute(new AddTransitionalUnits(["HD-1", "HD-2", "HD-3"]), ProgrammeSteps.As("admin:root"));
            store.RefuseAppends(stream => stream == "housing/P-1");
            await silo.ApprovePermitAsync("P-1");
            await silo.ApprovePermitAsync("P-2");
            await silo.ApprovePermitAsync("P-3");
            await GrainsCluster.Eventually(async () => (await silo.Grain<IHousingGrain>("P-3").GetState()).State.UnitId is not null, "later approvals are delivered");
            await Task.Delay(500); // several checkpoint intervals: a checkpoint past P-1's deliveries would have been saved by now
            Assert.Empty(await silo.StreamAsync("housing/P-1"));
            await silo.Cluster.KillSiloAsync(silo.Cluster.Silos[0]);
        }

        await using var successor = await GrainsCluster.StartAsync(await db.OpenStoreAsync(), ownsStore: true);
        await GrainsCluster.Eventually(async () => (await successor.StreamAsync("housing/P-1")).Count == 3, "the successor delivers what never landed");
        await successor.WhenDeliveredAsync(await successor.HeadAsync());
        Assert.Equal([nameof(HousingCaseOpened), nameof(RentalSubsidyEligibilityOpened), nameof(TransitionalHousingAllocated)],
            (await successor.StreamAsync("housing/P-1")).Select(e => e.EventType));
        Assert.Equal(3, (await successor.StreamAsync("housing/P-3")).Count);
    }

    // Every stream the programme touched, as (stream, event count, last hash): any repeated effect changes it.
    private static async Task<string> SnapshotAsync(TempDatabase db, IEnumerable<string> applicants)
    {
        await using var store = await db.OpenStoreAsync();
        var streams = applicants.SelectMany(a => new[] { $"applicant/{a}", $"housing/{a}" }).Append("housing-office/haidian");
        var parts = new List<string>();
        foreach (var stream in streams)
        {
            var events = await store.ReadStreamAsync(stream, 1, long.MaxValue).ToListAsync();
            parts.Add($"{stream}:{events.Count}:{Convert.ToHexString(events[^1].Hash)}");
        }
        return string.Join("|", parts);
    }
}
