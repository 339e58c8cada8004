using System.Diagnostics;
using System.Text.Json;
using Cases.Storage.Sqlite;

namespace Cases.Benchmarks.Reads;

/// <summary>Seeds a SQLite store (the silo's <c>cases.db</c>) through a silo: concurrent callers live the <see cref="SeedMix"/> until the log holds the target.</summary>
/// <remarks>Resumable: <c>seed-progress.json</c> names the first applicant not known to be finished, and the mix's command ids make repeating one harmless.</remarks>
internal static class StoreSeeder
{
    private const string ProgressFile = "seed-progress.json";
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(10);

    // Every load loop is bounded in time as well as count; a seed stopped by it resumes on the next run.
    private static readonly TimeSpan DefaultBudget = TimeSpan.FromMinutes(30);

    /// <summary>The database file of a seeded folder.</summary>
    public static string DatabaseOf(string folder) => Path.Combine(folder, "cases.db");

    /// <summary>Seeds <paramref name="folder"/> up to <paramref name="targetEvents"/> (or resumes there); answers the totals line's figures.</summary>
    public static async Task<Dictionary<string, object>> SeedAsync(string folder, long targetEvents, int callers, TimeSpan? budget = null)
    {
        Directory.CreateDirectory(folder);
        var database = DatabaseOf(folder);
        var before = StoreHead.Of(database);
        var clock = Stopwatch.StartNew();
        var tally = new SeedTally();
        var (next, stopped) = (ReadProgress(folder), false);
        if (before < targetEvents)
        {
            var store = new SqliteEventStore(new SqliteStoreOptions { DatabasePath = database });
            await store.InitializeAsync();
            await using var _ = store;
            await using var silo = await BenchSilo.StartAsync(store);
            var mix = new SeedMix(silo.Grains, tally);
            await mix.PrepareAsync(targetEvents);
            (next, stopped) = await LiveAsync(silo, mix, folder, next, targetEvents - callers * 6L, callers, budget ?? DefaultBudget);
            await silo.WhenDeliveredAsync(TimeSpan.FromMinutes(10)); // the read models and the effects have caught up with the log
            WriteProgress(folder, next);
        }
        var events = StoreHead.Of(database);
        var seconds = clock.Elapsed.TotalSeconds;
        Console.Error.WriteLine($"seed: {folder} holds {events:N0} events ({events - before:N0} new in {seconds:F0} s, {(events - before) / Math.Max(seconds, 0.001):N0} events/s), {next:N0} applicants{(stopped ? "; stopped by the time budget before the target" : "")}");
        foreach (var (step, reason) in tally.Rejections)
            Console.Error.WriteLine($"seed: step {step} had rejections, first: {reason}");
        return new()
        {
            ["bench"] = "seed",
            ["folder"] = Path.GetFullPath(folder),
            ["events"] = events,
            ["events_new"] = events - before,
            ["target_events"] = targetEvents,
            ["applicants"] = next,
            ["seconds"] = Math.Round(seconds, 1),
            ["events_per_s"] = Math.Round((events - before) / Math.Max(seconds, 0.001)),
            ["stopped_by_budget"] = stopped,
            ["steps"] = tally.Summary(),
        };
    }

    // Callers take applicant indexes in order until the log nears the target (a life in flight adds about six more events); the low-water mark (no index below it unfinished) is saved as they go.
    private static async Task<(int Next, bool Stopped)> LiveAsync(BenchSilo silo, SeedMix mix, string folder, int from, long stopAt, int callers, TimeSpan budget)
    {
        var next = from - 1;
        var working = Enumerable.Repeat(int.MaxValue, callers).ToArray();
        var clock = Stopwatch.StartNew();
        var startHead = Math.Max(silo.Activity.Head, StoreHead.Of(DatabaseOf(folder)));
        using var done = new CancellationTokenSource();
        var reporter = ReportAsync(silo, folder, working, () => Volatile.Read(ref next) + 1, startHead, done.Token);
        await Task.WhenAll(Enumerable.Range(0, callers).Select(c => Task.Run(async () =>
        {
            while (silo.Activity.Head < stopAt && clock.Elapsed < budget)
            {
                var i = Interlocked.Increment(ref next);
                Volatile.Write(ref working[c], i);
                await mix.LiveAsync(i);
                Volatile.Write(ref working[c], int.MaxValue);
            }
        })));
        await done.CancelAsync();
        await reporter;
        return (next + 1, clock.Elapsed >= budget);
    }

    private static async Task ReportAsync(BenchSilo silo, string folder, int[] working, Func<int> taken, long startHead, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var (lastHead, lastAt) = (startHead, TimeSpan.Zero);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(ReportEvery, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var head = Math.Max(silo.Activity.Head, lastHead);
            var now = clock.Elapsed;
            Console.Error.WriteLine($"seed: {head:N0} events, {(head - lastHead) / (now - lastAt).TotalSeconds:N0} events/s now, " +
                                    $"{(head - startHead) / now.TotalSeconds:N0} events/s since start, {taken():N0} applicants taken, load {LoadAverage.Now()}");
            (lastHead, lastAt) = (head, now);
            WriteProgress(folder, Math.Min(working.Min(), taken()));
        }
    }

    private static int ReadProgress(string folder)
    {
        var path = Path.Combine(folder, ProgressFile);
        return File.Exists(path) ? JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("next_applicant").GetInt32() : 0;
    }

    private static void WriteProgress(string folder, int next) =>
        File.WriteAllText(Path.Combine(folder, ProgressFile), JsonSerializer.Serialize(new Dictionary<string, int> { ["next_applicant"] = next }));
}
