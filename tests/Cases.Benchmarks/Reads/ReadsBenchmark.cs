using System.Diagnostics;
using System.Globalization;
using Cases.Domain;
using Cases.Grains.ReadModels;
using Cases.Storage.Sqlite;

namespace Cases.Benchmarks.Reads;

/// <summary>Issue 14's reads: the queue page, the dashboard, a search and a 3-hop trace on a big seeded store beside the same requests on a small one, in one run.</summary>
/// <remarks>Each request runs alone (one caller), after unmeasured warm-up requests; the target is a p99 ratio (big over small) under 2 for every read.</remarks>
internal static class ReadsBenchmark
{
    private const int Warmup = 100;

    public static async Task<Dictionary<string, object>> RunAsync(string? bigFolder, long bigEvents, long smallEvents, int requests, int callers)
    {
        var big = bigFolder ?? Directory.CreateTempSubdirectory("cases-reads-big-").FullName;
        var small = Directory.CreateTempSubdirectory("cases-reads-small-").FullName;
        try
        {
            // The seeds' totals go to stderr: the run ends with one JSON line, the reads'.
            if (StoreHead.Of(StoreSeeder.DatabaseOf(big)) == 0)
                await StoreSeeder.SeedAsync(big, bigEvents, callers);
            await StoreSeeder.SeedAsync(small, smallEvents, callers);
            var smallReads = await MeasureAsync(small, requests);
            var bigReads = await MeasureAsync(big, requests);
            return Report(smallReads, bigReads, requests);
        }
        finally
        {
            Directory.Delete(small, recursive: true);
            if (bigFolder is null)
                Directory.Delete(big, recursive: true);
        }
    }

    // A fresh silo over the store, as after a restart: the read models are rebuilt from the log (with table storage: compared, nothing rewritten).
    private static async Task<StoreReads> MeasureAsync(string folder, int requests)
    {
        var database = StoreSeeder.DatabaseOf(folder);
        var store = new SqliteEventStore(new SqliteStoreOptions { DatabasePath = database });
        await store.InitializeAsync();
        await using var _ = store;
        await using var silo = await BenchSilo.StartAsync(store);
        var clock = Stopwatch.StartNew();
        var rebuilt = await new ReadModelRebuilder(silo.Service<Programme>(), store, silo.Grains).RunAsync(compareOnly: false);
        await silo.WhenDeliveredAsync(TimeSpan.FromMinutes(5));
        var rebuild = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"{folder}: {rebuilt.Events:N0} events; read models rebuilt from the log in {rebuild:F1} s " +
                          $"({string.Join(", ", rebuilt.ReadModels.Select(m => $"{m.Name} {m.Partitions:N0} partitions"))}); load {LoadAverage.Now()}");
        var applicants = (int)Math.Max(1, rebuilt.Events / SeedMix.EventsPerApplicant);
        var targets = new ReadTargets(silo.Grains, store, StoreHead.LastRecordedAt(database),
            await TraceRoots.PickAsync(silo.Grains, store, requests),
            Enumerable.Range(0, requests).Select(i => i % 2 == 0 ? $"Seed Applicant {i * 7919 % applicants}" : SeedMix.Key(i * 7919 % applicants)).ToList());
        var latencies = new Dictionary<string, Latencies?>(StringComparer.Ordinal);
        foreach (var read in ReadMeasurements.For(targets))
            latencies[read.Name] = read.Request is null ? null : await TimeAsync(read, requests);
        var load = LoadAverage.Now();
        foreach (var (name, l) in latencies)
            Console.WriteLine($"  {name}: {(l is null ? "not measured (no read model in this tree)" : $"p50 {l.PercentileMs(50):F2} ms, p99 {l.PercentileMs(99):F2} ms")}");
        Console.WriteLine($"  load {load}");
        return new StoreReads(rebuilt.Events, rebuild, load, latencies);
    }

    private static async Task<Latencies> TimeAsync(ReadMeasurement read, int requests)
    {
        for (var i = 0; i < Warmup; i++)
            await read.Request!(i);
        var latencies = new Latencies(requests);
        for (var i = 0; i < requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await read.Request!(i);
            latencies.Record(i, started);
        }
        return latencies;
    }

    private static Dictionary<string, object> Report(StoreReads small, StoreReads big, int requests)
    {
        Console.WriteLine();
        Console.WriteLine($"| read | p50 ms at {small.Events:N0} | p99 ms at {small.Events:N0} | p50 ms at {big.Events:N0} | p99 ms at {big.Events:N0} | p99 ratio |");
        Console.WriteLine("|---|---|---|---|---|---|");
        var figures = new Dictionary<string, object>
        {
            ["bench"] = "reads",
            ["events_big"] = big.Events,
            ["events_small"] = small.Events,
            ["requests"] = requests,
        };
        foreach (var (name, s) in small.Latencies)
        {
            if (s is null || big.Latencies[name] is not { } b)
            {
                Console.WriteLine($"| {name} | n/a | n/a | n/a | n/a | n/a |");
                figures[name] = null!;
                continue;
            }
            var ratio = b.PercentileMs(99) / s.PercentileMs(99);
            Console.WriteLine($"| {name} | {F(s.PercentileMs(50))} | {F(s.PercentileMs(99))} | {F(b.PercentileMs(50))} | {F(b.PercentileMs(99))} | {ratio:F2} |");
            figures[$"{name}_p50_ms_small"] = Math.Round(s.PercentileMs(50), 3);
            figures[$"{name}_p99_ms_small"] = Math.Round(s.PercentileMs(99), 3);
            figures[$"{name}_p50_ms_big"] = Math.Round(b.PercentileMs(50), 3);
            figures[$"{name}_p99_ms_big"] = Math.Round(b.PercentileMs(99), 3);
            figures[$"{name}_p99_ratio"] = Math.Round(ratio, 3);
        }
        Console.WriteLine($"(load average after the small store's reads: {small.LoadAverage}; after the big store's: {big.LoadAverage}; read models rebuilt in {small.RebuildSeconds:F1} s and {big.RebuildSeconds:F1} s)");
        figures["rebuild_s_big"] = Math.Round(big.RebuildSeconds, 1);
        figures["load_small"] = small.LoadAverage;
        figures["load_big"] = big.LoadAverage;
        return figures;
    }

    private static string F(double ms) => ms.ToString("F2", CultureInfo.InvariantCulture);
}
