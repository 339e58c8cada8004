using System.Diagnostics.Metrics;
using Cases.Grains.Contracts;
using Cases.Grains.Journaling;
using Cases.Grains.Streams;

namespace Cases.Silo.Observability;

/// <summary>The silo's "Cases" meter: commands by outcome, events appended, grain activations in memory and decision-stream lag.</summary>
public sealed class CasesMetrics : IDisposable
{
    /// <summary>The meter's name, for listeners and exporters.</summary>
    public const string MeterName = "Cases";

    private readonly JournalActivity _activity;
    private readonly Counter<long> _commands;
    private readonly Counter<long> _appends;

    public CasesMetrics(IMeterFactory meters, JournalActivity activity, DecisionStreamMonitor streams)
    {
        _activity = activity;
        var meter = meters.Create(MeterName);
        _commands = meter.CreateCounter<long>("cases.commands", "{command}", "Commands answered by this silo's grains, by outcome.");
        _appends = meter.CreateCounter<long>("cases.appends", "{event}", "Events appended to the store by this silo's grains.");
        meter.CreateObservableGauge("cases.activations", () => activity.Activations, "{activation}", "Decider grain activations in memory.");
        // Lag is the newest position this silo committed minus the checkpoint each queue pulled here may move to; silos pulling no queue report none.
        meter.CreateObservableGauge("cases.stream.lag", () => streams.Queues.Count == 0
            ? Array.Empty<Measurement<long>>()
            : [new Measurement<long>(streams.Queues.Values.Max(q => Math.Max(0, activity.Head - q.Deliverable)))],
            "{event}", "Events committed here but not yet delivered by the decision queues this silo pulls.");
        activity.Answered += OnAnswered;
    }

    public void Dispose() => _activity.Answered -= OnAnswered;

    private void OnAnswered(CommandResult result)
    {
        _commands.Add(1, new KeyValuePair<string, object?>("outcome", result.IsRetry ? "retry" : result.IsAccepted ? "accepted" : "rejected"));
        if (!result.IsRetry && result.Events.Count > 0)
            _appends.Add(result.Events.Count);
    }
}
