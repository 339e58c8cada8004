using System.Text.Json;
using Cases.Domain.ReadModels;
using Cases.Grains.Contracts;
using Cases.Journal.Events;
using Cases.Journal.Storage;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace Cases.Grains.ReadModels;

/// <summary>Hosts one partition of a read model: folds the events the decision streams deliver, in log order, and keeps the state in Orleans grain storage.</summary>
/// <remarks>A batch is acknowledged only after its state is written, so after a crash the queue redelivers from its checkpoint and the partition skips
/// what it applied (every event carries its log position). Nothing reaches a partition before the journal committed it, so it is never ahead of the log.</remarks>
public abstract class ReadModelGrain<TState>(Projection projection, IPersistentState<TState> state, IEventStore store)
    : Grain, IReadModelGrain, IStreamSubscriptionObserver, IAsyncBatchObserver<StoredEvent>
    where TState : ReadModelState, new()
{
    private const int MaxConflictRetries = 8;
    private static readonly JsonSerializerOptions Canonical = new(JsonSerializerDefaults.Web);
    private bool _unsaved;

    /// <summary>The partition's current state.</summary>
    protected TState State => state.State;

    /// <summary>The partition's key.</summary>
    protected string Partition => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public Task<ReadModelState> GetState() => Task.FromResult<ReadModelState>(State);

    /// <summary>Resumes the implicit subscription: the partition's deliveries arrive on the stream named like it.</summary>
    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<StoredEvent>().ResumeAsync(this);

    /// <summary>Folds a batch of delivered events and writes the state before the batch counts as delivered.</summary>
    public async Task OnNextAsync(IList<SequentialItem<StoredEvent>> items)
    {
        var events = items.Select(i => i.Item).ToList();
        for (var attempt = 1; ; attempt++)
        {
            var changed = false;
            foreach (var e in events)
                changed |= projection.Fold(State, Partition, e);
            if (!changed && !_unsaved)
                return;
            try
            {
                await SaveAsync();
                return;
            }
            catch (InconsistentStateException) when (attempt < MaxConflictRetries)
            {
                // Another activation of this partition wrote first (Orleans' directory is eventually consistent): fold onto what it wrote.
                await state.ReadStateAsync();
            }
        }
    }

    /// <inheritdoc />
    public Task OnCompletedAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task<bool> Rebuilt(ReadModelState rebuilt, bool compareOnly)
    {
        var candidate = (TState)rebuilt;
        var live = State;
        // Whichever of the two has read less of the log folds the rest, so both describe the same prefix of it.
        if (live.AppliedThrough > candidate.AppliedThrough)
            await CatchUpAsync(candidate, live.AppliedThrough);
        else if (compareOnly)
            await CatchUpAsync(live = Copy(live), candidate.AppliedThrough);
        var same = Json(candidate) == Json(live);
        if (!compareOnly && !same)
        {
            state.State = candidate;
            await SaveAsync();
        }
        return same;
    }

    private async Task SaveAsync()
    {
        _unsaved = true;
        await state.WriteStateAsync();
        _unsaved = false;
    }

    private async Task CatchUpAsync(TState target, long through)
    {
        var after = target.AppliedThrough;
        while (after < through)
        {
            var page = await store.ReadLogAsync(after, projection.EventTypes, 512);
            foreach (var e in page.Events.Where(e => e.Position <= through && projection.Matches(e) && projection.PartitionsOf(e).Contains(Partition)))
                projection.Fold(target, Partition, e);
            if (page.ScannedThrough <= after)
                break;
            after = page.ScannedThrough;
        }
        target.AppliedThrough = Math.Max(target.AppliedThrough, Math.Min(through, after));
    }

    private static TState Copy(TState value) => JsonSerializer.Deserialize<TState>(JsonSerializer.Serialize(value, Canonical), Canonical)!;

    // Two folds of the same events agree in everything but how far they say they read (the last event of theirs, or the log's end).
    private static string Json(TState value)
    {
        var node = JsonSerializer.SerializeToNode(value, Canonical)!.AsObject();
        node.Remove("appliedThrough");
        return node.ToJsonString();
    }
}
