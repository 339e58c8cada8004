using Cases.Domain.Housing;
using Cases.Grains.Contracts;
using Cases.Grains.Streams;
using Cases.Grains.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace Cases.Grains.Tests.Streams;

public sealed class DeliveryFailureTests
{
    private static readonly TimeSpan OrleansTimeouts = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task ATargetFailingLongerThanOrleansDeliveryTimeoutsStillTakesEveryDeliveryOnceAndInOrderWhenItRecovers()
    {
        using var db = new TempDatabase();
        var store = new FaultyStore(await db.OpenStoreAsync());
        // Orleans' own timeouts made short, so the failure below outlasts both: the grain call's and the pulling agent's give-up time.
        var settings = new ClusterSettings
        {
            Silo = silo =>
            {
                silo.Services.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = OrleansTimeouts);
                silo.Services.Configure<StreamPullingAgentOptions>(DecisionStreams.ProviderName, o => o.MaxEventDeliveryTime = OrleansTimeouts);
            },
        };
        await using var silo = await GrainsCluster.StartAsync(store, settings, ownsStore: true);
        await silo.Grain<IHousingOfficeGrain>("haidian").Execute(new AddTransitionalUnits(["HD-1"]), ProgrammeSteps.As("admin:root"));
        store.RefuseAppends(stream => stream == "housing/P-1");

        await silo.ApprovePermitAsync("P-1");
        await GrainsCluster.Eventually(async () => (await silo.StreamAsync("housing-office/haidian")).Any(e => e.EventType == nameof(TransitionalUnitAllocated)), "the office allocates");
        await Task.Delay(4 * OrleansTimeouts);
        Assert.Empty(await silo.StreamAsync("housing/P-1"));
        Assert.True(store.Refused > 2, $"The housing case refused {store.Refused} appends.");

        store.AcceptAppends();
        await GrainsCluster.Eventually(async () => (await silo.StreamAsync("housing/P-1")).Count >= 3, "the housing case takes its deliveries");
        await Task.Delay(2 * OrleansTimeouts); // any late repeat would land here

        var housing = await silo.StreamAsync("housing/P-1");
        Assert.Equal([nameof(HousingCaseOpened), nameof(RentalSubsidyEligibilityOpened), nameof(TransitionalHousingAllocated)], housing.Select(e => e.EventType));
        Assert.Equal("HD-1", (await silo.Grain<IHousingGrain>("P-1").GetState()).State.UnitId);
    }
}
