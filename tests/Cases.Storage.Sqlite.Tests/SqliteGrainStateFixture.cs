using Microsoft.Data.Sqlite;

namespace Cases.Storage.Sqlite.Tests;

/// <summary>One SQLite grain state table in a temporary folder for the whole conformance run.</summary>
public sealed class SqliteGrainStateFixture : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cases-grain-state-").FullName;

    public SqliteGrainStateTable Table { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Table = new SqliteGrainStateTable(Path.Combine(_folder, SqliteGrainStateTable.FileName));
        await Table.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Table.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
