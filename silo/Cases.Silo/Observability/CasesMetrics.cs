using System.Diagnostics.Metrics;
using Cases.Runtime.Hosting;

namespace Cases.Silo.Observability;

/// <summary>The silo's "Cases" meter: events appended, activations in memory and stream lag.</summary>
public sealed class CasesMetrics : IDisposable
{
    /// <summary>The meter's name, for listeners and exporters.</summary>
    public const string MeterName = "Cases";

    private readonly GrainRuntime _runtime;
    private readonly Counter<long> _appends;
    private long _head;

    public CasesMetrics(IMeterFactory meters, GrainRuntime runtime, StreamService streams)
    {
        _runtime = runtime;
        var meter = meters.Create(MeterName);
        _appends = meter.CreateCounter<long>("cases.appends", "{event}", "Events appended to the store by this silo.");
        meter.CreateObservableGauge("cases.activations", () => runtime.ActivationCount, "{activation}", "Grain activations in memory.");
        // Lag is the newest position this silo has committed minus the dispatcher's checkpoint; only the delivering silo reports it.
        meter.CreateObservableGauge("cases.stream.lag", () => streams.Dispatcher is { } d
            ? [new Measurement<long>(Math.Max(0, Interlocked.Read(ref _head) - d.Checkpoint))]
            : Array.Empty<Measurement<long>>(), "{event}", "Events committed but not yet delivered to subscribers.");
        runtime.Committed += OnCommitted;
    }

    public void Dispose() => _runtime.Committed -= OnCommitted;

    private void OnCommitted(Cases.Runtime.Grains.CommandResult result)
    {
        if (result.Events.Count == 0)
            return;
        _appends.Add(result.Events.Count);
        var last = result.Events[^1].Position;
        long seen;
        while ((seen = Interlocked.Read(ref _head)) < last && Interlocked.CompareExchange(ref _head, last, seen) != seen)
        {
        }
    }
}
