using Cases.Runtime.Hosting;
using Cases.Storage.Sqlite;

namespace Cases.Runtime.Tests;

/// <summary>A database file in a fresh temporary folder, removed with the folder when disposed.</summary>
public sealed class TempDatabase : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cases-test-").FullName;

    public string Path => System.IO.Path.Combine(_folder, "cases.db");

    /// <summary>Opens a new store over this file, as a silo starting on it would.</summary>
    public async Task<SqliteEventStore> OpenStoreAsync()
    {
        var store = new SqliteEventStore(new SqliteStoreOptions { DatabasePath = Path });
        await store.InitializeAsync();
        return store;
    }

    /// <summary>A silo (store and runtime) over this file; several may run on one file, as separate processes would.</summary>
    public async Task<TestSilo> StartAsync(RuntimeOptions? options = null)
    {
        var store = await OpenStoreAsync();
        return new TestSilo(store, new GrainRuntime(store, options));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A reader still closing its file must not fail a test that already passed.
        }
    }
}
