using System.Diagnostics;
using Cases.Domain;
using Cases.Grains.ReadModels;
using Cases.Storage.Sqlite;

namespace Cases.Benchmarks.Reads;

/// <summary>A seeded store opened by a fresh silo, as after a restart, with its read models rebuilt from the log and the reads to time over it.</summary>
internal sealed class OpenReadStore : IAsyncDisposable
{
    private readonly SqliteEventStore _store;
    private readonly BenchSilo _silo;

    private OpenReadStore(SqliteEventStore store, BenchSilo silo, long events, double rebuildSeconds, IReadOnlyList<ReadMeasurement> reads)
    {
        (_store, _silo, Events, RebuildSeconds, Reads) = (store, silo, events, rebuildSeconds, reads);
    }

    public long Events { get; }

    /// <summary>How long the rebuild from the log took (with table storage: a comparison that rewrites nothing).</summary>
    public double RebuildSeconds { get; }

    public IReadOnlyList<ReadMeasurement> Reads { get; }

    public static async Task<OpenReadStore> OpenAsync(string folder, int requests)
    {
        var database = StoreSeeder.DatabaseOf(folder);
        var store = new SqliteEventStore(new SqliteStoreOptions { DatabasePath = database });
        await store.InitializeAsync();
        var silo = await BenchSilo.StartAsync(store);
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
        return new OpenReadStore(store, silo, rebuilt.Events, rebuild, ReadMeasurements.For(targets));
    }

    public async ValueTask DisposeAsync()
    {
        await _silo.DisposeAsync();
        await _store.DisposeAsync();
    }
}
