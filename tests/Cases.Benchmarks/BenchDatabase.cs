using System.Diagnostics;
using Cases.Grains.Storage;
using Cases.Journal.Events;
using Cases.Journal.Storage;
using Cases.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Cases.Benchmarks;

/// <summary>A fresh database file in a temporary folder, deleted afterwards.</summary>
internal sealed class BenchDatabase(SqliteSynchronous synchronous = SqliteSynchronous.Full) : IDisposable, IBenchBackend
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cases-bench-").FullName;

    public SqliteSynchronous Synchronous => synchronous;

    public string Label => $"synchronous={synchronous}";

    public string Path(string name) => System.IO.Path.Combine(_folder, name);

    public async Task<SqliteEventStore> OpenAsync(string name)
    {
        var store = new SqliteEventStore(new SqliteStoreOptions { DatabasePath = Path(name), Synchronous = Synchronous });
        await store.InitializeAsync();
        return store;
    }

    public async Task<IEventStore> OpenStoreAsync(string name) => await OpenAsync(name);

    public (long Transactions, long Writes) WriteTotals(IEventStore store) => ((SqliteEventStore)store).WriteTotals;

    public void AddGrainStorage(ISiloBuilder silo, string name) => AddGrainStorageBeside(silo, Path(name));

    /// <summary>Our SQLite grain storage in a file of its own beside the store's file (runtime.db: runtime.grain-state.db).</summary>
    public static void AddGrainStorageBeside(ISiloBuilder silo, string storePath)
    {
        silo.Services.AddSingleton<IGrainStateTable>(_ => new SqliteGrainStateTable(System.IO.Path.ChangeExtension(storePath, ".grain-state.db")));
        silo.AddTableGrainStorageAsDefault();
    }

    // Same schema, pragmas and row contents as the runtime's store; one prepared INSERT, fixed-size transactions.
    public async Task<TimeSpan> RawInsertAsync(string name, IReadOnlyList<StoredEvent> rows, int batch)
    {
        await (await OpenAsync(name)).DisposeAsync();
        await using var connection = new SqliteConnection($"Data Source={Path(name)};Pooling=False");
        await connection.OpenAsync();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = $"PRAGMA synchronous = {(int)Synchronous}";
            pragma.ExecuteNonQuery();
        }
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO events (position, stream_id, version, event_id, event_type, schema_version, payload, occurred_at, recorded_at, actor, command_id, causation_id, correlation_id, hash) " +
                             "VALUES ($p, $s, $v, $id, $t, $sv, $pl, $oa, $ra, $a, $c, $ca, $co, $h)";
        var names = new[] { "$p", "$s", "$v", "$id", "$t", "$sv", "$pl", "$oa", "$ra", "$a", "$c", "$ca", "$co", "$h" };
        var parameters = names.Select(n => insert.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
        var clock = Stopwatch.StartNew();
        for (var start = 0; start < rows.Count; start += batch)
        {
            using var tx = connection.BeginTransaction();
            insert.Transaction = tx;
            foreach (var e in rows.Skip(start).Take(batch))
            {
                object?[] values = [e.Position, e.StreamId, e.Version, e.EventId.ToString("D"), e.EventType, e.SchemaVersion, e.Payload,
                    e.OccurredAt.UtcTicks, e.RecordedAt.UtcTicks, e.Actor, e.CommandId, (object?)e.CausationId ?? DBNull.Value, e.CorrelationId, e.Hash];
                for (var k = 0; k < values.Length; k++)
                    parameters[k].Value = values[k];
                insert.ExecuteNonQuery();
            }
            tx.Commit();
        }
        return clock.Elapsed;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
