using Cases.Journal.Events;

namespace Cases.Journal.Storage;

/// <summary>One grain's turn of decided commands, appended together if the stream is still at <paramref name="ExpectedVersion"/>.</summary>
public sealed record AppendRequest(string StreamId, long ExpectedVersion, IReadOnlyList<CommandAppend> Commands);

/// <summary>One command's outcome to record: its events, or the rejection that produced none, and the fingerprint of the command it answers.</summary>
/// <param name="Fingerprint">A hash of the command the id was used for, so a reuse of the id for another command can be told from a retry.</param>
public sealed record CommandAppend(string CommandId, IReadOnlyList<PendingEvent> Events, Rejection? Rejection, byte[]? Fingerprint = null);
