using Cases.Domain;
using Cases.Domain.Deciders;
using Cases.Grains.Contracts;
using Cases.Grains.Streams;
using Cases.Journal.Events;
using Cases.Journal.Storage;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Concurrency;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace Cases.Grains.Journaling;

/// <summary>An Orleans grain hosting a pure decider whose persistence is the journal: a turn decides every queued command one after another and commits them in one conditional append.</summary>
/// <remarks>
/// Reentrant so that calls queue here instead of in Orleans: a hot grain commits many commands per durable write. All state is touched only on the
/// grain's own scheduler. A version conflict (a duplicate activation elsewhere wrote first) reloads the tail and re-decides; nothing is overwritten.
/// Grains that are targets of decision streams receive their deliveries through the same queue, as commands with their inbox ids.
/// </remarks>
[Reentrant]
public abstract class DeciderGrain<TState, TCommand, TEvent> : Grain, IDeciderGrain<TState, TCommand>, IStreamSubscriptionObserver, IAsyncBatchObserver<DecisionDelivery>
    where TState : notnull
    where TCommand : notnull
    where TEvent : notnull
{
    private readonly Decider<TState, TCommand, TEvent> _decider;
    private readonly GrainJournal _journal;
    private readonly ILogger _logger;
    private readonly Queue<PendingCommand> _queue = new();
    private readonly RecentOutcomes _recent;
    private readonly HeldDeliveries _held = new();
    private bool _turning;
    private Head? _head;
    private Task<Head>? _loading;
    private readonly SnapshotSchedule _snapshots;
    private readonly CityCalendar _calendar;
    private GrainKey _key;

    protected DeciderGrain(Decider<TState, TCommand, TEvent> decider, CityCalendar calendar, GrainJournal journal)
    {
        _decider = decider;
        _calendar = calendar;
        _journal = journal;
        _logger = journal.Logger(decider.GrainType);
        _recent = new RecentOutcomes(journal.Options.RecentOutcomes);
        _snapshots = new SnapshotSchedule(journal.Options.SnapshotEvery);
    }

    private JournalOptions Options => _journal.Options;

    private IEventStore Store => _journal.Store;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = new GrainKey(_decider.GrainType, this.GetPrimaryKeyString());
        _journal.Activity.Activated();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _journal.Activity.Deactivated();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<CommandResult> Execute(TCommand command, CommandMeta? meta = null) => Enqueue(command, meta, isDelivery: false);

    /// <inheritdoc />
    public async Task<CommittedState<TState>> GetState()
    {
        var head = await EnsureLoadedAsync();
        return new CommittedState<TState>(head.State, head.Version);
    }

    /// <summary>Resumes the implicit subscription of a decision-stream target.</summary>
    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<DecisionDelivery>().ResumeAsync(this);

    /// <summary>Applies a batch of deliveries in order; if any fails the agent redelivers the batch and the inbox drops what already landed.</summary>
    public async Task OnNextAsync(IList<SequentialItem<DecisionDelivery>> items)
    {
        var results = await Task.WhenAll(items.Select(i => DeliverAsync(i.Item)));
        for (var i = 0; i < results.Length; i++)
            LogIfRejected(items[i].Item, results[i]);
    }

    // Async so the delivery's activity is current for its own command only (the caller's is restored on return); the commands still queue in order.
    private async Task<CommandResult> DeliverAsync(DecisionDelivery delivery)
    {
        using var activity = CasesTracing.StartDelivery(delivery, _decider.GrainType);
        if (delivery.Command is not TCommand command)
            throw new InvalidOperationException($"A {delivery.Command.GetType().Name} is not a command of grain type '{_decider.GrainType}'.");
        return await Enqueue(command, delivery.Meta, isDelivery: true);
    }

    // A rejected delivery is final (the stream moves on), so it is at least told to whoever watches the logs.
    private void LogIfRejected(DecisionDelivery delivery, CommandResult result)
    {
        if (result.Rejection is { } rejection && !result.IsRetry)
        {
            _logger.LogWarning("Delivery {CommandId} of {Command} to {Grain} was rejected with {Code}: {Reason}",
                result.CommandId, delivery.Command.GetType().Name, _key, rejection.Code, rejection.Message);
        }
    }

    /// <inheritdoc />
    public Task OnCompletedAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public Task OnErrorAsync(Exception ex)
    {
        _logger.LogWarning(ex, "Decision stream of {Grain} reported an error", _key);
        return Task.CompletedTask;
    }

    private Task<CommandResult> Enqueue(TCommand? command, CommandMeta? meta, bool isDelivery)
    {
        var item = new PendingCommand(command, ContextFor(meta), isDelivery);
        _queue.Enqueue(item);
        if (!_turning)
        {
            _turning = true;
            _ = RunTurnsAsync();
        }
        return item.Completion;
    }

    // One turn at a time; each takes everything queued so far, up to the turn limit.
    private async Task RunTurnsAsync()
    {
        var batch = new List<PendingCommand>(Options.MaxCommandsPerTurn);
        try
        {
            while (_queue.Count > 0)
            {
                while (batch.Count < Options.MaxCommandsPerTurn && _queue.TryDequeue(out var item))
                    batch.Add(item);
                try
                {
                    await ProcessTurnAsync(batch);
                }
                catch (Exception e)
                {
                    _logger.LogError(e, "Turn of {Grain} failed", _key);
                    foreach (var item in batch.Where(IsOpen))
                        Fail(item, e);
                }
                batch.Clear();
                if (_held.Count > 0)
                {
                    _logger.LogWarning("{Count} decision deliveries to {Grain} did not land; retrying in {Delay}", _held.Count, _key, _held.Delay);
                    await _held.RequeueAsync(_queue);
                }
            }
        }
        finally
        {
            _turning = false;
        }
    }

    private async Task ProcessTurnAsync(List<PendingCommand> batch)
    {
        var head = await EnsureLoadedAsync();
        var pending = batch;
        for (var conflicts = 0; pending.Count > 0;)
        {
            var round = DecideRound(head, pending);
            if (round.Count > 0)
            {
                switch (await AppendAsync(head, round))
                {
                    case AppendResult.Committed committed:
                        head = Commit(head, round, committed);
                        break;
                    case AppendResult.Conflict:
                        if (++conflicts > Options.MaxConflictRetries)
                            FailAll(round, new ConcurrencyException($"{_key} lost {conflicts} version races in a row."));
                        head = await ReloadAsync(head);
                        break;
                    case AppendResult.Duplicate duplicate:
                        await AnswerDuplicatesAsync(head, round, duplicate);
                        head = await ReloadAsync(head);
                        break;
                    case null:
                        break; // the store failed; every command of the round was failed with its error
                }
            }
            pending = pending.Where(IsOpen).ToList();
        }
    }

    // Decides queued commands one after another, each on the state its predecessors left.
    private List<Decided> DecideRound(Head head, List<PendingCommand> pending)
    {
        var round = new List<Decided>(pending.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var state = head.State;
        foreach (var item in pending)
        {
            try
            {
                var fingerprint = item.Fingerprint ??= CommandFingerprint.Of(item.Command!, item.Context.Actor, _decider.Json);
                if (_recent.TryGet(item.Context.CommandId, out var earlier, out var earlierFingerprint))
                {
                    Answer(item, CommandFingerprint.Matches(earlierFingerprint, fingerprint) ? earlier with { IsRetry = true } : Reused(item, head));
                    continue;
                }
                if (!seen.Add(item.Context.CommandId))
                    continue; // the same id twice in one turn: the second waits for the first's outcome
                var decided = Decide(state, item);
                state = decided.StateAfter; // only once the whole decision folded: a throwing command leaves no trace on its successors
                round.Add(decided);
            }
            catch (Exception e)
            {
                Fail(item, e);
            }
        }
        return round;
    }

    private Decided Decide(TState state, PendingCommand item)
    {
        var decision = _decider.Decide(state, (TCommand)item.Command!, item.Context);
        var events = new List<(string Type, int SchemaVersion, string Payload)>(decision.Events.Count);
        foreach (var e in decision.Events)
        {
            state = _decider.Evolve(state, e);
            events.Add(_decider.Events.Serialize(e));
        }
        return new Decided(item, events, decision.Rejection, state);
    }

    // A command id first used for another command: refused with nothing of the first outcome, and nothing recorded.
    private CommandResult Reused(PendingCommand item, Head head) => new(_key, item.Context.CommandId,
        new Journal.Rejection(CommandRejections.IdempotencyKeyReused, $"The command id {item.Context.CommandId} was already used for another request; send a new one."),
        head.Version, [], false);

    private async Task<AppendResult?> AppendAsync(Head head, List<Decided> round)
    {
        var commands = round.Select(d => new CommandAppend(d.Item.Context.CommandId, ToPending(d), d.Rejection, d.Item.Fingerprint)).ToList();
        try
        {
            return await Store.AppendAsync(new AppendRequest(_key.StreamId, head.Version, commands));
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
        return d.Events
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
            var result = new CommandResult(_key, round[i].Item.Context.CommandId, round[i].Rejection, version, events, false);
            _recent.Add(result, round[i].Item.Fingerprint);
            Answer(round[i].Item, result);
            if (events.Count > 0)
                _journal.Tail.Committed(events, round[i].Item.TraceParent);
        }
        _held.Committed();
        _snapshots.Folded(committed.EventsByCommand.Sum(events => events.Sum(e => (long)e.Payload.Length)));
        var next = new Head(round[^1].StateAfter, committed.Version);
        _head = next;
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
            if (!CommandFingerprint.Matches(outcome.Fingerprint, decided.Item.Fingerprint!))
            {
                Answer(decided.Item, Reused(decided.Item, head));
                continue;
            }
            var events = new List<StoredEvent>();
            if (outcome.HasEvents)
            {
                await foreach (var e in Store.ReadStreamAsync(_key.StreamId, outcome.FirstVersion, outcome.LastVersion))
                    events.Add(e);
            }
            var result = new CommandResult(_key, outcome.CommandId, outcome.Rejection, outcome.HasEvents ? outcome.LastVersion : head.Version, events, true);
            _recent.Add(result, outcome.Fingerprint);
            Answer(decided.Item, result);
        }
    }

    private void Answer(PendingCommand item, CommandResult result)
    {
        item.Complete(result);
        _journal.Activity.OnAnswered(result);
    }

    private Task<Head> EnsureLoadedAsync()
    {
        if (_head is { } head)
            return Task.FromResult(head);
        if (_loading is null || _loading.IsFaulted || _loading.IsCanceled)
            _loading = LoadAsync();
        return _loading;
    }

    // Activation cost does not grow with history: the latest snapshot, then only the events after it.
    private async Task<Head> LoadAsync()
    {
        var head = new Head(_decider.Initial, 0);
        var start = await Store.LoadStartAsync(_key.StreamId);
        if (start.Snapshot is { } snapshot && snapshot.StateSchemaVersion == _decider.StateSchemaVersion)
        {
            head = new Head(_decider.DeserializeState(snapshot.State), snapshot.Version);
            _snapshots.Loaded(snapshot.Version, snapshot.State.Length);
        }
        // A new grain (the common case at intake) needs no second read.
        head = start.Version > head.Version ? await ReloadAsync(head) : head;
        _head = head;
        MaybeSnapshot(head);
        return head;
    }

    // Folds the events appended after the head; after a lost race these are the winner's.
    private async Task<Head> ReloadAsync(Head head)
    {
        var state = head.State;
        var version = head.Version;
        await foreach (var e in Store.ReadStreamAsync(_key.StreamId, version + 1, long.MaxValue))
        {
            state = _decider.Evolve(state, _decider.Deserialize(e));
            version = e.Version;
            _snapshots.Folded(e.Payload.Length);
        }
        var next = new Head(state, version);
        _head = next;
        return next;
    }

    private void MaybeSnapshot(Head head)
    {
        if (_snapshots.TryTake(head.Version))
            _ = SaveSnapshotAsync(head);
    }

    // A lost snapshot only costs a longer replay at the next activation, so it never fails a command.
    private async Task SaveSnapshotAsync(Head head)
    {
        try
        {
            // States are immutable, so a large one serializes on the thread pool while the grain goes on deciding.
            var state = await Task.Run(() => _decider.SerializeState(head.State));
            _snapshots.Written(state.Length);
            await Store.SaveSnapshotAsync(new Snapshot(_key.StreamId, head.Version, _decider.StateSchemaVersion, state, _journal.Time.GetUtcNow()));
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "Snapshot of {Grain} at version {Version} was not stored", _key, head.Version);
        }
    }

    private CommandContext ContextFor(CommandMeta? meta)
    {
        var commandId = meta?.CommandId ?? Guid.CreateVersion7().ToString("N");
        return new CommandContext(_key, commandId, meta?.Actor ?? "system", meta?.Now ?? _journal.Time.GetUtcNow(), meta?.CorrelationId ?? commandId, meta?.CausationId, _calendar);
    }

    private void FailAll(List<Decided> round, Exception e)
    {
        foreach (var d in round)
            Fail(d.Item, e);
    }

    // A command from a caller fails back to it (503, 409…); a delivery is held and retried, so no decision is dropped however long this grain fails.
    private void Fail(PendingCommand item, Exception e)
    {
        if (!item.IsDelivery)
        {
            item.Fail(e);
            return;
        }
        _held.Hold(item);
        _logger.LogDebug(e, "Delivery {CommandId} to {Grain} failed", item.Context.CommandId, _key);
    }

    // Neither answered, failed nor held: still to be decided in this turn.
    private bool IsOpen(PendingCommand item) => !item.IsDone && !_held.Holds(item);

    private sealed record Head(TState State, long Version);

    private sealed record Decided(PendingCommand Item, IReadOnlyList<(string Type, int SchemaVersion, string Payload)> Events, Journal.Rejection? Rejection, TState StateAfter);
}
