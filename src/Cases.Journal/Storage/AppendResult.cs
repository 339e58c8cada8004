using Cases.Journal.Events;

namespace Cases.Journal.Storage;

/// <summary>What a conditional append did: committed, refused for a version conflict, or refused because commands were seen before.</summary>
public abstract record AppendResult
{
    private AppendResult()
    {
    }

    /// <summary>Everything was written; events per command in request order, and the stream's new version.</summary>
    public sealed record Committed(long Version, IReadOnlyList<IReadOnlyList<StoredEvent>> EventsByCommand) : AppendResult;

    /// <summary>Nothing was written: the stream is at another version than expected.</summary>
    public sealed record Conflict(long ActualVersion) : AppendResult;

    /// <summary>Nothing was written: these commands were recorded before, with these outcomes.</summary>
    public sealed record Duplicate(IReadOnlyList<StoredCommandOutcome> Outcomes) : AppendResult;
}
