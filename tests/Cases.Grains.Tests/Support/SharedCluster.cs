using Cases.Storage.Sqlite;

namespace Cases.Grains.Tests.Support;

/// <summary>One single-silo cluster over a SQLite file, shared by the tests that need no store of their own; each test uses its own grain keys.</summary>
public sealed class SharedCluster : IAsyncLifetime
{
    private readonly TempDatabase _database = new();

    public GrainsCluster Silo { get; private set; } = null!;

    public SqliteEventStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = await _database.OpenStoreAsync();
        Silo = await GrainsCluster.StartAsync(Store, ownsStore: true);
    }

    public async Task DisposeAsync()
    {
        await Silo.DisposeAsync();
        _database.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class SharedClusterCollection : ICollectionFixture<SharedCluster>
{
    public const string Name = "shared cluster";
}
