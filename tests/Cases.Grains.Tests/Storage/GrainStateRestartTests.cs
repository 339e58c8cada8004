using Cases.Grains.Storage;
using Cases.Grains.Tests.Support;
using Orleans.Storage;

namespace Cases.Grains.Tests.Storage;

/// <summary>Grain state lives beside the store's file, so a cluster restarted on the same store reads what the last one wrote.</summary>
public sealed class GrainStateRestartTests
{
    [Fact]
    public async Task StateWrittenBeforeARestartIsReadAfterIt()
    {
        using var db = new TempDatabase();
        var id = GrainId.Create("housing-view", "P-1");
        var written = new GrainState<SampleView>(new SampleView { Open = 3 });
        await using (var silo = await GrainsCluster.StartAsync(await db.OpenStoreAsync(), ownsStore: true))
            await silo.Service<IGrainStorage>().WriteStateAsync(TableGrainStorage.DefaultStateName, id, written);

        await using var restarted = await GrainsCluster.StartAsync(await db.OpenStoreAsync(), ownsStore: true);
        var read = new GrainState<SampleView>();
        await restarted.Service<IGrainStorage>().ReadStateAsync(TableGrainStorage.DefaultStateName, id, read);

        Assert.Equal((true, written.ETag, 3), (read.RecordExists, read.ETag, read.State!.Open));
    }
}
