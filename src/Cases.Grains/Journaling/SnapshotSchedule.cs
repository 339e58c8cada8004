namespace Cases.Grains.Journaling;

/// <summary>When a grain writes its next snapshot: every <c>every</c> events at the soonest, and not before the events since the last snapshot outweigh it.</summary>
/// <remarks>Activation then reads at most about twice the state's size, and a hot grain with a large state is not rewriting it every hundred events.</remarks>
internal sealed class SnapshotSchedule(int every)
{
    private long _version;
    private long _size;
    private long _payloadSince;

    /// <summary>The grain activated from a snapshot of this version and serialized size.</summary>
    public void Loaded(long version, long size)
    {
        _version = version;
        _size = size;
    }

    /// <summary>Events of this much payload were folded into the state since the last snapshot.</summary>
    public void Folded(long payload) => _payloadSince += payload;

    /// <summary>Whether a snapshot at this version is due; if it is, the schedule counts from it.</summary>
    public bool TryTake(long version)
    {
        if (every <= 0 || version - _version < every || _payloadSince < _size)
            return false;
        _version = version;
        _payloadSince = 0;
        return true;
    }

    /// <summary>The snapshot taken came to this many characters.</summary>
    public void Written(long size) => _size = size;
}
