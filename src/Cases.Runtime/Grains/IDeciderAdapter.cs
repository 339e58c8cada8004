using Cases.Runtime.Events;

namespace Cases.Runtime.Grains;

/// <summary>Any decider, whatever its state, command and event types; what a runtime registers.</summary>
public interface IDecider
{
    /// <summary>The grain type part of the ids of this decider's grains.</summary>
    string GrainType { get; }
}

/// <summary>The untyped face of a decider that activations drive.</summary>
internal interface IDeciderAdapter : IDecider
{
    object Initial { get; }

    int StateSchemaVersion { get; }

    DecisionOutcome Decide(object state, object command, CommandContext context);

    object Evolve(object state, StoredEvent e);

    string SerializeState(object state);

    (string Type, string Json) SerializeCommand(object command);

    object DeserializeCommand(string type, string json);

    object DeserializeState(string json);
}

/// <summary>A decision applied: the state after its events, the events serialized, or the rejection.</summary>
internal sealed record DecisionOutcome(object State, IReadOnlyList<(string Type, int SchemaVersion, string Payload)> Events, Rejection? Rejection);
