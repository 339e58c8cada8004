using System.Collections.Concurrent;
using Cases.Runtime.Cluster;
using Cases.Runtime.Grains;
using Cases.Runtime.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cases.Runtime.Hosting;

/// <summary>A silo's grain runtime: activates grains on first use, routes commands to their mailboxes and deactivates idle ones.</summary>
public sealed class GrainRuntime : IAsyncDisposable
{
    private readonly ConcurrentDictionary<GrainId, Activation> _activations = new();
    private readonly ConcurrentDictionary<string, IDeciderAdapter> _deciders = new(StringComparer.Ordinal);
    private readonly RuntimeOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _collector;
    private long _activationsCreated;
    private ClusterView? _view;
    private IGrainTransport? _transport;

    public GrainRuntime(IEventStore store, RuntimeOptions? options = null, TimeProvider? time = null, ILogger<GrainRuntime>? logger = null)
    {
        Store = store;
        _options = options ?? new RuntimeOptions();
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger<GrainRuntime>.Instance;
        _collector = Task.Run(CollectIdleLoopAsync);
    }

    /// <summary>The store this runtime persists to.</summary>
    public IEventStore Store { get; }

    /// <summary>Activations currently in memory.</summary>
    public int ActivationCount => _activations.Count;

    /// <summary>Activations made since start, reactivations included.</summary>
    public long ActivationsCreated => Interlocked.Read(ref _activationsCreated);

    /// <summary>Raised after a command's events are committed (on the committing activation's thread; keep handlers short).</summary>
    public event Action<CommandResult>? Committed;

    /// <summary>Joins this runtime to a cluster: commands and reads for grains another silo owns go to that silo, and grains this silo stops owning are deactivated.</summary>
    public void UseCluster(ClusterView view, IGrainTransport transport)
    {
        _view = view;
        _transport = transport;
        view.Changed += ReleaseGrainsOwnedElsewhere;
    }

    /// <summary>Runs a command that another silo forwarded here, on the local activation (never forwarded again, so views that briefly differ cannot bounce it).</summary>
    public Task<CommandResult> ExecuteForwardedAsync(RemoteCommand forwarded, CancellationToken ct = default)
    {
        var id = GrainId.Parse(forwarded.Grain);
        var command = DeciderFor(id).DeserializeCommand(forwarded.CommandType, forwarded.Command);
        return SendLocalAsync(id, command, forwarded.Meta, ct);
    }

    /// <summary>A grain's committed state serialized for a silo that asked the owner.</summary>
    public async Task<RemoteState> ReadForwardedAsync(GrainId id, CancellationToken ct = default)
    {
        var head = await LocalHeadAsync(id, ct).ConfigureAwait(false);
        return new RemoteState(DeciderFor(id).SerializeState(head.State), head.Version);
    }

    /// <summary>Makes a decider serve its grain type, so grains can be reached by id (streams deliver that way).</summary>
    public void Register(IDecider decider)
    {
        var adapter = (IDeciderAdapter)decider;
        var registered = _deciders.GetOrAdd(adapter.GrainType, adapter);
        if (!ReferenceEquals(registered, adapter) && registered.GetType() != adapter.GetType())
            throw new InvalidOperationException($"Grain type '{adapter.GrainType}' is already served by {registered.GetType().Name}.");
    }

    /// <summary>Sends a command to a grain by id; its type's decider must be registered.</summary>
    public Task<CommandResult> SendAsync(GrainId id, object command, CommandMeta? meta = null, CancellationToken ct = default) =>
        SendCoreAsync(id, command, meta, ct);

    /// <summary>A reference to the grain of a decider's type with this key; activation happens on first call.</summary>
    public GrainRef<TState, TCommand> GetGrain<TState, TCommand, TEvent>(Decider<TState, TCommand, TEvent> decider, string key)
        where TState : notnull where TCommand : notnull where TEvent : notnull
    {
        Register(decider);
        return new GrainRef<TState, TCommand>(this, new GrainId(decider.GrainType, key));
    }

    internal Task<CommandResult> SendCoreAsync(GrainId id, object command, CommandMeta? meta, CancellationToken ct)
    {
        if (_view is { } view && !view.IsLocal(id))
            return ForwardAsync(view.OwnerOf(id), id, command, meta, ct);
        return SendLocalAsync(id, command, meta, ct);
    }

    private async Task<CommandResult> ForwardAsync(SiloInfo owner, GrainId id, object command, CommandMeta? meta, CancellationToken ct)
    {
        var context = ContextFor(id, meta);
        var (type, json) = DeciderFor(id).SerializeCommand(command);
        var complete = new CommandMeta(context.CommandId, context.Actor, context.CorrelationId, context.CausationId, context.Now);
        return await _transport!.SendAsync(owner, new RemoteCommand(id.ToString(), type, json, complete), ct).ConfigureAwait(false);
    }

