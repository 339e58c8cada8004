using Cases.Runtime.Hosting;
using Cases.Storage.Sqlite;

namespace Cases.Runtime.Tests;

/// <summary>One store and runtime shared by the tests that need no file of their own; each test uses its own grain keys.</summary>
public sealed class SiloFixture : IAsyncLifetime
{
    private readonly TempDatabase _database = new();

    public SqliteEventStore Store { get; private set; } = null!;

    public GrainRuntime Runtime { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = await _database.OpenStoreAsync();
        Runtime = new GrainRuntime(Store);
    }

    public async Task DisposeAsync()
    {
        await Runtime.DisposeAsync();
        await Store.DisposeAsync();
        _database.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class SiloCollection : ICollectionFixture<SiloFixture>
{
    public const string Name = "silo";
}
