using Microsoft.Data.Sqlite;

namespace Cases.Storage.Sqlite.Tests;

/// <summary>One SQLite store in a temporary folder for the whole conformance run.</summary>
public sealed class SqliteStoreFixture : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cases-sqlite-").FullName;

    public SqliteEventStore Store { get; private set; } = null!;

    public string DatabasePath => Path.Combine(_folder, "cases.db");

    public async Task InitializeAsync()
    {
        Store = new SqliteEventStore(new SqliteStoreOptions { DatabasePath = DatabasePath });
        await Store.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class SqliteStoreCollection : ICollectionFixture<SqliteStoreFixture>
{
    public const string Name = "sqlite store";
}
