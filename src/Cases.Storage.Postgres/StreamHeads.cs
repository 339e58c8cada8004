namespace Cases.Storage.Postgres;

/// <summary>The writer's memory of stream heads (version and hash), so an append needs no read when no other silo wrote since.</summary>
/// <remarks>Every writer holds the store's advisory lock while it assigns positions, so the log's last position changes
/// exactly when some writer commits events: if it still equals the position after our last commit, every cached head is current.</remarks>
internal sealed class StreamHeads(int capacity)
{
    private readonly Dictionary<string, (long Version, byte[] Hash)> _committed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Version, byte[] Hash)> _pending = new(StringComparer.Ordinal);
    private long _lastPosition = -1;

    /// <summary>Whether a head is cached from before this transaction; such a head is trusted only if <see cref="Begin"/> keeps it.</summary>
    public bool IsCached(string streamId) => _committed.ContainsKey(streamId);

    /// <summary>Starts a transaction at the log's last position; answers false (and forgets every head) if another writer committed since.</summary>
    public bool Begin(long lastPosition)
    {
        _pending.Clear();
        if (lastPosition == _lastPosition)
            return true;
        _committed.Clear();
        _lastPosition = lastPosition;
        return false;
    }

    public bool TryGet(string streamId, out (long Version, byte[] Hash) head) =>
        _pending.TryGetValue(streamId, out head) || _committed.TryGetValue(streamId, out head);

    public void Set(string streamId, long version, byte[] hash) => _pending[streamId] = (version, hash);

    /// <summary>The transaction committed, leaving the log at <paramref name="lastPosition"/>.</summary>
    public void Committed(long lastPosition)
    {
        if (_committed.Count + _pending.Count > capacity)
            _committed.Clear();
        foreach (var (stream, head) in _pending)
            _committed[stream] = head;
        _pending.Clear();
        _lastPosition = lastPosition;
    }

    /// <summary>The transaction failed or its outcome is unknown: nothing cached can be trusted.</summary>
    public void Forget()
    {
        _pending.Clear();
        _committed.Clear();
        _lastPosition = -1;
    }
}
