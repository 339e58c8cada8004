using Cases.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Cases.Benchmarks;

/// <summary>A fresh database file in a temporary folder, deleted afterwards.</summary>
internal sealed class BenchDatabase(SqliteSynchronous synchronous = SqliteSynchronous.Full) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cases-bench-").FullName;

    public SqliteSynchronous Synchronous => synchronous;

    public string Path(string name) => System.IO.Path.Combine(_folder, name);

    public async Task<SqliteEventStore> OpenAsync(string name)
    {
        var store = new SqliteEventStore(new SqliteStoreOptions { DatabasePath = Path(name), Synchronous = Synchronous });
        await store.InitializeAsync();
        return store;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
