using System.Collections.Concurrent;

namespace Cases.Storage.Azure.Tests.Support;

/// <summary>One private Azurite for the whole test run, with one store per table so each test class has its own journal.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<Task<AzureEventStore>>> _stores = new(StringComparer.Ordinal);

    public AzuriteServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await AzuriteServer.StartAsync();

    /// <summary>An initialized store on the given table; the same instance for the same table.</summary>
    public Task<AzureEventStore> StoreAsync(string table) =>
        _stores.GetOrAdd(table, t => new Lazy<Task<AzureEventStore>>(() => OpenAsync(t))).Value;

    /// <summary>A new store instance (as another silo would have) on the same table; the caller disposes it.</summary>
    public async Task<AzureEventStore> OpenAsync(string table)
    {
        var store = new AzureEventStore(new AzureStoreOptions { ConnectionString = Server.ConnectionString, TableName = table });
        await store.InitializeAsync();
        return store;
    }

    public async Task DisposeAsync()
    {
        foreach (var store in _stores.Values)
            await (await store.Value).DisposeAsync();
        await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "azurite";
}
