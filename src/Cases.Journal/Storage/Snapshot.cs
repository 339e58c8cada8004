namespace Cases.Journal.Storage;

/// <summary>A grain's state as of a version, so activation need not replay the whole history.</summary>
public sealed record Snapshot(string StreamId, long Version, int StateSchemaVersion, string State, DateTimeOffset TakenAt);
