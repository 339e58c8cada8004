using Cases.Journal.Events;
using Cases.Journal.Storage;

namespace Cases.Grains.Tests.Support;

/// <summary>A store in front of a real one that can hold back the log from the decision queues, or refuse appends to chosen streams, to stage faults.</summary>
public sealed class FaultyStore(IEventStore inner) : IEventStore
{
    private volatile TaskCompletionSource? _logGate;
    private volatile Func<string, bool> _refuseAppends = _ => false;
    private int _refused;

    /// <summary>The real store behind this one.</summary>
    public IEventStore Inner => inner;

    /// <summary>Appends refused so far.</summary>
    public int Refused => Volatile.Read(ref _refused);

    /// <summary>Stops the decision queues from seeing new log pages until <see cref="ReleaseLog"/>; commits still land.</summary>
    public void HoldLog() => _logGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Lets the decision queues read the log again.</summary>
    public void ReleaseLog() => _logGate?.TrySetResult();

    /// <summary>Refuses, as a store outage would, every append to a stream the predicate picks, until <see cref="AcceptAppends"/>.</summary>
    public void RefuseAppends(Func<string, bool> streams) => _refuseAppends = streams;

    public void AcceptAppends() => _refuseAppends = _ => false;

    public Task InitializeAsync(CancellationToken ct = default) => inner.InitializeAsync(ct);

    public Task<AppendResult> AppendAsync(AppendRequest request, CancellationToken ct = default)
    {
        if (!_refuseAppends(request.StreamId))
            return inner.AppendAsync(request, ct);
        Interlocked.Increment(ref _refused);
        return Task.FromException<AppendResult>(new StoreUnavailableException($"Staged outage for {request.StreamId}."));
    }

    public IAsyncEnumerable<StoredEvent> ReadStreamAsync(string streamId, long fromVersion, long toVersion, CancellationToken ct = default) =>
        inner.ReadStreamAsync(streamId, fromVersion, toVersion, ct);

    public IAsyncEnumerable<StoredEvent> ReadAllAsync(long fromPosition, CancellationToken ct = default) => inner.ReadAllAsync(fromPosition, ct);

    public async Task<LogPage> ReadLogAsync(long afterPosition, IReadOnlyCollection<string> eventTypes, int limit, CancellationToken ct = default)
    {
        if (_logGate is { } gate)
            await gate.Task.WaitAsync(ct);
        return await inner.ReadLogAsync(afterPosition, eventTypes, limit, ct);
    }

    public Task<StoredCommandOutcome?> FindCommandAsync(string streamId, string commandId, CancellationToken ct = default) => inner.FindCommandAsync(streamId, commandId, ct);

    public Task<StreamStart> LoadStartAsync(string streamId, CancellationToken ct = default) => inner.LoadStartAsync(streamId, ct);

    public Task SaveSnapshotAsync(Snapshot snapshot, CancellationToken ct = default) => inner.SaveSnapshotAsync(snapshot, ct);

    public Task<long> LoadCheckpointAsync(string name, CancellationToken ct = default) => inner.LoadCheckpointAsync(name, ct);

    public Task SaveCheckpointAsync(string name, long position, CancellationToken ct = default) => inner.SaveCheckpointAsync(name, position, ct);

    public Task CheckHealthAsync(CancellationToken ct = default) => inner.CheckHealthAsync(ct);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
