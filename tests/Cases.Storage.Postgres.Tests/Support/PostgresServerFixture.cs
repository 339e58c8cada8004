using System.Collections.Concurrent;
using Npgsql;

namespace Cases.Storage.Postgres.Tests.Support;

/// <summary>One private PostgreSQL server for the whole test run, with one store per schema so each test class has its own tables.</summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<Task<PostgresEventStore>>> _stores = new(StringComparer.Ordinal);

    public PostgresServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await PostgresServer.StartAsync();

    /// <summary>An initialized store on the server's <c>postgres</c> database in the given schema; the same instance for the same schema.</summary>
    public Task<PostgresEventStore> StoreAsync(string schema) =>
        _stores.GetOrAdd(schema, s => new Lazy<Task<PostgresEventStore>>(() => OpenAsync(s))).Value;

    /// <summary>A new store instance (as another silo would have) on the same database and schema; the caller disposes it.</summary>
    public async Task<PostgresEventStore> OpenAsync(string schema)
    {
        // Small pools: several stores share the server's connection limit, as several silos share a production server's.
        var connectionString = new NpgsqlConnectionStringBuilder(Server.ConnectionString) { MaxPoolSize = 20 }.ConnectionString;
        var store = new PostgresEventStore(new PostgresStoreOptions { ConnectionString = connectionString, Schema = schema });
        await store.InitializeAsync();
        return store;
    }

    /// <summary>A new grain state table instance on the same database and schema, initialized; the caller disposes it.</summary>
    public async Task<PostgresGrainStateTable> OpenGrainStateAsync(string schema)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(Server.ConnectionString) { MaxPoolSize = 20 }.ConnectionString;
        var table = new PostgresGrainStateTable(new PostgresStoreOptions { ConnectionString = connectionString, Schema = schema });
        await table.InitializeAsync();
        return table;
    }

    public async Task DisposeAsync()
    {
        foreach (var store in _stores.Values)
            await (await store.Value).DisposeAsync();
        await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresServerCollection : ICollectionFixture<PostgresServerFixture>
{
    public const string Name = "postgres server";
}
