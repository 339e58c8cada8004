namespace Cases.Grains.Journaling;

/// <summary>Decision deliveries a grain could not land yet: retried before anything queued after them, with a delay that doubles up to a ceiling until a turn commits.</summary>
internal sealed class HeldDeliveries
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    private readonly List<PendingCommand> _items = [];

    /// <summary>How many deliveries are held.</summary>
    public int Count => _items.Count;

    /// <summary>How long the next retry waits.</summary>
    public TimeSpan Delay { get; private set; } = FirstDelay;

    /// <summary>Whether the command is held for a retry (then it is neither answered nor failed).</summary>
    public bool Holds(PendingCommand item) => _items.Contains(item);

    /// <summary>Holds a delivery that failed, once however often it fails in a turn.</summary>
    public void Hold(PendingCommand item)
    {
        if (!Holds(item))
            _items.Add(item);
    }

    /// <summary>A turn committed: the grain is writing again, so the next failure retries soon.</summary>
    public void Committed() => Delay = FirstDelay;

    /// <summary>Moves the held deliveries to the front of the queue, in their order, and waits the current delay, doubling the next.</summary>
    public async Task RequeueAsync(Queue<PendingCommand> queue)
    {
        var rest = queue.ToArray();
        queue.Clear();
        foreach (var item in _items.Concat(rest))
            queue.Enqueue(item);
        _items.Clear();
        var delay = Delay;
        Delay = TimeSpan.FromTicks(Math.Min(Delay.Ticks * 2, MaxDelay.Ticks));
        await Task.Delay(delay);
    }
}
