using Microsoft.Data.Sqlite;

namespace Cases.Storage.Sqlite.Tests;

/// <summary>A fresh store with full durability whose WAL flushes go through a <see cref="GatedFlush"/>; disposing releases the gate first, so no test hangs.</summary>
public sealed class GatedStore : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cases-flush-").FullName;

    private GatedStore() =>
        Store = new SqliteEventStore(new SqliteStoreOptions
        {
            DatabasePath = Path.Combine(_folder, "cases.db"),
            Synchronous = SqliteSynchronous.Full,
            FlushWal = Flush.Flush,
        });

    public GatedFlush Flush { get; } = new();

    public SqliteEventStore Store { get; }

    public static async Task<GatedStore> OpenAsync()
    {
        var gated = new GatedStore();
        await gated.Store.InitializeAsync();
        return gated;
    }

    public async ValueTask DisposeAsync()
    {
        Flush.Release();
        await Store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
