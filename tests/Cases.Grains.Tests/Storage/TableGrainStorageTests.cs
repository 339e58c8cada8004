using Cases.Grains.Storage;
using Cases.Grains.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Storage;

namespace Cases.Grains.Tests.Storage;

/// <summary>The silo's default grain storage is ours, over the cluster's grain state table, with Orleans' ETag semantics.</summary>
[Collection(SharedClusterCollection.Name)]
public sealed class TableGrainStorageTests(SharedCluster shared)
{
    private GrainsCluster Silo => shared.Silo;

    private IGrainStorage Storage => Silo.Service<IGrainStorage>();

    [Fact]
    public void TheDefaultGrainStorageIsTheTableGrainStorage()
    {
        Assert.IsType<TableGrainStorage>(Storage);
        Assert.Same(Storage, Silo.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME));
    }

    [Fact]
    public async Task StateWrittenReadsBackIntoAFreshActivationsStateUnderReadableKeys()
    {
        var id = GrainId.Create("housing-view", NewKey());
        var written = new GrainState<SampleView>(new SampleView { Open = 2, Units = ["HD-1", "HD-2"] });

        await Storage.WriteStateAsync(TableGrainStorage.DefaultStateName, id, written);
        var read = new GrainState<SampleView>();
        await Storage.ReadStateAsync(TableGrainStorage.DefaultStateName, id, read);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(2, read.State!.Open);
        Assert.Equal(["HD-1", "HD-2"], read.State.Units);
        var row = await Silo.GrainState.ReadAsync("housing-view", id.Key.ToString()!);
        Assert.Equal(written.ETag, row!.ETag);
    }

    [Fact]
    public async Task AGrainNeverWrittenReadsAsANewStateWithoutRecord()
    {
        var read = new GrainState<SampleView>();

        await Storage.ReadStateAsync(TableGrainStorage.DefaultStateName, GrainId.Create("housing-view", NewKey()), read);

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.Equal(0, read.State!.Open);
    }

    [Fact]
    public async Task AWriteOnAStaleETagIsOrleansInconsistentStateWithBothETags()
    {
        var id = GrainId.Create("housing-view", NewKey());
        var first = new GrainState<SampleView>(new SampleView { Open = 1 });
        await Storage.WriteStateAsync(TableGrainStorage.DefaultStateName, id, first);
        var stale = new GrainState<SampleView>(new SampleView { Open = 9 }) { ETag = first.ETag };
        await Storage.WriteStateAsync(TableGrainStorage.DefaultStateName, id, first);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(TableGrainStorage.DefaultStateName, id, stale));

        Assert.Equal((first.ETag, stale.ETag), (error.StoredEtag, error.CurrentEtag));
        var read = new GrainState<SampleView>();
        await Storage.ReadStateAsync(TableGrainStorage.DefaultStateName, id, read);
        Assert.Equal(1, read.State!.Open);
    }

    [Fact]
    public async Task ClearingRemovesTheRowAndResetsTheState()
    {
        var id = GrainId.Create("housing-view", NewKey());
        var state = new GrainState<SampleView>(new SampleView { Open = 1 });
        await Storage.WriteStateAsync(TableGrainStorage.DefaultStateName, id, state);

        await Storage.ClearStateAsync(TableGrainStorage.DefaultStateName, id, state);

        Assert.Equal((false, (string?)null, (int?)0), (state.RecordExists, state.ETag, state.State?.Open));
        Assert.Null(await Silo.GrainState.ReadAsync("housing-view", id.Key.ToString()!));
    }

    [Fact]
    public async Task TwoStatesOfOneGrainAreTwoRows()
    {
        var id = GrainId.Create("housing-view", NewKey());
        await Storage.WriteStateAsync(TableGrainStorage.DefaultStateName, id, new GrainState<SampleView>(new SampleView { Open = 1 }));

        await Storage.WriteStateAsync("archive", id, new GrainState<SampleView>(new SampleView { Open = 2 }));

        Assert.NotNull(await Silo.GrainState.ReadAsync("housing-view", id.Key.ToString()!));
        Assert.NotNull(await Silo.GrainState.ReadAsync("housing-view/archive", id.Key.ToString()!));
    }

    private static string NewKey() => $"P-{Guid.NewGuid():N}";
}
