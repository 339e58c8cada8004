namespace Cases.Grains.Streams;

/// <summary>How far one queue has delivered: the position its checkpoint may advance to, given what it read and what is still being delivered.</summary>
/// <remarks>Containers may be confirmed out of order (targets differ in speed); the checkpoint only passes a position once everything at or below it has landed.</remarks>
public sealed class QueueProgress
{
    private readonly SortedSet<(long Position, int Ordinal)> _outstanding = [];
    private readonly Lock _gate = new();
    private long _scanned;

    /// <summary>Starts from a saved checkpoint.</summary>
    public QueueProgress(long checkpoint) => _scanned = checkpoint;

    /// <summary>The position after which the queue reads next.</summary>
    public long Scanned
    {
        get
        {
            lock (_gate)
                return _scanned;
        }
    }

    /// <summary>The highest position up to which every delivery of this queue has landed.</summary>
    public long Deliverable
    {
        get
        {
            lock (_gate)
                return _outstanding.Count == 0 ? _scanned : _outstanding.Min.Position - 1;
        }
    }

    /// <summary>Deliveries still in flight.</summary>
    public int InFlight
    {
        get
        {
            lock (_gate)
                return _outstanding.Count;
        }
    }

    /// <summary>Records a read: its containers are in flight, and the log was examined through <paramref name="scannedThrough"/>.</summary>
    public void Read(IEnumerable<DeliveryContainer> containers, long scannedThrough)
    {
        lock (_gate)
        {
            foreach (var container in containers)
                _outstanding.Add((container.Token.SequenceNumber, container.Token.EventIndex));
            _scanned = Math.Max(_scanned, scannedThrough);
        }
    }

    /// <summary>Records that Orleans delivered these containers to their targets.</summary>
    public void Delivered(IEnumerable<DeliveryContainer> containers)
    {
        lock (_gate)
        {
            foreach (var container in containers)
                _outstanding.Remove((container.Token.SequenceNumber, container.Token.EventIndex));
        }
    }
}
