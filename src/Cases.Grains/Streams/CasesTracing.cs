using System.Diagnostics;

namespace Cases.Grains.Streams;

/// <summary>The grains' activity source, "Cases": the work a decision stream's delivery does, in the trace of the command that stored its cause.</summary>
public static class CasesTracing
{
    /// <summary>The activity source's name.</summary>
    public const string SourceName = "Cases";

    /// <summary>The grains' activity source.</summary>
    public static ActivitySource Source { get; } = new(SourceName);

    /// <summary>Starts "deliver {command} to {grain type}" as a child of the delivery's trace context (or a new trace without one); null when nobody listens.</summary>
    public static Activity? StartDelivery(DecisionDelivery delivery, string grainType)
    {
        var parent = delivery.TraceParent is { } traceParent && ActivityContext.TryParse(traceParent, null, out var context) ? context : default;
        var activity = Source.StartActivity($"deliver {delivery.Command.GetType().Name} to {grainType}", ActivityKind.Consumer, parent);
        activity?.SetTag("cases.command_id", delivery.Meta.CommandId);
        activity?.SetTag("cases.causation_id", delivery.Meta.CausationId);
        return activity;
    }
}
