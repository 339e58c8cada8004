using Cases.Journal.Events;

namespace Cases.Journal.Storage;

/// <summary>A page of the global log: the matching events in commit order, and the position up to which the log was examined for them.</summary>
/// <remarks>A reader resumes after <see cref="ScannedThrough"/>, so positions that hold no matching event are never examined twice.</remarks>
public sealed record LogPage(IReadOnlyList<StoredEvent> Events, long ScannedThrough);
