using Cases.Journal.Storage;
using Cases.Storage.Conformance;
using Microsoft.Data.Sqlite;

namespace Cases.Storage.Sqlite.Tests;

public sealed class SqliteDurabilityTests
{
    [Fact]
    public async Task AFreshStoreCreatesItsFolderAndRunsInWalModeWithFullSync()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"cases-fresh-{Guid.NewGuid():N}", "nested");
        var path = Path.Combine(folder, "cases.db");
        await using (var store = new SqliteEventStore(new SqliteStoreOptions { DatabasePath = path }))
        {
            await store.InitializeAsync();
            await store.AppendAsync(Appends.Request(Appends.NewStream(), 0, Appends.Command("c1")));
        }

        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
        Assert.Equal(1L, await ScalarAsync(connection, "SELECT COUNT(*) FROM events"));
        Assert.Equal(SqliteSynchronous.Full, new SqliteStoreOptions().Synchronous);
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
    }

    [Fact]
    public async Task AnUnreachableFileMakesTheStoreUnavailableNotAHang()
    {
        var blocker = Path.GetTempFileName(); // a file where the data folder should be
        var store = new SqliteEventStore(new SqliteStoreOptions { DatabasePath = Path.Combine(blocker, "cases.db") });

        var error = await Record.ExceptionAsync(() => store.InitializeAsync());

        Assert.True(error is StoreUnavailableException or IOException, error?.GetType().Name);
        File.Delete(blocker);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
