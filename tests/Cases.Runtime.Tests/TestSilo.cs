using Cases.Runtime.Hosting;
using Cases.Storage.Sqlite;

namespace Cases.Runtime.Tests;

/// <summary>A store and the runtime on it, as one silo process holds them; disposing stops the runtime, then closes the store.</summary>
public sealed class TestSilo(SqliteEventStore store, GrainRuntime runtime) : IAsyncDisposable
{
    public SqliteEventStore Store { get; } = store;

    public GrainRuntime Runtime { get; } = runtime;

    public GrainRef<LedgerState, ILedgerCommand> Ledger(string key) => Runtime.GetGrain(Tests.Ledger.Instance, key);

    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        await Store.DisposeAsync();
    }
}
