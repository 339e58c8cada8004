using System.Collections.Concurrent;
using Cases.Journal.Events;
using Orleans.Streams;

namespace Cases.Grains.Streams;

/// <summary>Wakes this silo's decision-stream queues when a local commit stored an event with deliveries for them, so they read the log now instead of at their next poll.</summary>
public sealed class LogTail(DecisionRouter router)
{
    // Enough for the deliveries of a few seconds of commits; an older cause is delivered without its trace, never held back.
    private const int TracesKept = 16_384;

    private readonly ConcurrentDictionary<QueueId, TaskCompletionSource> _next = new();
    private readonly ConcurrentDictionary<Guid, string> _traces = new();
    private readonly ConcurrentQueue<Guid> _traceOrder = new();

    /// <summary>Completes at the next local commit with a delivery for the queue; take it before reading, so a commit during the read is not missed.</summary>
    public Task NextCommitFor(QueueId queue) => _next.GetOrAdd(queue, _ => NewSignal()).Task;

    /// <summary>Wakes the queues the committed events have deliveries for, and remembers the trace context of the command that stored them.</summary>
    /// <remarks>The trace context is kept in memory only, outside the event and its hash: a delivery read on another silo or after a restart starts its own trace.</remarks>
    public void Committed(IReadOnlyList<StoredEvent> events, string? traceParent = null)
    {
        foreach (var e in events)
        {
            if (!router.IsSubscribed(e))
                continue;
            if (traceParent is not null)
                RememberTrace(e.EventId, traceParent);
            foreach (var routed in router.Route(e))
            {
                if (_next.TryRemove(routed.Queue, out var waiting))
                    waiting.TrySetResult();
            }
        }
    }

    /// <summary>The trace context of the command that stored the event on this silo, if it is still remembered.</summary>
    public string? TraceOf(Guid eventId) => _traces.TryGetValue(eventId, out var trace) ? trace : null;

    private void RememberTrace(Guid eventId, string traceParent)
    {
        if (!_traces.TryAdd(eventId, traceParent))
            return;
        _traceOrder.Enqueue(eventId);
        while (_traceOrder.Count > TracesKept && _traceOrder.TryDequeue(out var oldest))
            _traces.TryRemove(oldest, out _);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
