using Cases.Journal.Events;

namespace Cases.Journal.Storage;

/// <summary>The journal's persistence contract: conditional, idempotent, hash-chained appends and streaming reads.</summary>
public interface IEventStore : IAsyncDisposable
{
    /// <summary>Creates the schema if it does not exist; safe to call on every start.</summary>
    Task InitializeAsync(CancellationToken ct = default);

    /// <summary>Appends all commands of the request atomically if the stream is at the expected version and no command id was seen; answers after the commit.</summary>
    Task<AppendResult> AppendAsync(AppendRequest request, CancellationToken ct = default);

    /// <summary>Streams one stream's events with versions in [fromVersion, toVersion], in version order, however many there are.</summary>
    IAsyncEnumerable<StoredEvent> ReadStreamAsync(string streamId, long fromVersion, long toVersion, CancellationToken ct = default);

    /// <summary>Streams the global log from a position, in commit order.</summary>
    IAsyncEnumerable<StoredEvent> ReadAllAsync(long fromPosition, CancellationToken ct = default);

    /// <summary>Up to <paramref name="limit"/> events after a position whose type is one of <paramref name="eventTypes"/>, in commit order, and how far the log was examined.</summary>
    /// <remarks>The page is read from one consistent view of the log: no event at or below <see cref="LogPage.ScannedThrough"/> can be committed later.</remarks>
    Task<LogPage> ReadLogAsync(long afterPosition, IReadOnlyCollection<string> eventTypes, int limit, CancellationToken ct = default);

    /// <summary>The recorded outcome of a command on a stream, or null if the store never saw it.</summary>
    Task<StoredCommandOutcome?> FindCommandAsync(string streamId, string commandId, CancellationToken ct = default);

    /// <summary>Where an activation starts, in one read: the stream's latest snapshot (or null) and its current version (0 for a new stream).</summary>
    Task<StreamStart> LoadStartAsync(string streamId, CancellationToken ct = default);

    /// <summary>Stores a snapshot, replacing an older one of the same stream.</summary>
    Task SaveSnapshotAsync(Snapshot snapshot, CancellationToken ct = default);

    /// <summary>The global position a named stream consumer has fully handled, or 0.</summary>
    Task<long> LoadCheckpointAsync(string name, CancellationToken ct = default);

    /// <summary>Records that a named consumer has handled the log up to a position; a checkpoint never moves back.</summary>
    Task SaveCheckpointAsync(string name, long position, CancellationToken ct = default);

    /// <summary>Throws if the store cannot serve reads and writes right now.</summary>
    Task CheckHealthAsync(CancellationToken ct = default);
}
