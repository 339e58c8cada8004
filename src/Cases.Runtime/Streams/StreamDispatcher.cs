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
    private readonly SemaphoreSlim _inFlight;
    private long _checkpoint;
    private long _saved;
    private long _dispatched;
    private Task _completed = Task.CompletedTask;
    private Task _checkpoints = Task.CompletedTask;
    private readonly Channel<bool> _checkpointDue = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public StreamDispatcher(GrainRuntime runtime, IEnumerable<Subscription> subscriptions, StreamOptions? options = null, ILogger<StreamDispatcher>? logger = null)
    {
        _runtime = runtime;
        _subscriptions = subscriptions.ToList();
        _options = options ?? new StreamOptions();
        _logger = logger ?? NullLogger<StreamDispatcher>.Instance;
        _inFlight = new SemaphoreSlim(_options.MaxBatchesInFlight);
        var duplicate = _subscriptions.GroupBy(s => s.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"Subscription name '{duplicate.Key}' is used twice.", nameof(subscriptions));
    }

    /// <summary>The global position up to which every event has been delivered (its durable save may lag a little).</summary>
    public long Checkpoint => Interlocked.Read(ref _checkpoint);

    /// <summary>Loads the checkpoint and starts delivering; local commits wake the dispatcher at once.</summary>
    public async Task StartAsync(CancellationToken ct = default)
    {
        _checkpoint = _saved = _dispatched = await _runtime.Store.LoadCheckpointAsync(_options.CheckpointName, ct).ConfigureAwait(false);
        _runtime.Committed += OnCommitted;
        _loop = Task.Run(RunAsync, CancellationToken.None);
        _checkpoints = Task.Run(SaveCheckpointsAsync, CancellationToken.None);
    }

    /// <summary>Completes once every event up to the position has been delivered and checkpointed.</summary>
    public Task WhenDeliveredAsync(long position, CancellationToken ct = default)
    {
        lock (_waiters)
        {
            if (_saved >= position)
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
        try
        {
            await _completed.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Deliveries cut short are redelivered from the checkpoint by the next dispatcher.
        }
        await _checkpoints.ConfigureAwait(false);
        _stopping.Dispose();
        _inFlight.Dispose();
    }

    // Only a commit with a subscribed event wakes delivery at once; other commits are passed over by the next read or poll.
    private void OnCommitted(CommandResult result)
    {
        foreach (var e in result.Events)
        {
            foreach (var subscription in _subscriptions)
            {
                if (subscription.Matches(e))
                {
                    _wake.Writer.TryWrite(true);
                    return;
                }
            }
        }
    }

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
                _logger.LogError(e, "Reading the log after position {Position} failed; retrying", _dispatched);
                await Delay(_options.RetryDelay, ct).ConfigureAwait(false);
            }
        }
    }

    // Reads the events after the last dispatched one and puts every delivery into its target's mailbox, in log order, without waiting:
    // mailboxes keep that order, so batches overlap and a later hop need not wait for a slow target of an earlier batch.
    private async Task<int> DeliverBatchAsync(CancellationToken ct)
    {
        var batch = new List<StoredEvent>(_options.BatchSize);
        await foreach (var e in _runtime.Store.ReadAllAsync(_dispatched + 1, ct).ConfigureAwait(false))
        {
            batch.Add(e);
            if (batch.Count == _options.BatchSize)
                break;
        }
        if (batch.Count == 0)
            return 0;

        await _inFlight.WaitAsync(ct).ConfigureAwait(false);
        var sends = new List<Task>();
        foreach (var e in batch)
        {
            foreach (var subscription in _subscriptions)
            {
                if (!subscription.Matches(e))
                    continue;
                foreach (var delivery in subscription.Route(e))
                    sends.Add(SendUntilDoneAsync(subscription, e, delivery, ct));
            }
        }
        var last = batch[^1].Position;
        _dispatched = last;
        _completed = CompleteInOrderAsync(_completed, Task.WhenAll(sends), last, ct);
        return batch.Count;
    }

    // The checkpoint passes a batch only when it and every batch before it are fully delivered.
    private async Task CompleteInOrderAsync(Task previous, Task delivered, long last, CancellationToken ct)
    {
        try
        {
            await previous.ConfigureAwait(false);
            await delivered.ConfigureAwait(false);
        }
        finally
        {
            _inFlight.Release();
        }
        Interlocked.Exchange(ref _checkpoint, last);
        _checkpointDue.Writer.TryWrite(true);
    }

    // Saves the latest completed position at most once per interval: a lagging checkpoint only means redelivery after a crash.
    private async Task SaveCheckpointsAsync()
    {
        var ct = _stopping.Token;
        try
        {
            while (await _checkpointDue.Reader.WaitToReadAsync(ct).ConfigureAwait(false))
            {
                _checkpointDue.Reader.TryRead(out _);
                var position = Checkpoint;
                if (position > _saved)
                    await SaveCheckpointAsync(position, ct).ConfigureAwait(false);
                await Task.Delay(_options.CheckpointInterval, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
        if (Checkpoint > _saved)
            await SaveCheckpointAsync(Checkpoint, CancellationToken.None).ConfigureAwait(false);
    }

    // A failed delivery is sent again with the same command id until it lands; the target's inbox drops it if it had landed.
    private async Task SendUntilDoneAsync(Subscription subscription, StoredEvent cause, Delivery delivery, CancellationToken ct)
    {
        var send = Send(subscription, cause, delivery, ct); // enqueued now, so the target's mailbox holds deliveries in log order
        for (var delay = _options.RetryDelay; ; delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryDelay.Ticks)))
        {
            try
            {
                await send.ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                _logger.LogWarning(e, "Delivering {Subscription} for event {Event} to {Target} failed; retrying in {Delay}",
                    subscription.Name, cause.EventId, delivery.Target, delay);
            }
            await Delay(delay, ct).ConfigureAwait(false);
            ct.ThrowIfCancellationRequested();
            send = Send(subscription, cause, delivery, ct);
        }
    }

    private Task<CommandResult> Send(Subscription subscription, StoredEvent cause, Delivery delivery, CancellationToken ct) =>
        _runtime.SendAsync(delivery.Target, delivery.Command, new CommandMeta(
            CommandId: subscription.CommandIdFor(cause),
            Actor: $"stream:{subscription.Name}",
            CorrelationId: cause.CorrelationId,
            CausationId: cause.EventId.ToString("D"),
            Now: cause.OccurredAt), ct);

    private async Task SaveCheckpointAsync(long position, CancellationToken ct)
    {
        try
        {
            await _runtime.Store.SaveCheckpointAsync(_options.CheckpointName, position, ct).ConfigureAwait(false);
            Saved(position);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            _logger.LogWarning(e, "Saving stream checkpoint {Position} failed; the next batch saves a later one", position);
        }
        catch (OperationCanceledException)
        {
        }
    }

    // Waiters hear of a position once it is both delivered and durably checkpointed.
    private void Saved(long position)
    {
        lock (_waiters)
        {
            _saved = Math.Max(_saved, position);
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
