namespace Cases.Benchmarks.Reads;

/// <summary>The machine's load average, printed beside every figure: the benchmark machine is shared, so a figure means little without it.</summary>
internal static class LoadAverage
{
    /// <summary>The 1, 5 and 15 minute load averages as /proc/loadavg gives them, or "n/a" off Linux.</summary>
    public static string Now() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
