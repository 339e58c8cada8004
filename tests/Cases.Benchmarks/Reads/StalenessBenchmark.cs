using System.Diagnostics;
using Cases.Domain.Applicants;
using Cases.Domain.ReadModels;
using Cases.Grains.Contracts;
using Cases.Journal.Storage;

namespace Cases.Benchmarks.Reads;

/// <summary>How stale the officers' queue is: from an approval's commit (its Execute returning) until the application is gone from its bucket, under the propagation benchmark's load.</summary>
/// <remarks>The store is fresh, prepared as the propagation benchmark prepares it (every applicant's permit pending, so the queue starts with the whole backlog);
/// probe approvals run beside its officers' approvals, and each probe polls its applicant's bucket about every millisecond. Commands carry the grains' clock, not the
/// propagation benchmark's fixed day: UUIDv7 ids of one instant would put every event into one causation-index partition, which no live silo has.</remarks>
internal static class StalenessBenchmark
{
    private const int Probers = 2;
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(30);

    public static async Task<Dictionary<string, object>> RunAsync(int probes, int load, int officers, int warmup = 2_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(load, 1); // a staleness without the load is no figure of this benchmark
        ArgumentOutOfRangeException.ThrowIfLessThan(probes, 1);
        using var db = new BenchDatabase();
        var store = await db.OpenAsync("staleness.db");
        await using var _ = store;
        await using var silo = await BenchSilo.StartAsync(store);
        await PropagationBenchmark.PrepareAsync(silo.Grains, warmup + load + probes, clock: true);
        await silo.WhenDeliveredAsync(TimeSpan.FromMinutes(5));
        Console.WriteLine($"prepared {warmup + load + probes:N0} applicants with pending permits; load {LoadAverage.Now()}");
        await PropagationBenchmark.ApproveAsync(silo, 0, warmup, officers, clock: true); // unmeasured, as the propagation benchmark warms up

        var loadRun = PropagationBenchmark.ApproveAsync(silo, warmup, load, officers, clock: true);
        var (stale, commits, duringLoad) = await ProbeAsync(silo.Grains, store, warmup + load, probes, loadRun);
        var (elapsed, propagated, direct) = await loadRun;
        var loadAverage = LoadAverage.Now();
        Console.WriteLine($"load: {load:N0} approvals by {officers} officers in {elapsed.TotalSeconds:F1} s ({load / elapsed.TotalSeconds:N0}/s), approval to allocation + eligibility p50 {propagated.PercentileMs(50):F1} ms, p99 {propagated.PercentileMs(99):F1} ms");
        Console.WriteLine($"staleness: {probes} probe approvals ({duringLoad} while the load ran), commit to gone from the officers' queue p50 {stale.PercentileMs(50):F1} ms, p99 {stale.PercentileMs(99):F1} ms (target p99 < 100 ms)");
        Console.WriteLine($"reference: the probes' approval commit p50 {commits.PercentileMs(50):F1} ms, p99 {commits.PercentileMs(99):F1} ms; load {loadAverage}");
        return new()
        {
            ["bench"] = "staleness",
            ["probes"] = probes,
            ["probes_during_load"] = duringLoad,
            ["p50_ms"] = Math.Round(stale.PercentileMs(50), 2),
            ["p99_ms"] = Math.Round(stale.PercentileMs(99), 2),
            ["approval_commit_p50_ms"] = Math.Round(commits.PercentileMs(50), 2),
            ["approval_commit_p99_ms"] = Math.Round(commits.PercentileMs(99), 2),
            ["load_approvals_per_s"] = Math.Round(load / elapsed.TotalSeconds),
            ["load_propagation_p99_ms"] = Math.Round(propagated.PercentileMs(99), 2),
            ["loadavg"] = loadAverage,
        };
    }

    // Probes share out the applicants after the load's; a probe that commits after the load finished is counted apart.
    private static async Task<(Latencies Stale, Latencies Commits, int DuringLoad)> ProbeAsync(IGrainFactory grains, IEventStore store, int first, int probes, Task loadRun)
    {
        var (stale, commits) = (new Latencies(probes), new Latencies(probes));
        var duringLoad = 0;
        await Callers.RunAsync(Probers, probes, async n =>
        {
            var i = first + n;
            var position = await AppliedPositionAsync(store, PropagationBenchmark.Key(i));
            var bucket = grains.GetGrain<IOfficerQueueGrain>(OfficerQueue.BucketOf(PropagationBenchmark.Key(i)));
            var filter = new QueueFilter(ApplicationKinds.Permit, PropagationBenchmark.District(i));
            var started = Stopwatch.GetTimestamp();
            var result = await grains.GetGrain<IApplicantGrain>(PropagationBenchmark.Key(i))
                .Execute(new ApprovePermit(PropagationBenchmark.Permit(i), "Art. 4 met"), new CommandMeta(Actor: "officer:probe"));
            var committed = Stopwatch.GetTimestamp();
            if (!result.IsAccepted)
                throw new InvalidOperationException($"Probe approval {i} was rejected: {result.Rejection}");
            commits.RecordTicks(n, committed - started);
            if (!loadRun.IsCompleted)
                Interlocked.Increment(ref duringLoad);
            await GoneAsync(bucket, filter, position, PropagationBenchmark.Key(i));
            stale.Record(n, committed);
        });
        return (stale, commits, duringLoad);
    }

    // The application is the oldest of its kind and district after its own position until the queue folds its approval.
    private static async Task GoneAsync(IOfficerQueueGrain bucket, QueueFilter filter, long position, string applicant)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(GiveUpAfter.TotalSeconds * Stopwatch.Frequency);
        while ((await bucket.Oldest(filter, position - 1, 1)).Oldest is [{ } oldest] && oldest.ApplicantKey == applicant)
        {
            if (Stopwatch.GetTimestamp() > deadline)
                throw new TimeoutException($"{applicant}'s approval had not left the officers' queue after {GiveUpAfter.TotalSeconds} s.");
            await Task.Delay(1);
        }
    }

    private static async Task<long> AppliedPositionAsync(IEventStore store, string applicant)
    {
        await foreach (var e in store.ReadStreamAsync($"applicant/{applicant}", 1, long.MaxValue))
        {
            if (e.EventType == nameof(PermitApplied))
                return e.Position;
        }
        throw new InvalidOperationException($"{applicant} never applied for a permit.");
    }
}
