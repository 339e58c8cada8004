using System.Diagnostics;
using System.Globalization;

namespace Cases.Benchmarks.Reads;

/// <summary>Issue 14's reads: the queue page, the dashboard, a search and a 3-hop trace on a big seeded store beside the same requests on a small one, in one run.</summary>
/// <remarks>Each request runs alone (one caller), the two stores' requests alternating, after unmeasured warm-up requests; the target is a p99 ratio (big over small) under 2 for every read.</remarks>
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
            // Both stores open at once and their requests alternate, so the shared machine's noise falls on both alike: read one store after the other,
            // two runs here disagreed by a factor of 100 (the store read first paid for tiering, the one after the big rebuild for its garbage).
            await using var smallStore = await OpenReadStore.OpenAsync(small, requests);
            await using var bigStore = await OpenReadStore.OpenAsync(big, requests);
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true); // the rebuilds' garbage is no part of a read
            var (smallReads, bigReads) = await TimeAsync(smallStore, bigStore, requests);
            return Report(smallReads, bigReads, requests);
        }
        finally
        {
            Directory.Delete(small, recursive: true);
            if (bigFolder is null)
                Directory.Delete(big, recursive: true);
        }
    }

    // Per read: warm-up requests on both, then request i on each store in turn, the first of the pair alternating.
    private static async Task<(StoreReads Small, StoreReads Big)> TimeAsync(OpenReadStore small, OpenReadStore big, int requests)
    {
        var (onSmall, onBig) = (new Dictionary<string, Latencies?>(StringComparer.Ordinal), new Dictionary<string, Latencies?>(StringComparer.Ordinal));
        foreach (var (s, b) in small.Reads.Zip(big.Reads))
        {
            if (s.Request is null || b.Request is null)
            {
                (onSmall[s.Name], onBig[b.Name]) = (null, null);
                continue;
            }
            for (var i = 0; i < Warmup; i++)
            {
                await s.Request(i);
                await b.Request(i);
            }
            var (ls, lb) = (new Latencies(requests), new Latencies(requests));
            for (var i = 0; i < requests; i++)
            {
                if (i % 2 == 0)
                {
                    await TimeOneAsync(s.Request, i, ls);
                    await TimeOneAsync(b.Request, i, lb);
                }
                else
                {
                    await TimeOneAsync(b.Request, i, lb);
                    await TimeOneAsync(s.Request, i, ls);
                }
            }
            (onSmall[s.Name], onBig[b.Name]) = (ls, lb);
            Console.WriteLine($"  {s.Name}: p50 {ls.PercentileMs(50):F2} / {lb.PercentileMs(50):F2} ms, p99 {ls.PercentileMs(99):F2} / {lb.PercentileMs(99):F2} ms (small / big); load {LoadAverage.Now()}");
        }
        var load = LoadAverage.Now();
        return (new StoreReads(small.Events, small.RebuildSeconds, load, onSmall), new StoreReads(big.Events, big.RebuildSeconds, load, onBig));
    }

    private static async Task TimeOneAsync(Func<int, Task> request, int i, Latencies latencies)
    {
        var started = Stopwatch.GetTimestamp();
        await request(i);
        latencies.Record(i, started);
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
        Console.WriteLine($"(load average at the end of the reads: {big.LoadAverage}; read models rebuilt in {small.RebuildSeconds:F1} s and {big.RebuildSeconds:F1} s)");
        figures["rebuild_s_big"] = Math.Round(big.RebuildSeconds, 1);
        figures["loadavg"] = big.LoadAverage;
        return figures;
    }

    private static string F(double ms) => ms.ToString("F2", CultureInfo.InvariantCulture);
}
