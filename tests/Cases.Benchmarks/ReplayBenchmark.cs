using System.Diagnostics;
using Cases.Journal.Events;
using Cases.Journal.Storage;
using Cases.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Cases.Benchmarks;

/// <summary>Replay of a long stream through the decider, against a raw read of the same rows; a grain's activation via snapshot, against full replay.</summary>
internal static class ReplayBenchmark
{
    public static async Task<Dictionary<string, object>> RunAsync(int events)
    {
        using var db = new BenchDatabase();
        var store = await db.OpenAsync("replay.db");
        await using var _ = store;
        await FillAsync(store, "counter/long", events);
        await FillAsync(store, "counter/ten-k", 10_000);
        await ReplayAsync(store, "counter/ten-k"); // warm-up of the read and fold paths

        var raw = await TimeAsync(() => Task.FromResult(RawRead(db.Path("replay.db"), "counter/long")));
        var replay = await TimeAsync(() => ReplayAsync(store, "counter/long"));
        Console.WriteLine($"replay: {events:N0} events read and folded in {replay.TotalMilliseconds:F0} ms ({events / replay.TotalSeconds:N0} events/s); " +
                          $"reference raw read of the same rows {raw.TotalMilliseconds:F0} ms ({events / raw.TotalSeconds:N0} rows/s)");

        var fullReplay = await ActivateAsync(store, "counter/ten-k", snapshotEvery: 0);
        await using (var snapshotting = await BenchSilo.StartAsync(store, o => o.SnapshotEvery = 100))
            await snapshotting.Grains.GetGrain<ICounterGrain>("ten-k").Execute(new Increment(1)); // activation stores the snapshot
        await WaitForSnapshotAsync(store, "counter/ten-k");
        var viaSnapshot = await ActivateAsync(store, "counter/ten-k", snapshotEvery: 100);
        Console.WriteLine($"activation of a grain with 10,000 events: {viaSnapshot.TotalMilliseconds:F1} ms via snapshot; reference full replay {fullReplay.TotalMilliseconds:F1} ms");

        return new()
        {
            ["bench"] = "replay",
            ["events"] = events,
            ["events_per_s"] = Math.Round(events / replay.TotalSeconds),
            ["activate_10k_ms"] = Math.Round(viaSnapshot.TotalMilliseconds, 2),
            ["raw_read_per_s"] = Math.Round(events / raw.TotalSeconds),
            ["activate_10k_full_replay_ms"] = Math.Round(fullReplay.TotalMilliseconds, 2),
        };
    }

    private static async Task FillAsync(SqliteEventStore store, string stream, int events)
    {
        const int PerAppend = 1000;
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var v = 0; v < events; v += PerAppend)
        {
            var pending = Enumerable.Range(v, Math.Min(PerAppend, events - v))
                .Select(i => Counter.Instance.Events.Serialize(new Incremented(1 + i % 5, at.AddSeconds(i))))
                .Select((s, i) => new PendingEvent(Guid.CreateVersion7(), s.Name, s.SchemaVersion, s.Payload, at, "bench", $"fill-{v}", null, $"fill-{v}"))
                .ToList();
            if (await store.AppendAsync(new AppendRequest(stream, v, [new CommandAppend($"fill-{v}", pending, null)])) is not AppendResult.Committed)
                throw new InvalidOperationException($"Filling {stream} at {v} did not commit.");
        }
    }

    // Every column of the stream's rows through a bare data reader: what reading costs before any mapping or folding.
    private static long RawRead(string path, string stream)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT stream_id, version, position, event_id, event_type, schema_version, payload, occurred_at, recorded_at, actor, command_id, causation_id, correlation_id, hash " +
                              "FROM events WHERE stream_id = $s AND version >= 1 ORDER BY version";
        command.Parameters.AddWithValue("$s", stream);
        using var reader = command.ExecuteReader();
        long rows = 0;
        var values = new object[reader.FieldCount];
        while (reader.Read())
            rows += reader.GetValues(values) > 0 ? 1 : 0;
        return rows;
    }

    private static async Task<long> ReplayAsync(SqliteEventStore store, string stream)
    {
        var state = Counter.Instance.Initial;
        await foreach (var e in store.ReadStreamAsync(stream, 1, long.MaxValue))
            state = Counter.Instance.Evolve(state, Counter.Instance.Deserialize(e));
        return state.Count;
    }

    private static async Task<TimeSpan> ActivateAsync(SqliteEventStore store, string stream, int snapshotEvery)
    {
        // A fresh silo, so the grain is activated from the store; the silo's own start is not timed.
        await using var silo = await BenchSilo.StartAsync(store, o => o.SnapshotEvery = snapshotEvery);
        await silo.Grains.GetGrain<ICounterGrain>("warm-up").GetState();
        var clock = Stopwatch.StartNew();
        var state = await silo.Grains.GetGrain<ICounterGrain>(stream.Split('/')[1]).GetState();
        var elapsed = clock.Elapsed;
        if (state.Version < 10_000)
            throw new InvalidOperationException($"Activation of {stream} reached version {state.Version} only.");
        return elapsed;
    }

    private static async Task WaitForSnapshotAsync(SqliteEventStore store, string stream)
    {
        for (var i = 0; i < 100 && (await store.LoadStartAsync(stream)).Snapshot is null; i++)
            await Task.Delay(20);
        if ((await store.LoadStartAsync(stream)).Snapshot is null)
            throw new InvalidOperationException($"No snapshot of {stream} was stored.");
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task<long>> work)
    {
        var clock = Stopwatch.StartNew();
        await work();
        return clock.Elapsed;
    }
}
