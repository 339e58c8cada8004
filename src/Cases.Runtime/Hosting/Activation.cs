using System.Threading.Channels;
using Cases.Runtime.Events;
using Cases.Runtime.Grains;
using Cases.Runtime.Storage;
using Microsoft.Extensions.Logging;

namespace Cases.Runtime.Hosting;

/// <summary>The one in-memory instance of a grain in this silo: a mailbox decided one command at a time, persisted by conditional appends.</summary>
internal sealed class Activation
{
    private readonly Channel<WorkItem> _mailbox = Channel.CreateUnbounded<WorkItem>(new() { SingleReader = true });
    private readonly Lock _gate = new();
    private readonly IDeciderAdapter _decider;
    private readonly IEventStore _store;
    private readonly RuntimeOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Action<CommandResult> _committed;
    private readonly RecentOutcomes _recent;
    private Task<Head>? _loading;
    private Task? _loop;
    private Head? _head;
    private bool _closed;
    private int _queued;
    private long _lastUsed;
    private long _lastSnapshotVersion;

    public Activation(GrainId id, IDeciderAdapter decider, IEventStore store, RuntimeOptions options, TimeProvider time, ILogger logger, Action<CommandResult> committed)
    {
        _committed = committed;
        Id = id;
        _time = time;
        _decider = decider;
        _store = store;
        _options = options;
        _logger = logger;
        _recent = new RecentOutcomes(options.RecentOutcomesPerActivation);
        _lastUsed = time.GetUtcNow().UtcTicks;
    }

    public GrainId Id { get; }

    /// <summary>Completes when the mailbox loop has ended after close.</summary>
    public Task Stopped => _loop ?? Task.CompletedTask;

    /// <summary>Queues a command; false if this activation was closed and a new one must be made.</summary>
    public bool TryEnqueue(WorkItem item)
    {
        lock (_gate)
        {
            if (_closed)
                return false;
            _queued++;
            _lastUsed = _time.GetUtcNow().UtcTicks;
            _loop ??= Task.Run(RunAsync);
        }
        _mailbox.Writer.TryWrite(item);
        return true;
    }

    /// <summary>The committed state; may interleave with a turn in progress (read-only).</summary>
    public async Task<Head?> TryReadAsync()
    {
        lock (_gate)
        {
            if (_closed)
                return null;
            _lastUsed = _time.GetUtcNow().UtcTicks;
        }
        return await EnsureLoadedAsync().ConfigureAwait(false);
    }

    /// <summary>Closes the activation if nothing is queued and it was last used before the cutoff (or always, when forced).</summary>
    public bool TryClose(long idleBefore, bool force = false)
    {
        lock (_gate)
        {
            if (_closed)
                return true;
            if (!force && (_queued > 0 || _lastUsed > idleBefore))
                return false;
            _closed = true;
        }
        _mailbox.Writer.TryComplete();
        return true;
    }

