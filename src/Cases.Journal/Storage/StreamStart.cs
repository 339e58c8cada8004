namespace Cases.Journal.Storage;

/// <summary>A stream's latest snapshot (if any) and its version when read; the events after the snapshot are still to be read.</summary>
public sealed record StreamStart(Snapshot? Snapshot, long Version);
