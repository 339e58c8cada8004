namespace Cases.Journal.Storage;

/// <summary>The first outcome of a command id on a stream: the versions it appended, or its rejection, and the fingerprint of the command it answered.</summary>
/// <param name="Fingerprint">Null for an outcome recorded before stores kept fingerprints.</param>
public sealed record StoredCommandOutcome(
    string StreamId,
    string CommandId,
    long FirstVersion,
    long LastVersion,
    Rejection? Rejection,
    DateTimeOffset RecordedAt,
    byte[]? Fingerprint = null)
{
    /// <summary>True when the command appended at least one event.</summary>
    public bool HasEvents => LastVersion >= FirstVersion && FirstVersion > 0;
}
