using Cases.Journal.Storage;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Streams;

namespace Cases.Grains.Streams;

/// <summary>One queue of the decision streams, read from the journal's global log: the log is the outbox, so a decision is delivered if and only if it was stored.</summary>
/// <remarks>Reads the subscribed events after the queue's position, keeps the deliveries whose target maps to this queue, and groups them per target.
/// The durable checkpoint only passes a position once Orleans has delivered everything at or below it, so a crash or a queue moving to another
/// silo resumes from there (at least once; the targets' inboxes make the effects exactly-once).</remarks>
internal sealed class LogQueueReceiver(
    QueueId queue,
    DecisionRouter router,
    LogTail tail,
    IEventStore store,
    DecisionStreamOptions options,
    DecisionStreamMonitor monitor,
    ILogger logger) : IQueueAdapterReceiver
{
    private QueueProgress? _progress;
    private long _saved;
    private long _lastSaveTicks;
    private Task _saving = Task.CompletedTask;

    /// <summary>The checkpoint's name: the provider, the queue count (a different partitioning is a different set of queues) and this queue.</summary>
    public string CheckpointName => $"{DecisionStreams.ProviderName}/{router.Queues}/{queue.GetNumericId()}";

    public Task Initialize(TimeSpan timeout) => Initialize(timeout, CancellationToken.None);

    public async Task Initialize(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        _saved = await store.LoadCheckpointAsync(CheckpointName, limit.Token);
        _progress = new QueueProgress(_saved);
        monitor.Started(queue, _progress);
        logger.LogInformation("Decision queue {Queue} resumes after log position {Position}", queue, _saved);
    }

    [Obsolete("Orleans calls the overload with a cancellation token.")]
    public Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount) => GetQueueMessagesAsync(maxCount, CancellationToken.None);

    public async Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount, CancellationToken cancellationToken)
    {
        var progress = _progress ?? throw new InvalidOperationException($"Decision queue {queue} was read before it was initialized.");
        var wake = tail.NextCommitFor(queue);
        var read = await ReadAsync(progress, maxCount, cancellationToken);
        if (read.Count > 0)
            return read;
        // Nothing for this queue: wait for a local commit that has a delivery here, or poll for what other silos committed.
        try
        {
            await wake.WaitAsync(options.PollInterval, cancellationToken);
        }
        catch (TimeoutException)
        {
        }
        catch (OperationCanceledException)
        {
            return read;
        }
        return await ReadAsync(progress, maxCount, cancellationToken);
    }

    [Obsolete("Orleans calls the overload with a cancellation token.")]
    public Task MessagesDeliveredAsync(IList<IBatchContainer> messages) => MessagesDeliveredAsync(messages, CancellationToken.None);

    public Task MessagesDeliveredAsync(IList<IBatchContainer> messages, CancellationToken cancellationToken)
    {
        _progress?.Delivered(messages.OfType<DeliveryContainer>());
        var due = TimeSpan.FromTicks(Environment.TickCount64 * TimeSpan.TicksPerMillisecond - _lastSaveTicks) >= options.CheckpointInterval;
        if (due && _saving.IsCompleted)
            _saving = SaveCheckpointAsync(CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task Shutdown(TimeSpan timeout) => Shutdown(timeout, CancellationToken.None);

    public async Task Shutdown(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_progress is null)
            return;
        monitor.Stopped(queue, _progress);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        await _saving;
        await SaveCheckpointAsync(limit.Token);
    }

    private async Task<IList<IBatchContainer>> ReadAsync(QueueProgress progress, int maxCount, CancellationToken ct)
    {
        var limit = maxCount > 0 ? Math.Min(maxCount, options.BatchSize) : options.BatchSize;
        var page = await store.ReadLogAsync(progress.Scanned, router.EventTypes, limit, ct);
        var (containers, scannedThrough) = Group(page, maxCount);
        progress.Read(containers, scannedThrough);
        return containers.Cast<IBatchContainer>().ToList();
    }

    // One container per target per read, in the log order of the first delivery; stops before a cause whose deliveries would pass maxCount.
    private (List<DeliveryContainer> Containers, long ScannedThrough) Group(LogPage page, int maxCount)
    {
        var containers = new List<DeliveryContainer>();
        var byTarget = new Dictionary<StreamId, DeliveryContainer>();
        foreach (var e in page.Events)
        {
            var mine = router.Route(e).Where(r => r.Queue.Equals(queue)).ToList();
            var opened = mine.Select(r => r.Target).Distinct().Count(t => !byTarget.ContainsKey(t));
            if (maxCount > 0 && containers.Count > 0 && containers.Count + opened > maxCount)
                return (containers, e.Position - 1);
            var trace = tail.TraceOf(e.EventId);
            foreach (var routed in mine)
            {
                var item = trace is not null && routed.Delivery is DecisionDelivery delivery ? delivery with { TraceParent = trace } : routed.Delivery;
                if (byTarget.TryGetValue(routed.Target, out var container))
                {
                    container.Items.Add(item);
                    continue;
                }
                container = new DeliveryContainer(routed.Target, e.Position, routed.Ordinal, [item]);
                byTarget.Add(routed.Target, container);
                containers.Add(container);
            }
        }
        return (containers, page.ScannedThrough);
    }

    // A lagging checkpoint only means redelivery after a crash, so a failed save is logged and the next one catches up.
    private async Task SaveCheckpointAsync(CancellationToken ct)
    {
        _lastSaveTicks = Environment.TickCount64 * TimeSpan.TicksPerMillisecond;
        var position = _progress?.Deliverable ?? 0;
        if (position <= _saved)
            return;
        try
        {
            await store.SaveCheckpointAsync(CheckpointName, position, ct);
            _saved = position;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Saving the checkpoint of decision queue {Queue} at {Position} failed; a later save catches up", queue, position);
        }
    }
}
