using Cases.Grains.Storage;
using Cases.Journal.Storage;
using Cases.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Cases.Silo.Tests;

/// <summary>On the embedded default the silo's default grain storage is ours, in its own file in the data folder.</summary>
public sealed class GrainStorageTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task TheDefaultGrainStorageIsOursOverGrainStateDbInTheDataFolder()
    {
        await using var factory = SiloFactory.WithDataDirectory(_folder.Path);

        var storage = factory.Services.GetRequiredService<IGrainStorage>();
        var table = Assert.IsType<SqliteGrainStateTable>(factory.Services.GetRequiredService<IGrainStateTable>());
        await storage.WriteStateAsync(TableGrainStorage.DefaultStateName, GrainId.Create("housing-view", "P-1"), new GrainState<int>(7));

        Assert.IsType<TableGrainStorage>(storage);
        Assert.Equal(Path.Combine(_folder.Path, CasesHostingExtensions.GrainStateFileName), table.DatabasePath);
        Assert.NotNull(await table.ReadAsync("housing-view", "P-1"));
    }
}
