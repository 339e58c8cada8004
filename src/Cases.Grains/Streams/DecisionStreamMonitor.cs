using System.Collections.Concurrent;
using Orleans.Streams;

namespace Cases.Grains.Streams;

/// <summary>The decision-stream queues this silo's agents currently pull, with their progress; what metrics and tests read.</summary>
public sealed class DecisionStreamMonitor
{
    private readonly ConcurrentDictionary<QueueId, QueueProgress> _queues = new();

    /// <summary>The queues pulled here and their progress.</summary>
    public IReadOnlyDictionary<QueueId, QueueProgress> Queues => _queues;

    internal void Started(QueueId queue, QueueProgress progress) => _queues[queue] = progress;

    internal void Stopped(QueueId queue, QueueProgress progress) => _queues.TryRemove(new KeyValuePair<QueueId, QueueProgress>(queue, progress));
}
