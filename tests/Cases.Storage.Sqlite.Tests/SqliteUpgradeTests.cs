using Cases.Journal.Storage;
using Cases.Storage.Conformance;
using Microsoft.Data.Sqlite;

namespace Cases.Storage.Sqlite.Tests;

/// <summary>A database written by an earlier version of the store keeps opening, and its recorded outcomes keep answering.</summary>
public sealed class SqliteUpgradeTests : IDisposable
{
    // The commands table as stores wrote it before they kept command fingerprints.
    private const string CommandsWithoutFingerprints = """
        CREATE TABLE commands (
            stream_id TEXT NOT NULL, command_id TEXT NOT NULL, first_version INTEGER NOT NULL, last_version INTEGER NOT NULL,
            rejection_code TEXT, rejection_message TEXT, recorded_at INTEGER NOT NULL, PRIMARY KEY (command_id, stream_id)) WITHOUT ROWID;
        INSERT INTO commands VALUES ('old/1', 'before', 0, 0, 'rule', 'Rule says no.', 638000000000000000);
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("cases-sqlite-upgrade-").FullName;

    private string DatabasePath => Path.Combine(_folder, "cases.db");

    [Fact]
    public async Task ADatabaseFromBeforeFingerprintsOpensKeepsItsOutcomesAndRecordsFingerprintsFromThenOn()
    {
        await using (var connection = new SqliteConnection($"Data Source={DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = CommandsWithoutFingerprints;
            await command.ExecuteNonQueryAsync();
        }
        byte[] fingerprint = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];

        await using var store = new SqliteEventStore(new SqliteStoreOptions { DatabasePath = DatabasePath });
        await store.InitializeAsync();
        var old = await store.FindCommandAsync("old/1", "before");
        await store.AppendAsync(Appends.Request("new/1", 0, Appends.Command("after") with { Fingerprint = fingerprint }));

        Assert.Equal(("rule", (byte[]?)null), (old!.Rejection!.Code, old.Fingerprint));
        Assert.Equal(fingerprint, (await store.FindCommandAsync("new/1", "after"))!.Fingerprint);
        var duplicate = Assert.IsType<AppendResult.Duplicate>(await store.AppendAsync(Appends.Request("old/1", 0, Appends.Command("before"))));
        Assert.Null(duplicate.Outcomes.Single().Fingerprint);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
