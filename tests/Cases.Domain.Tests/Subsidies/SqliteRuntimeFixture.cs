using Cases.Runtime.Hosting;
using Cases.Storage.Sqlite;

namespace Cases.Domain.Tests.Subsidies;

/// <summary>One SQLite store in a temporary folder and a grain runtime on it, shared by a collection; the folder goes on disposal.</summary>
public sealed class SqliteRuntimeFixture : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cases-domain-test-").FullName;

    public SqliteEventStore Store { get; private set; } = null!;

    public GrainRuntime Runtime { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = new SqliteEventStore(new SqliteStoreOptions { DatabasePath = Path.Combine(_folder, "cases.db") });
        await Store.InitializeAsync();
        Runtime = new GrainRuntime(Store);
    }

    public async Task DisposeAsync()
    {
        await Runtime.DisposeAsync();
        await Store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still closing must not fail a run whose tests passed; the OS cleans temp folders.
        }
    }
}
