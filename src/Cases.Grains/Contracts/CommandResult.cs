using Cases.Domain.Deciders;
using Cases.Journal;
using Cases.Journal.Events;
using Orleans;

namespace Cases.Grains.Contracts;

/// <summary>The durable outcome of one command: accepted with its committed events, or rejected; the same on every retry of its id.</summary>
[GenerateSerializer, Immutable, Alias("cases.CommandResult")]
public sealed record CommandResult(
    GrainKey Grain,
    string CommandId,
    Rejection? Rejection,
    long Version,
    IReadOnlyList<StoredEvent> Events,
    bool IsRetry)
{
    /// <summary>True when the command was accepted (with events or as a recorded no-op).</summary>
    public bool IsAccepted => Rejection is null;
}
