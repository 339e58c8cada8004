using Cases.Runtime.Events;

namespace Cases.Runtime.Grains;

/// <summary>The untyped face of a decider that activations drive.</summary>
internal interface IDeciderAdapter
{
    string GrainType { get; }

    object Initial { get; }

    int StateSchemaVersion { get; }

    DecisionOutcome Decide(object state, object command, CommandContext context);

    object Evolve(object state, StoredEvent e);

    string SerializeState(object state);

    object DeserializeState(string json);
}

/// <summary>A decision applied: the state after its events, the events serialized, or the rejection.</summary>
internal sealed record DecisionOutcome(object State, IReadOnlyList<(string Type, int SchemaVersion, string Payload)> Events, Rejection? Rejection);
