namespace Cases.Storage.Sqlite;

/// <summary>The writer's memory of stream heads (version and hash), so an append needs no read when nothing else wrote the file.</summary>
/// <remarks>Heads learned inside a transaction become known only once it commits; another process's commit forgets them all.</remarks>
internal sealed class StreamHeads(int capacity)
{
    private readonly Dictionary<string, (long Version, byte[] Hash)> _committed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Version, byte[] Hash)> _pending = new(StringComparer.Ordinal);
    private long _dataVersion = -1;

    /// <summary>Starts a transaction; a changed data_version means another connection committed, so every cached head may be stale.</summary>
    public void Begin(long dataVersion)
    {
        if (dataVersion != _dataVersion)
            _committed.Clear();
        _dataVersion = dataVersion;
        _pending.Clear();
    }

    public bool TryGet(string streamId, out (long Version, byte[] Hash) head) =>
        _pending.TryGetValue(streamId, out head) || _committed.TryGetValue(streamId, out head);

    public void Set(string streamId, long version, byte[] hash) => _pending[streamId] = (version, hash);

    public void Committed()
    {
        if (_committed.Count + _pending.Count > capacity)
            _committed.Clear();
        foreach (var (stream, head) in _pending)
            _committed[stream] = head;
        _pending.Clear();
    }

    public void RolledBack() => _pending.Clear();
}
