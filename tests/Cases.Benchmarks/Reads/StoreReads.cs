namespace Cases.Benchmarks.Reads;

/// <summary>The reads of one store: its size, how long opening it took (the read models rebuilt from the log), and each read's latencies (null: not measured).</summary>
internal sealed record StoreReads(long Events, double RebuildSeconds, string LoadAverage, IReadOnlyDictionary<string, Latencies?> Latencies);
