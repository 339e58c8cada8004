using Cases.Domain.Housing;
using Cases.Grains.Contracts;
using Cases.Grains.Tests.Support;
using Cases.Journal.Events;

namespace Cases.Grains.Tests.Journaling;

/// <summary>Two activations of one grain, forced by two clusters over one store (as a split directory during membership changes could make):
/// the conditional append fences them, so nothing is lost, doubled or overwritten.</summary>
public sealed class DuplicateActivationTests
{
    [Fact]
    public async Task TwoActivationsLoseNoUpdateAndTheLoserRedecidesOnFreshState()
    {
        using var db = new TempDatabase();
        await using var silo1 = await GrainsCluster.StartAsync(await db.OpenStoreAsync(), ownsStore: true);
        await using var silo2 = await GrainsCluster.StartAsync(await db.OpenStoreAsync(), ownsStore: true);
        var (a, b) = (silo1.Grain<ILedgerGrain>("shared"), silo2.Grain<ILedgerGrain>("shared"));

        await a.Execute(new Deposit(100));
        Assert.Equal(100, (await b.GetState()).State.Balance); // both clusters now hold an activation at version 1
        var first = await a.Execute(new Withdraw(60));
        var second = await b.Execute(new Withdraw(60));

        Assert.True(first.IsAccepted);
        Assert.False(second.IsAccepted);
        Assert.Equal("insufficient", second.Rejection!.Code);
        Assert.Contains("Balance 40", second.Rejection.Message, StringComparison.Ordinal);
        Assert.Equal((await a.GetState()).State, (await b.GetState()).State);
        Assert.Equal(40, (await b.GetState()).State.Balance);
        Assert.Equal(2, (await silo1.StreamAsync("ledger/shared")).Count);
    }

    [Fact]
    public async Task ConcurrentCommandsThroughTwoActivationsAllLandExactlyOnceWithGaplessVersionsAndAnIntactChain()
    {
        using var db = new TempDatabase();
        await using (var silo1 = await GrainsCluster.StartAsync(await db.OpenStoreAsync(), ownsStore: true))
        await using (var silo2 = await GrainsCluster.StartAsync(await db.OpenStoreAsync(), ownsStore: true))
        {
            var grains = new[] { silo1.Grain<ILedgerGrain>("raced"), silo2.Grain<ILedgerGrain>("raced") };

            var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
                Task.Run(() => grains[i % 2].Execute(new Deposit(1), new CommandMeta(CommandId: $"d-{i}")))));

            Assert.All(results, r => Assert.True(r.IsAccepted));
            var stored = await silo1.StreamAsync("ledger/raced");
            Assert.Equal(Enumerable.Range(1, 200).Select(v => (long)v), stored.Select(e => e.Version));
            Assert.Equal(200, stored.Select(e => e.CommandId).Distinct().Count());
            Assert.True((await Journal.Events.ChainVerifier.VerifyStreamAsync(silo1.Store, "ledger/raced")).IsIntact);
        }

        await using var silo3 = await GrainsCluster.StartAsync(await db.OpenStoreAsync(), ownsStore: true);
        Assert.Equal(200, (await silo3.Grain<ILedgerGrain>("raced").GetState()).State.Balance);
    }

    [Fact]
    public async Task DecisionsDeliveredByTwoClustersOverOneStoreLandExactlyOnceWithIntactChains()
    {
        using var db = new TempDatabase();
        await using var silo1 = await GrainsCluster.StartAsync(await db.OpenStoreAsync(), ownsStore: true);
        await using var silo2 = await GrainsCluster.StartAsync(await db.OpenStoreAsync(), ownsStore: true);
        var clusters = new[] { silo1, silo2 };
        await silo1.Grain<IHousingOfficeGrain>("haidian").Execute(new AddTransitionalUnits([.. Enumerable.Range(0, 10).Select(u => $"HD-{u}")]), ProgrammeSteps.As("admin:root"));

        // Both clusters read the whole log and deliver every decision, each to its own activation of the target.
        for (var i = 0; i < 10; i++)
            await clusters[i % 2].ApprovePermitAsync($"P-{i}");
        for (var i = 0; i < 10; i++)
        {
            var key = $"P-{i}";
            await GrainsCluster.Eventually(async () => (await silo1.StreamAsync($"housing/{key}")).Count >= 3, $"{key}'s case is housed");
        }
        await silo1.WhenDeliveredAsync(await silo1.HeadAsync());
        await silo2.WhenDeliveredAsync(await silo2.HeadAsync());

        for (var i = 0; i < 10; i++)
        {
            var housing = await silo1.StreamAsync($"housing/P-{i}");
            Assert.Equal([nameof(HousingCaseOpened), nameof(RentalSubsidyEligibilityOpened), nameof(TransitionalHousingAllocated)], housing.Select(e => e.EventType));
        }
        Assert.Equal(10, (await silo1.StreamAsync("housing-office/haidian")).Count(e => e.EventType == nameof(TransitionalUnitAllocated)));
        Assert.Empty(await ChainVerifier.VerifyAllAsync(silo1.Store));
    }
}
