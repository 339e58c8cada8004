using System.Diagnostics;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Cases.Cluster.Tests;
using Cases.Storage.Postgres.Tests.Support;

namespace Cases.Benchmarks;

/// <summary>HTTP intake spread round-robin over 1, 2 and 3 silo processes sharing one private PostgreSQL, all on this machine.</summary>
internal static class ClusterBenchmark
{
    public static async Task<Dictionary<string, object>> RunAsync(int requests, int concurrency)
    {
        var rates = new List<double>();
        var p99s = new List<double>();
        foreach (var size in new[] { 1, 2, 3 })
        {
            var (rate, p99) = await MeasureAsync(size, requests, concurrency);
            Console.WriteLine($"cluster: {size} silo(s): {rate:N0} intakes/s, p99 {p99:F1} ms ({requests:N0} intakes, {concurrency} concurrent, after 1,000 unmeasured)");
            rates.Add(Math.Round(rate));
            p99s.Add(Math.Round(p99, 2));
        }
        return new() { ["bench"] = "cluster", ["silos"] = new[] { 1, 2, 3 }, ["requests_per_s"] = rates, ["p99_ms"] = p99s };
    }

    // A fresh server and fresh silos per size, so no size inherits another's data or warm caches.
    private static async Task<(double Rate, double P99)> MeasureAsync(int size, int requests, int concurrency)
    {
        await using var postgres = await PostgresServer.StartAsync();
        var folder = Directory.CreateTempSubdirectory("cases-cluster-bench-").FullName;
        var silos = new List<ClusterSilo>();
        try
        {
            var key = RandomNumberGenerator.GetBytes(32);
            for (var i = 1; i <= size; i++)
                silos.Add(await ClusterSilo.StartAsync($"silo-{i}", postgres.ConnectionString, key, fastFailover: false, Path.Combine(folder, $"silo-{i}")));
            await Task.Delay(TimeSpan.FromSeconds(2)); // every silo sees the others in Orleans' membership before load starts
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { Timeout = TimeSpan.FromSeconds(30) };
            await DriveAsync(http, silos, "warm", 1_000, concurrency, null);
            var latencies = new Latencies(requests);
            var clock = Stopwatch.StartNew();
            await DriveAsync(http, silos, "run", requests, concurrency, latencies);
            return (requests / clock.Elapsed.TotalSeconds, latencies.PercentileMs(99));
        }
        finally
        {
            foreach (var silo in silos)
                await silo.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Task DriveAsync(HttpClient http, List<ClusterSilo> silos, string prefix, int count, int concurrency, Latencies? latencies) =>
        Callers.RunAsync(concurrency, count, async i =>
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.PostAsJsonAsync(new Uri(silos[i % silos.Count].Address, "applicants"), Profile($"{prefix}-{i:D6}"));
            latencies?.Record(i, started);
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"Intake {i} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        });

    private static object Profile(string id)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return new
        {
            identityDocument = id, name = "Bench Applicant", nationality = "CN", passport = "Chinese", passportExpiry = today.AddYears(5),
            degrees = new[] { new { level = "Master", country = "GB", field = "computer science", universityRank = 150, obtainedOn = today.AddMonths(-13), obtainedAbroad = true } },
            studyAbroad = new[] { new { from = today.AddYears(-3), to = today.AddMonths(-13) } },
            returnedOn = today.AddYears(-1),
            employer = new { name = "Bench Ltd", district = "haidian", fullTime = true, industry = "artificial-intelligence" },
            homeDistrict = "haidian",
        };
    }
}
