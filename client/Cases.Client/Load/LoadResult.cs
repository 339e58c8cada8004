namespace Cases.Client.Load;

/// <summary>What one load phase measured: answers by status, retries, wall time and each request's latency.</summary>
/// <param name="Latencies">Milliseconds from a request's first send to its final answer, one per completed request, sorted.</param>
/// <param name="Statuses">Final answers by HTTP status; 0 counts requests that got no answer (refused, reset, timed out).</param>
public sealed record LoadResult(string Name, int Requested, int Completed, int Succeeded, int Retries, TimeSpan Elapsed, double[] Latencies, IReadOnlyDictionary<int, int> Statuses)
{
    /// <summary>Completed requests that did not succeed.</summary>
    public int Errors => Completed - Succeeded;

    /// <summary>Successful requests per second of wall time.</summary>
    public double RequestsPerSecond => Elapsed > TimeSpan.Zero ? Succeeded / Elapsed.TotalSeconds : 0;

    /// <summary>The latency at the given percentile (0..100), nearest-rank; 0 with no requests.</summary>
    public double Percentile(double p)
    {
        if (Latencies.Length == 0)
            return 0;
        var rank = (int)Math.Ceiling(p / 100 * Latencies.Length);
        return Latencies[Math.Clamp(rank - 1, 0, Latencies.Length - 1)];
    }

    /// <summary>The slowest request's latency.</summary>
    public double Max => Latencies.Length == 0 ? 0 : Latencies[^1];
}
