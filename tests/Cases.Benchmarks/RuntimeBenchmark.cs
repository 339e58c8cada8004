using System.Diagnostics;
using Cases.Journal.Events;
using Cases.Storage.Sqlite;

namespace Cases.Benchmarks;

/// <summary>Durable commands through Orleans grain calls from concurrent callers, against raw batched inserts of the same rows into the same store.</summary>
internal static class RuntimeBenchmark
{
    public static async Task<Dictionary<string, object>> RunAsync(int commands, int callers, int grains, SqliteSynchronous synchronous)
    {
        using var db = new BenchDatabase(synchronous);
        var figures = await RunAsync(db, commands, callers, grains);
        figures["synchronous"] = synchronous.ToString().ToUpperInvariant();
        return figures;
    }

    /// <summary>The same benchmark on a private PostgreSQL server (synchronous_commit on); the reference inserts into the same server.</summary>
    public static async Task<Dictionary<string, object>> RunPostgresAsync(int commands, int callers, int grains)
    {
        await using var db = await PostgresBenchDatabase.StartAsync();
        var figures = await RunAsync(db, commands, callers, grains);
        figures["synchronous"] = "ON";
        figures["store"] = "postgres";
        return figures;
    }

    /// <summary>The same benchmark on a private Azurite; the reference writes the same events as entities into the same Azurite, as many per transaction.</summary>
    /// <remarks>Azurite's raw figure is its own ceiling (one Node.js process, tables in memory), not a storage account's: see README.</remarks>
    public static async Task<Dictionary<string, object>> RunAzureAsync(int commands, int callers, int grains)
    {
        await using var db = await AzureBenchDatabase.StartAsync();
        var figures = await RunAsync(db, commands, callers, grains);
        Console.WriteLine($"note: raw_inserts_per_s ({figures["raw_inserts_per_s"]}/s) is Azurite's ceiling on this machine, not Azure Storage's " +
            "(a partition serves about 2,000 entities/s, an account about 20,000 transactions/s).");
        figures["store"] = "azure";
        figures["reference"] = "azurite";
        return figures;
    }

    private static async Task<Dictionary<string, object>> RunAsync(IBenchBackend db, int commands, int callers, int grains)
    {
        await DriveAsync(db, "warmup.db", Math.Min(commands, 20_000), callers, grains);

        var (elapsed, latencies) = await DriveAsync(db, "runtime.db", commands, callers, grains);
        var commandsPerS = commands / elapsed.TotalSeconds;
        Console.WriteLine($"runtime: {commands:N0} durable commands ({db.Label}), {callers} callers, {grains:N0} grains: {elapsed.TotalSeconds:F2} s, {commandsPerS:N0} commands/s");

        var rows = await ReadAllAsync(db, "runtime.db");
        var rawElapsed = await db.RawInsertAsync("raw.db", rows, batch: callers);
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
        };
    }

    private static async Task<(TimeSpan, Latencies)> DriveAsync(IBenchBackend db, string file, int commands, int callers, int grains)
    {
        var store = await db.OpenStoreAsync(file);
        await using var _ = store;
        await using var silo = await BenchSilo.StartAsync(store, grainStorage: silo => db.AddGrainStorage(silo, file));
        var latencies = new Latencies(commands);
        var elapsed = await Callers.RunAsync(callers, commands, async i =>
        {
            // A stride that is coprime to the grain count spreads consecutive commands over grains.
            var grain = silo.Grains.GetGrain<ICounterGrain>($"c-{(long)i * 7919 % grains}");
            var started = Stopwatch.GetTimestamp();
            var result = await grain.Execute(new Increment(1 + i % 5));
            latencies.Record(i, started);
            if (!result.IsAccepted)
                throw new InvalidOperationException($"Command {i} was rejected: {result.Rejection}");
        });
        var (transactions, writes) = db.WriteTotals(store);
        Console.WriteLine($"{file}: {transactions:N0} transactions, {(double)writes / Math.Max(1, transactions):F1} appends per transaction");
        return (elapsed, latencies);
    }

    private static async Task<List<StoredEvent>> ReadAllAsync(IBenchBackend db, string file)
    {
        var store = await db.OpenStoreAsync(file);
        await using var _ = store;
        var rows = new List<StoredEvent>();
        await foreach (var e in store.ReadAllAsync(1))
            rows.Add(e);
        return rows;
    }
}
