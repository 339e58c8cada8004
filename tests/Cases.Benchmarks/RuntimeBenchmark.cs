using System.Diagnostics;
using Cases.Runtime.Events;
using Cases.Runtime.Grains;
using Cases.Runtime.Hosting;
using Cases.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Cases.Benchmarks;

/// <summary>Durable grain commands from concurrent callers, against raw batched inserts of the same rows into the same store.</summary>
internal static class RuntimeBenchmark
{
    public static async Task<Dictionary<string, object>> RunAsync(int commands, int callers, int grains, SqliteSynchronous synchronous)
    {
        using var db = new BenchDatabase(synchronous);
        await DriveAsync(db, "warmup.db", Math.Min(commands, 20_000), callers, grains);

        var (elapsed, latencies) = await DriveAsync(db, "runtime.db", commands, callers, grains);
        var commandsPerS = commands / elapsed.TotalSeconds;
        Console.WriteLine($"runtime: {commands:N0} durable commands (synchronous={synchronous}), {callers} callers, {grains:N0} grains: {elapsed.TotalSeconds:F2} s, {commandsPerS:N0} commands/s");

        var rows = await ReadAllAsync(db, "runtime.db");
        var rawElapsed = await RawInsertAsync(db, "raw.db", rows, batch: callers);
        var rawPerS = rows.Count / rawElapsed.TotalSeconds;
        Console.WriteLine($"reference: the same {rows.Count:N0} events as raw inserts, {callers} per transaction: {rawElapsed.TotalSeconds:F2} s, {rawPerS:N0} inserts/s");

        return new()
        {
            ["bench"] = "runtime",
            ["commands"] = commands,
            ["commands_per_s"] = Math.Round(commandsPerS),
            ["raw_inserts_per_s"] = Math.Round(rawPerS),
            ["ratio"] = Math.Round(commandsPerS / rawPerS, 3),
            ["p50_ms"] = Math.Round(latencies.PercentileMs(50), 3),
            ["p99_ms"] = Math.Round(latencies.PercentileMs(99), 3),
            ["synchronous"] = synchronous.ToString().ToUpperInvariant(),
        };
    }

    private static async Task<(TimeSpan, Latencies)> DriveAsync(BenchDatabase db, string file, int commands, int callers, int grains)
    {
        var store = await db.OpenAsync(file);
        await using var _ = store;
        await using var runtime = new GrainRuntime(store);
        var latencies = new Latencies(commands);
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < commands)
            {
                // A stride that is coprime to the grain count spreads consecutive commands over grains.
                var grain = runtime.GetGrain(Counter.Instance, $"c-{(long)i * 7919 % grains}");
                var started = Stopwatch.GetTimestamp();
                var result = await grain.ExecuteAsync(new Increment(1 + i % 5));
                latencies.Record(i, started);
                if (!result.IsAccepted)
                    throw new InvalidOperationException($"Command {i} was rejected: {result.Rejection}");
            }
        })));
        var elapsed = clock.Elapsed;
        var (transactions, writes) = store.WriteTotals;
        Console.WriteLine($"{file}: {transactions:N0} transactions, {(double)writes / Math.Max(1, transactions):F1} appends per transaction");
        return (elapsed, latencies);
    }

    private static async Task<List<StoredEvent>> ReadAllAsync(BenchDatabase db, string file)
    {
        var store = await db.OpenAsync(file);
        await using var _ = store;
        var rows = new List<StoredEvent>();
        await foreach (var e in store.ReadAllAsync(1))
            rows.Add(e);
        return rows;
    }

    // Same schema, pragmas and row contents as the runtime's store; one prepared INSERT, fixed-size transactions.
    private static async Task<TimeSpan> RawInsertAsync(BenchDatabase db, string file, List<StoredEvent> rows, int batch)
    {
        await (await db.OpenAsync(file)).DisposeAsync();
        await using var connection = new SqliteConnection($"Data Source={db.Path(file)};Pooling=False");
        await connection.OpenAsync();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = $"PRAGMA synchronous = {(int)db.Synchronous}";
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
}