    private async Task<CommandResult> SendLocalAsync(GrainId id, object command, CommandMeta? meta, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
        var item = new WorkItem(command, ContextFor(id, meta));
        while (!ActivationFor(id).TryEnqueue(item))
            Retire(id);
        var result = await item.Completion.WaitAsync(ct).ConfigureAwait(false);
        RuntimeMetrics.CountCommand(result);
        return result;
    }

    internal async Task<GrainState<TState>> ReadAsync<TState>(GrainId id, CancellationToken ct)
    {
        if (_view is { } view && !view.IsLocal(id))
        {
            var remote = await _transport!.ReadAsync(view.OwnerOf(id), id, ct).ConfigureAwait(false);
            return new GrainState<TState>((TState)DeciderFor(id).DeserializeState(remote.State), remote.Version);
        }
        var head = await LocalHeadAsync(id, ct).ConfigureAwait(false);
        return new GrainState<TState>((TState)head.State, head.Version);
    }

    private async Task<Activation.Head> LocalHeadAsync(GrainId id, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
        while (true)
        {
            var head = await ActivationFor(id).TryReadAsync().WaitAsync(ct).ConfigureAwait(false);
            if (head is not null)
                return head;
            Retire(id);
        }
    }

    // Handoff: an idle activation of a grain that moved is closed now; a busy one finishes its queue, and new commands already go to the owner.
    private void ReleaseGrainsOwnedElsewhere()
    {
        if (_view is not { } view)
            return;
        foreach (var (id, activation) in _activations)
        {
            if (!view.IsLocal(id) && activation.TryClose(long.MaxValue))
                _activations.TryRemove(new KeyValuePair<GrainId, Activation>(id, activation));
        }
    }

    private IDeciderAdapter DeciderFor(GrainId id) =>
        _deciders.TryGetValue(id.Type, out var decider) ? decider : throw new InvalidOperationException($"No decider serves grain type '{id.Type}'.");

    /// <summary>Deactivates every activation idle for longer than the idle timeout; returns how many went.</summary>
    public int CollectIdle()
    {
        var cutoff = Now - (long)(_options.IdleTimeout.TotalMilliseconds * TimeSpan.TicksPerMillisecond);
        var closed = 0;
        foreach (var (id, activation) in _activations)
        {
            if (activation.TryClose(cutoff) && _activations.TryRemove(new KeyValuePair<GrainId, Activation>(id, activation)))
                closed++;
        }
        return closed;
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
            return;
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _collector.ConfigureAwait(false);
        foreach (var activation in _activations.Values)
            activation.TryClose(long.MaxValue, force: true);
        await Task.WhenAll(_activations.Values.Select(a => a.Stopped)).ConfigureAwait(false);
        _activations.Clear();
        _stopping.Dispose();
    }

    private long Now => _time.GetUtcNow().UtcTicks;

    private Activation ActivationFor(GrainId id)
    {
        if (_activations.TryGetValue(id, out var existing))
            return existing;
        var decider = DeciderFor(id);
        // A racing caller may add its own first; an activation that lost the race never started and is dropped.
        var created = new Activation(id, decider, Store, _options, _time, _logger, OnCommitted);
        var activation = _activations.GetOrAdd(id, created);
        if (ReferenceEquals(activation, created))
            Interlocked.Increment(ref _activationsCreated);
        return activation;
    }

    private void Retire(GrainId id)
    {
        if (_activations.TryGetValue(id, out var activation) && activation.TryClose(long.MinValue))
            _activations.TryRemove(new KeyValuePair<GrainId, Activation>(id, activation));
    }

    private void OnCommitted(CommandResult result)
    {
        try
        {
            Committed?.Invoke(result);
        }
        catch (Exception e)
        {
            _logger.LogError(e, "A Committed handler failed for {Grain}", result.GrainId);
        }
    }

    private CommandContext ContextFor(GrainId id, CommandMeta? meta)
    {
        var commandId = meta?.CommandId ?? Guid.CreateVersion7().ToString("N");
        return new CommandContext(
            id,
            commandId,
            meta?.Actor ?? "system",
            meta?.Now ?? _time.GetUtcNow(),
            meta?.CorrelationId ?? commandId,
            meta?.CausationId);
    }

    private async Task CollectIdleLoopAsync()
    {
        using var timer = new PeriodicTimer(_options.CollectionInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token).ConfigureAwait(false))
            {
                var closed = CollectIdle();
                if (closed > 0)
                    _logger.LogDebug("Deactivated {Count} idle activations", closed);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
