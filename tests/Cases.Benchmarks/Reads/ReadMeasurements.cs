using Cases.Domain.ReadModels;
using Cases.Grains.Contracts;
using Cases.Grains.ReadModels;

namespace Cases.Benchmarks.Reads;

/// <summary>The reads of issue 14, each exactly as the HTTP API or the console calls it; the list is the one place a new read joins.</summary>
internal static class ReadMeasurements
{
    /// <summary>The console's queue page size and the queue API's default limit.</summary>
    private const int PageSize = 20;

    /// <summary>The console dashboard's default window.</summary>
    private const int DashboardMinutes = 30;

    /// <summary>The reads over one store, in the order they run.</summary>
    public static IReadOnlyList<ReadMeasurement> For(ReadTargets t) =>
    [
        new("queue", i => QueuePageAsync(t, i)),
        new("dashboard", _ => DashboardAsync(t)),
        new("search", i => SearchAsync(t, i)),
        new("trace", i => TraceAsync(t, i)),
    ];

    // Even requests: the first page, unfiltered; odd ones: one kind in one district, both in turn.
    private static Task QueuePageAsync(ReadTargets t, int i)
    {
        var filter = i % 2 == 0
            ? new QueueFilter(null, null)
            : new QueueFilter(ApplicationKinds.All[i / 2 % ApplicationKinds.All.Count], SeedMix.Districts[i / 4 % SeedMix.Districts.Count]);
        return OfficerQueueReads.PageAsync(t.Grains, filter, 0, PageSize);
    }

    // As the console's intake page: the window's minutes, then the backlog.
    private static async Task DashboardAsync(ReadTargets t)
    {
        await IntakeDashboardReads.WindowAsync(t.Grains, t.DashboardNow, DashboardMinutes);
        await OfficerQueueReads.BacklogAsync(t.Grains);
    }

    // As the staff search box: even requests a name, odd ones a case key (the targets alternate them); a query that finds nothing is a broken benchmark.
    private static async Task SearchAsync(ReadTargets t, int i)
    {
        var query = t.SearchQueries[i % t.SearchQueries.Count];
        var outcome = await SearchReads.SearchAsync(t.Grains, query, PageSize);
        if (outcome.Hits.Count == 0)
            throw new InvalidOperationException($"The search for \"{query}\" found nothing.");
    }

    private static async Task TraceAsync(ReadTargets t, int i)
    {
        var root = t.TraceRoots[i % t.TraceRoots.Count];
        _ = await CausationTraces.TraceAsync(t.Grains, t.Store, root) ?? throw new InvalidOperationException($"The causation index does not hold approval {root}.");
    }
}
