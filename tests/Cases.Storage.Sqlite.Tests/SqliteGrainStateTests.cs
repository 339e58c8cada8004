using Microsoft.Data.Sqlite;

namespace Cases.Storage.Sqlite.Tests;

/// <summary>The SQLite grain state file: durable across reopening, in WAL mode with FULL sync, and as private as the journal's file.</summary>
public sealed class SqliteGrainStateTests : IDisposable
{
    private const UnixFileMode GroupOrOthers = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private readonly string _folder = Directory.CreateTempSubdirectory("cases-grain-state-").FullName;

    private string StatePath => Path.Combine(_folder, SqliteGrainStateTable.FileName);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task StateSurvivesClosingAndReopeningTheTableOnTheSameFile()
    {
        string etag;
        await using (var first = await OpenAsync())
            etag = await first.WriteAsync("housing-view", "P-1", null, new byte[] { 1, 2, 3 });

        await using var reopened = await OpenAsync();

        var row = await reopened.ReadAsync("housing-view", "P-1");
        Assert.Equal(new byte[] { 1, 2, 3 }, row!.State);
        Assert.Equal(etag, row.ETag);
        Assert.NotEqual(etag, await reopened.WriteAsync("housing-view", "P-1", etag, new byte[] { 4 }));
    }

    [Fact]
    public async Task TheFileIsInWalModeAndItsOwnFileBesideTheJournal()
    {
        var journal = Path.Combine(_folder, "cases.db");
        await using var table = await OpenAsync();
        await table.WriteAsync("housing-view", "P-1", null, new byte[] { 1 });

        await using var connection = new SqliteConnection($"Data Source={StatePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
        Assert.Equal(StatePath, SqliteGrainStateTable.BesideJournal(journal));
        Assert.False(File.Exists(journal));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task TheFileIsAsPrivateAsTheJournalsFile()
    {
        await using var store = new SqliteEventStore(new SqliteStoreOptions { DatabasePath = Path.Combine(_folder, "cases.db") });
        await store.InitializeAsync();
        await using var table = await OpenAsync();
        await table.WriteAsync("housing-view", "P-1", null, new byte[] { 1 });

        // Neither store sets modes itself: the silo's umask 077 (PrivateFiles) makes both owner-only; here both follow this process's umask.
        Assert.Equal(File.GetUnixFileMode(store.DatabasePath) & GroupOrOthers, File.GetUnixFileMode(StatePath) & GroupOrOthers);
        Assert.Equal(File.GetUnixFileMode(store.DatabasePath + "-wal") & GroupOrOthers, File.GetUnixFileMode(StatePath + "-wal") & GroupOrOthers);
    }

    [Fact]
    public async Task ATableThatCannotOpenItsFileAnswersTheRetryableStoreFailure()
    {
        var blocker = Path.Combine(_folder, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "");
        await using var table = new SqliteGrainStateTable(Path.Combine(blocker, SqliteGrainStateTable.FileName));

        await Assert.ThrowsAsync<Cases.Journal.Storage.StoreUnavailableException>(() => table.InitializeAsync());
        await Assert.ThrowsAsync<Cases.Journal.Storage.StoreUnavailableException>(() => table.ReadAsync("housing-view", "P-1"));
    }

    private async Task<SqliteGrainStateTable> OpenAsync()
    {
        var table = new SqliteGrainStateTable(StatePath);
        await table.InitializeAsync();
        return table;
    }
}