    private async Task RunAsync()
    {
        var batch = new List<WorkItem>(_options.MaxCommandsPerTurn);
        var reader = _mailbox.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < _options.MaxCommandsPerTurn && reader.TryRead(out var item))
                batch.Add(item);
            try
            {
                await ProcessTurnAsync(batch).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                _logger.LogError(e, "Turn of {Grain} failed", Id);
                foreach (var item in batch)
                    item.Fail(e);
            }
            lock (_gate)
                _queued -= batch.Count;
            batch.Clear();
        }
    }

    private async Task ProcessTurnAsync(List<WorkItem> batch)
    {
        Head head;
        try
        {
            head = await EnsureLoadedAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            foreach (var item in batch)
                item.Fail(e);
            return;
        }

        var pending = batch;
        for (var conflicts = 0; pending.Count > 0;)
        {
            var round = DecideRound(head, pending);
            if (round.Count > 0)
            {
                var result = await AppendAsync(head, round).ConfigureAwait(false);
                switch (result)
                {
                    case AppendResult.Committed committed:
                        head = Commit(head, round, committed);
                        break;
                    case AppendResult.Conflict:
                        if (++conflicts > _options.MaxConflictRetries)
                            FailAll(round, new ConcurrencyException($"{Id} lost {conflicts} version races in a row."));
                        head = await ReloadAsync(head).ConfigureAwait(false);
                        break;
                    case AppendResult.Duplicate duplicate:
                        await AnswerDuplicatesAsync(head, round, duplicate).ConfigureAwait(false);
                        head = await ReloadAsync(head).ConfigureAwait(false);
                        break;
                    case null:
                        break; // the store failed; every item of the round was failed with its error
                }
            }
            pending = pending.Where(i => !i.IsDone).ToList();
        }
    }

    // Decides queued commands one after another, each on the state its predecessors left.
    private List<Decided> DecideRound(Head head, List<WorkItem> pending)
    {
        var round = new List<Decided>(pending.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var state = head.State;
        foreach (var item in pending)
        {
            var commandId = item.Context.CommandId;
            if (_recent.TryGet(commandId, out var earlier))
            {
                item.Complete(earlier with { IsRetry = true });
                continue;
            }
            if (!seen.Add(commandId))
                continue; // the same id twice in one turn: the second waits for the first's outcome
            try
            {
                var outcome = _decider.Decide(state, item.Command, item.Context);
                if (outcome.Rejection is null)
                    state = outcome.State;
                round.Add(new Decided(item, outcome, state));
            }
            catch (Exception e)
            {
                item.Fail(e);
            }
        }
        return round;
    }

    private async Task<AppendResult?> AppendAsync(Head head, List<Decided> round)
    {
        var commands = round.Select(d => new CommandAppend(d.Item.Context.CommandId, ToPending(d), d.Outcome.Rejection)).ToList();
        try
        {
            return await _store.AppendAsync(new AppendRequest(Id.StreamId, head.Version, commands)).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            FailAll(round, e);
            return null;
        }
    }

    private static List<PendingEvent> ToPending(Decided d)
    {
        var c = d.Item.Context;
        return d.Outcome.Events
            .Select(e => new PendingEvent(Guid.CreateVersion7(c.Now), e.Type, e.SchemaVersion, e.Payload, c.Now, c.Actor, c.CommandId, c.CausationId, c.CorrelationId))
            .ToList();
    }

    private Head Commit(Head head, List<Decided> round, AppendResult.Committed committed)
    {
        var version = head.Version;
        for (var i = 0; i < round.Count; i++)
        {
            var events = committed.EventsByCommand[i];
            if (events.Count > 0)
                version = events[^1].Version;
            var result = new CommandResult(Id, round[i].Item.Context.CommandId, round[i].Outcome.Rejection, version, events, false);
            _recent.Add(result);
            round[i].Item.Complete(result);
            if (events.Count > 0)
                _committed(result);
        }
        var next = new Head(round[^1].StateAfter, committed.Version);
        Volatile.Write(ref _head, next);
        MaybeSnapshot(next);
        return next;
    }

    private async Task AnswerDuplicatesAsync(Head head, List<Decided> round, AppendResult.Duplicate duplicate)
    {
        foreach (var outcome in duplicate.Outcomes)
        {
            var decided = round.FirstOrDefault(d => d.Item.Context.CommandId == outcome.CommandId);
            if (decided is null)
                continue;
            var events = new List<StoredEvent>();
            if (outcome.HasEvents)
            {
                await foreach (var e in _store.ReadStreamAsync(Id.StreamId, outcome.FirstVersion, outcome.LastVersion).ConfigureAwait(false))
                    events.Add(e);
            }
            var version = outcome.HasEvents ? outcome.LastVersion : head.Version;
            var result = new CommandResult(Id, outcome.CommandId, outcome.Rejection, version, events, true);
            _recent.Add(result);
            decided.Item.Complete(result);
        }
    }

    private Task<Head> EnsureLoadedAsync()
    {
        if (Volatile.Read(ref _head) is { } head)
            return Task.FromResult(head);
        lock (_gate)
        {
            if (_loading is null || _loading.IsFaulted || _loading.IsCanceled)
                _loading = LoadAsync();
            return _loading;
        }
    }

    private async Task<Head> LoadAsync()
    {
        var head = new Head(_decider.Initial, 0);
        var start = await _store.LoadStartAsync(Id.StreamId).ConfigureAwait(false);
        if (start.Snapshot is { } snapshot && snapshot.StateSchemaVersion == _decider.StateSchemaVersion)
        {
            head = new Head(_decider.DeserializeState(snapshot.State), snapshot.Version);
            _lastSnapshotVersion = snapshot.Version;
        }
        // A new grain (the common case at intake) needs no second read.
        head = start.Version > head.Version ? await ReloadAsync(head).ConfigureAwait(false) : head;
        Volatile.Write(ref _head, head);
        MaybeSnapshot(head);
        return head;
    }

    // Folds the events appended after the head; after a lost race these are the winner's.
    private async Task<Head> ReloadAsync(Head head)
    {
        var state = head.State;
        var version = head.Version;
        await foreach (var e in _store.ReadStreamAsync(Id.StreamId, version + 1, long.MaxValue).ConfigureAwait(false))
        {
            state = _decider.Evolve(state, e);
            version = e.Version;
        }
        var next = new Head(state, version);
        Volatile.Write(ref _head, next);
        return next;
    }

    private void MaybeSnapshot(Head head)
    {
        if (_options.SnapshotEvery <= 0 || head.Version - _lastSnapshotVersion < _options.SnapshotEvery)
            return;
        _lastSnapshotVersion = head.Version;
        var snapshot = new Snapshot(Id.StreamId, head.Version, _decider.StateSchemaVersion, _decider.SerializeState(head.State), _time.GetUtcNow());
        _ = SaveSnapshotAsync(snapshot);
    }

    // A lost snapshot only costs a longer replay at the next activation, so it never fails a command.
    private async Task SaveSnapshotAsync(Snapshot snapshot)
    {
        try
        {
            await _store.SaveSnapshotAsync(snapshot).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "Snapshot of {Grain} at version {Version} was not stored", Id, snapshot.Version);
        }
    }

    private static void FailAll(List<Decided> round, Exception e)
    {
        foreach (var d in round)
            d.Item.Fail(e);
    }

    /// <summary>A committed state and the version it reflects.</summary>
    internal sealed record Head(object State, long Version);

    private sealed record Decided(WorkItem Item, DecisionOutcome Outcome, object StateAfter);
}
