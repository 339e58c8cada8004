using System.Collections.Concurrent;
using Cases.Journal.Events;
using Orleans.Streams;

namespace Cases.Grains.Streams;

/// <summary>Wakes this silo's decision-stream queues when a local commit stored an event with deliveries for them, so they read the log now instead of at their next poll.</summary>
public sealed class LogTail(DecisionRouter router)
{
    private readonly ConcurrentDictionary<QueueId, TaskCompletionSource> _next = new();

    /// <summary>Completes at the next local commit with a delivery for the queue; take it before reading, so a commit during the read is not missed.</summary>
    public Task NextCommitFor(QueueId queue) => _next.GetOrAdd(queue, _ => NewSignal()).Task;

    /// <summary>Wakes the queues the committed events have deliveries for.</summary>
    public void Committed(IReadOnlyList<StoredEvent> events)
    {
        foreach (var e in events)
        {
            if (!router.IsSubscribed(e))
                continue;
            foreach (var routed in router.Route(e))
            {
                if (_next.TryRemove(routed.Queue, out var waiting))
                    waiting.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
