using System.Diagnostics;
using Cases.Grains.Storage;
using Cases.Journal.Events;
using Cases.Journal.Storage;
using Cases.Storage.Postgres;
using Cases.Storage.Postgres.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cases.Benchmarks;

/// <summary>A private PostgreSQL server for one benchmark run; each store or reference gets a fresh schema of it.</summary>
internal sealed class PostgresBenchDatabase(PostgresServer server) : IBenchBackend, IAsyncDisposable
{
    public string Label => "postgres";

    public static async Task<PostgresBenchDatabase> StartAsync() => new(await PostgresServer.StartAsync());

    public async Task<IEventStore> OpenStoreAsync(string name)
    {
        var store = new PostgresEventStore(new PostgresStoreOptions { ConnectionString = server.ConnectionString, Schema = Schema(name) });
        await store.InitializeAsync();
        return store;
    }

    public (long Transactions, long Writes) WriteTotals(IEventStore store) => ((PostgresEventStore)store).WriteTotals;

    // The store's schema holds the grain_state table too, as on a silo.
    public void AddGrainStorage(ISiloBuilder silo, string name)
    {
        silo.Services.AddSingleton<IGrainStateTable>(_ => new PostgresGrainStateTable(new PostgresStoreOptions { ConnectionString = server.ConnectionString, Schema = Schema(name) }));
        silo.AddTableGrainStorageAsDefault();
    }

    // The store's own tables in a fresh schema; one single-row INSERT per event, the transaction's rows sent in one round trip, then COMMIT.
    public async Task<TimeSpan> RawInsertAsync(string name, IReadOnlyList<StoredEvent> rows, int batch)
    {
        var schema = Schema(name);
        await (await OpenStoreAsync(name)).DisposeAsync();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ConnectionString) { MaxAutoPrepare = 32 }.ConnectionString);
        await connection.OpenAsync();
        var sql = $"INSERT INTO {schema}.events (position, stream_id, version, event_id, event_type, schema_version, payload, occurred_at, recorded_at, actor, command_id, causation_id, correlation_id, hash) " +
                  "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)";
        var clock = Stopwatch.StartNew();
        for (var start = 0; start < rows.Count; start += batch)
        {
            await using var tx = await connection.BeginTransactionAsync();
            await using var insert = new NpgsqlBatch(connection, tx);
            foreach (var e in rows.Skip(start).Take(batch))
            {
                var command = new NpgsqlBatchCommand(sql);
                object?[] values = [e.Position, e.StreamId, e.Version, e.EventId, e.EventType, e.SchemaVersion, e.Payload,
                    e.OccurredAt.UtcTicks, e.RecordedAt.UtcTicks, e.Actor, e.CommandId, (object?)e.CausationId ?? DBNull.Value, e.CorrelationId, e.Hash];
                foreach (var value in values)
                    command.Parameters.Add(new NpgsqlParameter { Value = value });
                insert.BatchCommands.Add(command);
            }
            await insert.ExecuteNonQueryAsync();
            await tx.CommitAsync();
        }
        return clock.Elapsed;
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();

    // "runtime.db" → bench_runtime: the SQLite file names double as schema names.
    private static string Schema(string name) => "bench_" + Path.GetFileNameWithoutExtension(name);
}
