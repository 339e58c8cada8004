using System.Collections.Concurrent;
using System.Diagnostics;
using Cases.Domain;
using Cases.Domain.Applicants;
using Cases.Domain.Housing;
using Cases.Grains.Contracts;

namespace Cases.Benchmarks;

/// <summary>Officers approve permits; measured is approval sent → housing allocation and rental-subsidy eligibility committed in the target grains.</summary>
internal static class PropagationBenchmark
{
    private const int Districts = 16;
    private static readonly DateTimeOffset Day = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));

    public static async Task<Dictionary<string, object>> RunAsync(int approvals, int officers, int warmup = 2_000)
    {
        using var db = new BenchDatabase();
        var store = await db.OpenAsync("propagation.db");
        await using var _ = store;
        await using var silo = await BenchSilo.StartAsync(store);

        await PrepareAsync(silo.Grains, warmup + approvals);
        Console.WriteLine($"prepared {warmup + approvals:N0} applicants with pending permits across {Districts} district offices");
        await ApproveAsync(silo, 0, warmup, officers); // unmeasured: the stream paths are compiled and tiered before the run

        var (elapsed, propagated, direct) = await ApproveAsync(silo, warmup, approvals, officers);
        Console.WriteLine($"propagation: {approvals:N0} approvals by {officers} officers in {elapsed.TotalSeconds:F2} s ({approvals / elapsed.TotalSeconds:N0} approvals/s), after {warmup:N0} unmeasured; " +
                          $"approval to allocation + subsidy eligibility p50 {propagated.PercentileMs(50):F1} ms, p99 {propagated.PercentileMs(99):F1} ms");
        Console.WriteLine($"reference: the approval command alone (durable commit, no propagation) p50 {direct.PercentileMs(50):F1} ms, p99 {direct.PercentileMs(99):F1} ms");
        return new()
        {
            ["bench"] = "propagation",
            ["approvals"] = approvals,
            ["p50_ms"] = Math.Round(propagated.PercentileMs(50), 2),
            ["p99_ms"] = Math.Round(propagated.PercentileMs(99), 2),
            ["approvals_per_s"] = Math.Round(approvals / elapsed.TotalSeconds),
            ["approval_commit_p50_ms"] = Math.Round(direct.PercentileMs(50), 2),
            ["approval_commit_p99_ms"] = Math.Round(direct.PercentileMs(99), 2),
        };
    }

    // Each officer waits for the effects of one approval before the next: the rate reported is one the streams sustain.
    /// <summary>Officers approve applicants from..from+count−1; with <paramref name="clock"/> the grains' clock stamps the commands instead of the fixed day.</summary>
    internal static async Task<(TimeSpan Elapsed, Latencies Propagated, Latencies Direct)> ApproveAsync(BenchSilo silo, int from, int count, int officers, bool clock = false)
    {
        var effects = new Effects(count);
        silo.Activity.Answered += effects.Observe;
        var direct = new Latencies(count);
        var elapsed = await Callers.RunAsync(officers, count, async n =>
        {
            var i = from + n;
            var started = Stopwatch.GetTimestamp();
            var propagated = effects.Started(Key(i));
            var result = await silo.Grains.GetGrain<IApplicantGrain>(Key(i))
                .Execute(new ApprovePermit(Permit(i), "Art. 4 met"), new CommandMeta(Actor: "officer:bench", Now: clock ? null : Day));
            direct.Record(n, started);
            if (!result.IsAccepted)
                throw new InvalidOperationException($"Approval {i} was rejected: {result.Rejection}");
            await propagated.WaitAsync(TimeSpan.FromMinutes(1));
        });
        silo.Activity.Answered -= effects.Observe;
        return (elapsed, effects.Latencies(), direct);
    }

    internal static string Key(int i) => $"P-{i:D6}";

    internal static string Permit(int i) => $"RWP-{i:D6}";

    internal static string District(int i) => $"district-{i % Districts:D2}";

    // Every applicant registered, recognised and waiting for a decision; every office holds enough units.
    internal static async Task PrepareAsync(IGrainFactory grains, int approvals, bool clock = false)
    {
        for (var d = 0; d < Districts; d++)
        {
            var units = Enumerable.Range(0, approvals / Districts + 1).Select(u => $"{District(d)}-unit-{u}").ToList();
            await grains.GetGrain<IHousingOfficeGrain>(District(d)).Execute(new AddTransitionalUnits(units), new CommandMeta(Actor: "admin:bench", Now: clock ? null : Day));
        }
        await Parallel.ForEachAsync(Enumerable.Range(0, approvals), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, _) =>
        {
            var applicant = grains.GetGrain<IApplicantGrain>(Key(i));
            var meta = new CommandMeta(Actor: $"applicant:{Key(i)}", Now: clock ? null : Day);
            await applicant.Execute(new RegisterApplicant(Profile(Key(i), District(i))), meta);
            await applicant.Execute(new ApplyForRecognition($"REC-{i}"), meta);
            var applied = await applicant.Execute(new ApplyForPermit(Permit(i), null, "employer-certificate"), meta);
            if (!applied.IsAccepted)
                throw new InvalidOperationException($"Applicant {i} could not apply: {applied.Rejection}");
        });
    }

    private static ApplicantProfile Profile(string key, string district) => new()
    {
        IdentityDocument = key,
        Name = "Bench Applicant",
        Nationality = "CN",
        Passport = PassportKind.Chinese,
        PassportExpiry = new DateOnly(2032, 1, 1),
        Degrees = [new Degree(DegreeLevel.Master, "GB", "computer science", 150, new DateOnly(2023, 9, 1), true)],
        StudyAbroad = [new StudyPeriod(new DateOnly(2021, 9, 1), new DateOnly(2023, 9, 1))],
        ReturnedOn = new DateOnly(2024, 1, 10),
        Employer = new Employment("Bench Ltd", district, true, "artificial-intelligence"),
        HomeDistrict = district,
    };

    /// <summary>Watches commits for the two effects each approval must have: a recorded unit and subsidy eligibility.</summary>
    private sealed class Effects(int expected)
    {
        private readonly ConcurrentDictionary<string, Tracker> _byApplicant = new();

        public Task Started(string key) => _byApplicant.GetOrAdd(key, _ => new Tracker()).Done.Task;

        public void Observe(CommandResult result)
        {
            if (result.IsRetry || result.Grain.Type != HousingDecider.Type || !_byApplicant.TryGetValue(result.Grain.Key, out var tracker))
                return;
            var seen = result.Events.Count(e => e.EventType is nameof(TransitionalHousingAllocated) or nameof(RentalSubsidyEligibilityOpened));
            if (seen > 0 && Interlocked.Add(ref tracker.Seen, seen) >= 2)
            {
                tracker.Finished = Stopwatch.GetTimestamp();
                tracker.Done.TrySetResult();
            }
        }

        public Latencies Latencies()
        {
            var latencies = new Latencies(expected);
            var i = 0;
            foreach (var tracker in _byApplicant.Values)
                latencies.RecordTicks(i++, tracker.Finished - tracker.Started);
            return latencies;
        }

        private sealed class Tracker
        {
            public readonly long Started = Stopwatch.GetTimestamp();
            public readonly TaskCompletionSource Done = new(TaskCreationOptions.RunContinuationsAsynchronously);
            public int Seen;
            public long Finished;
        }
    }
}
