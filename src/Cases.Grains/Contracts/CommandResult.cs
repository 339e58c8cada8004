using Cases.Runtime.Events;

namespace Cases.Runtime.Grains;

/// <summary>The durable outcome of one command: accepted with its committed events, or rejected; the same on every retry of its id.</summary>
public sealed record CommandResult(
    GrainId GrainId,
    string CommandId,
    Rejection? Rejection,
    long Version,
    IReadOnlyList<StoredEvent> Events,
    bool IsRetry)
{
    public bool IsAccepted => Rejection is null;
}
