using System.Diagnostics;

namespace Cases.Benchmarks;

/// <summary>Concurrent callers that share one counter: each takes the next index until <c>count</c> are taken, so every index runs exactly once.</summary>
internal static class Callers
{
    /// <summary>Runs <paramref name="step"/> for indexes 0 to count − 1 over <paramref name="callers"/> concurrent callers, and answers how long it took.</summary>
    public static async Task<TimeSpan> RunAsync(int callers, int count, Func<int, Task> step)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
                await step(i);
        })));
        return clock.Elapsed;
    }
}
