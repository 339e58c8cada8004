using System.Threading.Channels;
using Cases.Runtime.Events;
using Cases.Runtime.Grains;
using Cases.Runtime.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cases.Runtime.Streams;

/// <summary>Delivers stored events to subscribed grains: at least once, in source order, resumed from a durable checkpoint.</summary>
/// <remarks>The global log is the outbox (an event is deliverable exactly when it is stored); the target's command-id record is the inbox.</remarks>
public sealed class StreamDispatcher : IAsyncDisposable
{
    private readonly GrainRuntime _runtime;
    private readonly IReadOnlyList<Subscription> _subscriptions;
    private readonly StreamOptions _options;
    private readonly ILogger _logger;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<(long Position, TaskCompletionSource Done)> _waiters = [];
    private Task _loop = Task.CompletedTask;
    private long _checkpoint;

    public StreamDispatcher(GrainRuntime runtime, IEnumerable<Subscription> subscriptions, StreamOptions? options = null, ILogger<StreamDispatcher>? logger = null)
    {
        _runtime = runtime;
        _subscriptions = subscriptions.ToList();
        _options = options ?? new StreamOptions();
        _logger = logger ?? NullLogger<StreamDispatcher>.Instance;
        var duplicate = _subscriptions.GroupBy(s => s.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"Subscription name '{duplicate.Key}' is used twice.", nameof(subscriptions));
    }

    /// <summary>The global position up to which every event has been delivered.</summary>
    public long Checkpoint => Interlocked.Read(ref _checkpoint);

    /// <summary>Loads the checkpoint and starts delivering; local commits wake the dispatcher at once.</summary>
    public async Task StartAsync(CancellationToken ct = default)
    {
        _checkpoint = await _runtime.Store.LoadCheckpointAsync(_options.CheckpointName, ct).ConfigureAwait(false);
        _runtime.Committed += OnCommitted;
        _loop = Task.Run(RunAsync, CancellationToken.None);
    }

    /// <summary>Completes once every event up to the position has been delivered and checkpointed.</summary>
    public Task WhenDeliveredAsync(long position, CancellationToken ct = default)
    {
        lock (_waiters)
        {
            if (Checkpoint >= position)
                return Task.CompletedTask;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((position, done));
            return done.Task.WaitAsync(ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
            return;
        _runtime.Committed -= OnCommitted;
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stopping.Dispose();
    }

    private void OnCommitted(CommandResult result) => _wake.Writer.TryWrite(true);

    private async Task RunAsync()
    {
        var ct = _stopping.Token;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (await DeliverBatchAsync(ct).ConfigureAwait(false) == 0)
                    await WaitForWorkAsync(ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                _logger.LogError(e, "Stream delivery failed after position {Checkpoint}; retrying", Checkpoint);
                await Delay(_options.RetryDelay, ct).ConfigureAwait(false);
            }
        }
    }

    // Reads the next events after the checkpoint, delivers them (targets in parallel, each target's in log order), then saves the checkpoint.
    private async Task<int> DeliverBatchAsync(CancellationToken ct)
    {
        var batch = new List<StoredEvent>(_options.BatchSize);
        await foreach (var e in _runtime.Store.ReadAllAsync(Checkpoint + 1, ct).ConfigureAwait(false))
        {
            batch.Add(e);
            if (batch.Count == _options.BatchSize)
                break;
        }
        if (batch.Count == 0)
            return 0;

        var byTarget = new Dictionary<GrainId, List<(Subscription Subscription, StoredEvent Cause, Delivery Delivery)>>();
        foreach (var e in batch)
        {
            foreach (var subscription in _subscriptions.Where(s => s.Matches(e)))
            {
                foreach (var delivery in subscription.Route(e))
                {
                    if (!byTarget.TryGetValue(delivery.Target, out var queue))
                        byTarget[delivery.Target] = queue = [];
                    queue.Add((subscription, e, delivery));
                }
            }
        }
        await Task.WhenAll(byTarget.Values.Select(queue => DeliverInOrderAsync(queue, ct))).ConfigureAwait(false);

        var last = batch[^1].Position;
        await _runtime.Store.SaveCheckpointAsync(_options.CheckpointName, last, ct).ConfigureAwait(false);
        Advance(last);
        return batch.Count;
    }

    private async Task DeliverInOrderAsync(List<(Subscription Subscription, StoredEvent Cause, Delivery Delivery)> queue, CancellationToken ct)
    {
        foreach (var (subscription, cause, delivery) in queue)
        {
            var meta = new CommandMeta(
                CommandId: subscription.CommandIdFor(cause),
                Actor: $"stream:{subscription.Name}",
                CorrelationId: cause.CorrelationId,
                CausationId: cause.EventId.ToString("D"),
                Now: cause.OccurredAt);
            for (var delay = _options.RetryDelay; ; delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks)))
            {
                try
                {
                    await _runtime.SendAsync(delivery.Target, delivery.Command, meta, ct).ConfigureAwait(false);
                    break;
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    // The same command id is sent again, so a delivery that did commit before failing is not applied twice.
                    _logger.LogWarning(e, "Delivering {Subscription} for event {Event} to {Target} failed; retrying in {Delay}",
                        subscription.Name, cause.EventId, delivery.Target, delay);
                    await Delay(delay, ct).ConfigureAwait(false);
                }
            }
        }
    }

    private void Advance(long position)
    {
        Interlocked.Exchange(ref _checkpoint, position);
        lock (_waiters)
        {
            _waiters.RemoveAll(w =>
            {
                if (w.Position > position)
                    return false;
                w.Done.TrySetResult();
                return true;
            });
        }
    }

    private async Task WaitForWorkAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.PollInterval);
        try
        {
            await _wake.Reader.ReadAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Nothing committed here; poll for what other silos wrote.
        }
    }

    private static async Task Delay(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }
}
