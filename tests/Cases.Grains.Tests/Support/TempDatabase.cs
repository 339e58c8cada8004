using Cases.Storage.Sqlite;

namespace Cases.Grains.Tests.Support;

/// <summary>A database file in a fresh temporary folder, removed with the folder when disposed.</summary>
public sealed class TempDatabase : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cases-grains-test-").FullName;

    public string Path => System.IO.Path.Combine(_folder, "cases.db");

    /// <summary>Opens a new store over this file, as a silo process starting on it would.</summary>
    public async Task<SqliteEventStore> OpenStoreAsync()
    {
        var store = new SqliteEventStore(new SqliteStoreOptions { DatabasePath = Path });
        await store.InitializeAsync();
        return store;
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
