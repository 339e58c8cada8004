using Cases.Journal.Events;

namespace Cases.Journal.Storage;

/// <summary>One grain's turn of decided commands, appended together if the stream is still at <paramref name="ExpectedVersion"/>.</summary>
public sealed record AppendRequest(string StreamId, long ExpectedVersion, IReadOnlyList<CommandAppend> Commands);

/// <summary>One command's outcome to record: its events, or the rejection that produced none.</summary>
public sealed record CommandAppend(string CommandId, IReadOnlyList<PendingEvent> Events, Rejection? Rejection);
