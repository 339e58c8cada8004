using System.Diagnostics;
using Cases.Domain.Subsidies;
using Cases.Grains.Contracts;

namespace Cases.Benchmarks;

/// <summary>Many callers at one grain, the year's start-up programme during a review wave; the reference is the same number of commands spread over many grains, in the same run.</summary>
internal static class HotGrainBenchmark
{
    private static readonly DateTimeOffset Day = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    public static async Task<Dictionary<string, object>> RunAsync(int commands, int callers, int grains)
    {
        using var db = new BenchDatabase();
        var (withEffects, perAppend, latencies) = await MeasureAsync(db, "hot-grain.db", commands, callers, grains, holdStreams: false);
        Console.WriteLine($"hot grain: {commands:N0} grant requests from {callers} callers to one programme grain, the decision streams delivering each answer to its enterprise meanwhile: " +
                          $"{withEffects:N0} commands/s, {perAppend:F1} commands per append, p50 {latencies.PercentileMs(50):F2} ms, p99 {latencies.PercentileMs(99):F2} ms");
        var (alone, alonePerAppend, aloneLatencies) = await MeasureAsync(db, "hot-grain-held.db", commands, callers, grains, holdStreams: true);
        Console.WriteLine($"the same with the decision queues held (the grain and its journal alone; the answers wait in the log): " +
                          $"{alone:N0} commands/s, {alonePerAppend:F1} commands per append, p50 {aloneLatencies.PercentileMs(50):F2} ms, p99 {aloneLatencies.PercentileMs(99):F2} ms");

        var store = await db.OpenAsync("spread.db");
        await using var _ = store;
        await using var silo = await BenchSilo.StartAsync(store, holdStreams: true);
        await SpreadAsync(silo, "warm", Math.Min(commands, 5_000), callers, grains);
        var spreadElapsed = await SpreadAsync(silo, "spread", commands, callers, grains);
        var spreadPerS = commands / spreadElapsed.TotalSeconds;
        Console.WriteLine($"reference: the same {commands:N0} commands from {callers} callers spread over {grains:N0} counter grains: {spreadElapsed.TotalSeconds:F2} s, {spreadPerS:N0} commands/s");

        return new()
        {
            ["bench"] = "hot-grain",
            ["commands"] = commands,
            ["commands_per_s"] = Math.Round(withEffects),
            ["commands_per_append"] = Math.Round(perAppend, 1),
            ["p50_ms"] = Math.Round(latencies.PercentileMs(50), 3),
            ["p99_ms"] = Math.Round(latencies.PercentileMs(99), 3),
            ["held_streams_commands_per_s"] = Math.Round(alone),
            ["held_streams_commands_per_append"] = Math.Round(alonePerAppend, 1),
            ["spread_commands_per_s"] = Math.Round(spreadPerS),
            ["ratio"] = Math.Round(withEffects / spreadPerS, 3),
            ["held_streams_ratio"] = Math.Round(alone / spreadPerS, 3),
        };
    }

    private static async Task<(double PerS, double PerAppend, Latencies Latencies)> MeasureAsync(BenchDatabase db, string file, int commands, int callers, int grains, bool holdStreams)
    {
        var store = await db.OpenAsync(file);
        await using var _ = store;
        await using var silo = await BenchSilo.StartAsync(store, holdStreams: holdStreams);
        await SpreadAsync(silo, "warm", Math.Min(commands, 5_000), callers, grains);
        await HotAsync(silo, "startup-warm", Math.Min(commands, 5_000), callers);
        var (elapsed, latencies) = await HotAsync(silo, "startup-hot", commands, callers);
        var appends = (await store.ReadStreamAsync("subsidy-program/startup-hot", 2, long.MaxValue).ToListAsync()).Select(e => e.RecordedAt).Distinct().Count();
        return (commands / elapsed.TotalSeconds, (double)commands / appends, latencies);
    }

    private static async Task<(TimeSpan, Latencies)> HotAsync(BenchSilo silo, string key, int commands, int callers)
    {
        var programme = silo.Grains.GetGrain<ISubsidyProgramGrain>(key);
        var opened = await programme.Execute(new OpenProgramme(2026, (long)commands * 100_000), new CommandMeta(Actor: "officer:bench", Now: Day));
        if (!opened.IsAccepted)
            throw new InvalidOperationException($"The programme did not open: {opened.Rejection}");
        var latencies = new Latencies(commands);
        var elapsed = await Callers.RunAsync(callers, commands, async i =>
        {
            var started = Stopwatch.GetTimestamp();
            var result = await programme.Execute(new RequestStartupGrant($"E-{i:D6}"), new CommandMeta(Actor: "stream:bench", Now: Day));
            latencies.Record(i, started);
            if (!result.IsAccepted)
                throw new InvalidOperationException($"Request {i} was rejected: {result.Rejection}");
        });
        return (elapsed, latencies);
    }

    private static Task<TimeSpan> SpreadAsync(BenchSilo silo, string prefix, int commands, int callers, int grains) =>
        Callers.RunAsync(callers, commands, async i =>
        {
            var result = await silo.Grains.GetGrain<ICounterGrain>($"{prefix}-{(long)i * 7919 % grains}").Execute(new Increment(1));
            if (!result.IsAccepted)
                throw new InvalidOperationException($"Command {i} was rejected: {result.Rejection}");
        });
}
