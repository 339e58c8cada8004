using System.Diagnostics;

namespace Cases.Benchmarks;

/// <summary>Per-operation latencies recorded without locks, one slot per operation.</summary>
internal sealed class Latencies(int count)
{
    private readonly long[] _ticks = new long[count];

    public void Record(int index, long startTimestamp) => _ticks[index] = Stopwatch.GetTimestamp() - startTimestamp;

    public void RecordTicks(int index, long elapsed) => _ticks[index] = elapsed;

    public double PercentileMs(double p)
    {
        var sorted = _ticks.Order().ToArray();
        var at = (int)Math.Clamp(Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1);
        return sorted[at] * 1000.0 / Stopwatch.Frequency;
    }
}
