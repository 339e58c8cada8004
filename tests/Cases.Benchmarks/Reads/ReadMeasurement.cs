namespace Cases.Benchmarks.Reads;

/// <summary>One named read the benchmark times: a request by index, or null while its read model is not built (reported as null, never as a figure).</summary>
internal sealed record ReadMeasurement(string Name, Func<int, Task>? Request);
