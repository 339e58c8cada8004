using Cases.Storage.Sqlite;

namespace Cases.Grains.Tests.Support;

/// <summary>The grain state table of a test cluster: beside the store's SQLite file, so it lives as long as the store and survives a restart on it, else in a folder of the cluster's own.</summary>
internal sealed class TestGrainState : IAsyncDisposable
{
    private readonly string? _ownFolder;

    private TestGrainState(SqliteGrainStateTable table, string? ownFolder) => (Table, _ownFolder) = (table, ownFolder);

    public SqliteGrainStateTable Table { get; }

    public static TestGrainState For(Journal.Storage.IEventStore store)
    {
        if (Unwrap(store) is SqliteEventStore sqlite)
            return new(new SqliteGrainStateTable(SqliteGrainStateTable.BesideJournal(sqlite.DatabasePath)), null);
        var folder = Directory.CreateTempSubdirectory("cases-grain-state-").FullName;
        return new(new SqliteGrainStateTable(Path.Combine(folder, SqliteGrainStateTable.FileName)), folder);
    }

    public async ValueTask DisposeAsync()
    {
        await Table.DisposeAsync();
        if (_ownFolder is null)
            return;
        try
        {
            Directory.Delete(_ownFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still closing must not fail a test that already passed.
        }
    }

    private static Journal.Storage.IEventStore Unwrap(Journal.Storage.IEventStore store) => store is FaultyStore faulty ? Unwrap(faulty.Inner) : store;
}
