using Cases.Runtime.Cluster;

namespace Cases.Runtime.Tests.Cluster;

public sealed class PlacementTests
{
    private static readonly GrainId[] Grains = Enumerable.Range(0, 3000).Select(i => new GrainId("applicant", $"P-{i}")).ToArray();

    [Fact]
    public void EverySiloComputesTheSameOwnerWhateverTheOrderOfItsList()
    {
        string[] silos = ["silo-a", "silo-b", "silo-c"];

        Assert.All(Grains, g => Assert.Equal(RendezvousPlacement.OwnerOf(g, silos), RendezvousPlacement.OwnerOf(g, silos.Reverse().ToArray())));
    }

    [Fact]
    public void GrainsSpreadOverTheSilos()
    {
        string[] silos = ["silo-a", "silo-b", "silo-c"];

        var shares = Grains.GroupBy(g => RendezvousPlacement.OwnerOf(g, silos)).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(3, shares.Count);
        Assert.All(shares.Values, count => Assert.InRange(count, 800, 1200));
    }

    [Fact]
    public void WhenASiloLeavesOnlyItsGrainsMove()
    {
        string[] before = ["silo-a", "silo-b", "silo-c"];
        string[] after = ["silo-a", "silo-c"];

        foreach (var grain in Grains)
        {
            var owner = RendezvousPlacement.OwnerOf(grain, before);
            if (owner != "silo-b")
                Assert.Equal(owner, RendezvousPlacement.OwnerOf(grain, after));
        }
    }

    [Fact]
    public void AJoiningSiloTakesAboutItsShareAndNothingMovesBetweenOthers()
    {
        string[] before = ["silo-a", "silo-b"];
        string[] after = ["silo-a", "silo-b", "silo-c"];

        var moved = Grains.Where(g => RendezvousPlacement.OwnerOf(g, before) != RendezvousPlacement.OwnerOf(g, after)).ToList();

        Assert.All(moved, g => Assert.Equal("silo-c", RendezvousPlacement.OwnerOf(g, after)));
        Assert.InRange(moved.Count, 800, 1200);
    }

    [Fact]
    public async Task ASiloSilentForLongerThanTheTimeoutLeavesTheViewAndItsGrainsMove()
    {
        var table = new InMemoryMembership();
        var now = DateTimeOffset.UtcNow;
        await table.JoinAsync(new SiloInfo("silo-a", new Uri("http://127.0.0.1:1"), now, now));
        await table.JoinAsync(new SiloInfo("silo-b", new Uri("http://127.0.0.1:2"), now, now.AddSeconds(-11)));
        var view = new ClusterView("silo-a", table, new ClusterOptions { DeadAfter = TimeSpan.FromSeconds(10) });
        var changes = 0;
        view.Changed += () => changes++;

        await view.RefreshAsync();

        Assert.Equal(["silo-a"], view.Live.Select(s => s.SiloId));
        Assert.All(Grains.Take(100), g => Assert.True(view.IsLocal(g)));
        await table.HeartbeatAsync("silo-b", DateTimeOffset.UtcNow);
        await view.RefreshAsync();
        Assert.Equal(2, changes);
        Assert.Contains(Grains, g => !view.IsLocal(g));
    }
}
