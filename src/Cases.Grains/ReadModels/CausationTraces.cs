using Cases.Domain.ReadModels;
using Cases.Grains.Contracts;
using Cases.Journal.Events;
using Cases.Journal.Storage;
using Orleans;

namespace Cases.Grains.ReadModels;

/// <summary>Follows the causation index: an event's causes up to the root and everything it caused across cases, with no cap.</summary>
/// <remarks>Cost: one index call per cause, one per partition per level of effects, and one stream read per event found; nothing scans the log.</remarks>
public static class CausationTraces
{
    private static readonly TimeSpan IndexLag = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RecentEvent = TimeSpan.FromSeconds(10);

    /// <summary>The trace of an event, or null when the index holds no event with that id.</summary>
    public static async Task<StoredTrace?> TraceAsync(IGrainFactory grains, IEventStore store, Guid eventId, CancellationToken ct = default)
    {
        if (await FindNewAsync(grains, eventId, ct) is not { } traced)
            return null;
        var causes = new List<IndexedEvent>();
        var seen = new HashSet<Guid> { eventId };
        for (var current = traced; current.CausedBy is { } cause && seen.Add(cause);)
        {
            // A cause that is no event of this log (a client's own id) ends the walk.
            if ((await FindAsync(grains, [cause])).SingleOrDefault() is not { } found)
                break;
            causes.Add(found);
            current = found;
        }
        causes.Reverse();
        var effects = new List<(int Depth, IndexedEvent Event)>();
        var frontier = traced.Effects.Where(seen.Add).ToList();
        for (var depth = 1; frontier.Count > 0; depth++)
        {
            var level = await FindAsync(grains, frontier);
            effects.AddRange(level.Select(e => (depth, e)));
            frontier = level.SelectMany(e => e.Effects).Where(seen.Add).ToList();
        }
        effects.Sort((a, b) => a.Event.Position.CompareTo(b.Event.Position));
        return new StoredTrace(
            await LoadAsync(store, causes, ct),
            (await LoadAsync(store, [traced], ct))[0],
            (await LoadAsync(store, effects.Select(x => x.Event).ToList(), ct)).Select((e, i) => (effects[i].Depth, e)).ToList());
    }

    // The index follows the journal by milliseconds: an event whose id says it was made seconds ago may not be in it yet, so it is waited for briefly.
    private static async Task<IndexedEvent?> FindNewAsync(IGrainFactory grains, Guid eventId, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow + IndexLag;
        while (true)
        {
            if ((await FindAsync(grains, [eventId])).SingleOrDefault() is { } found)
                return found;
            if (eventId.Version != 7 || DateTimeOffset.UtcNow > deadline || DateTimeOffset.UtcNow - CausationIndex.CreatedAt(eventId) > RecentEvent)
                return null;
            await Task.Delay(20, ct);
        }
    }


    /// <summary>The indexed events among <paramref name="eventIds"/> by id; an id that is no event of this log (a client's own causation id) is left out.</summary>
    public static async Task<IReadOnlyDictionary<Guid, IndexedEvent>> FindEventsAsync(IGrainFactory grains, IEnumerable<Guid> eventIds) =>
        (await FindAsync(grains, eventIds.Distinct().ToList())).ToDictionary(e => e.EventId);

    private static async Task<List<IndexedEvent>> FindAsync(IGrainFactory grains, IReadOnlyList<Guid> ids)
    {
        var found = await Task.WhenAll(ids.GroupBy(CausationIndex.PartitionOf, StringComparer.Ordinal)
            .Select(g => grains.GetGrain<ICausationIndexGrain>(g.Key).Find(g.ToList())));
        return found.SelectMany(f => f).ToList();
    }

    private static async Task<List<StoredEvent>> LoadAsync(IEventStore store, IReadOnlyList<IndexedEvent> indexed, CancellationToken ct)
    {
        var loaded = new List<StoredEvent>(indexed.Count);
        foreach (var i in indexed)
        {
            await foreach (var e in store.ReadStreamAsync(i.StreamId, i.Version, i.Version, ct))
                loaded.Add(e);
        }
        if (loaded.Count != indexed.Count)
            throw new InvalidOperationException("The causation index names an event the journal does not hold.");
        return loaded;
    }
}

/// <summary>The stored events of a trace: its causes from the root, the traced event, and its effects by log position with their depth.</summary>
public sealed record StoredTrace(IReadOnlyList<StoredEvent> Causes, StoredEvent Event, IReadOnlyList<(int Depth, StoredEvent Event)> Effects)
{
    /// <summary>Every event of the trace, causes first.</summary>
    public IEnumerable<StoredEvent> All => Causes.Append(Event).Concat(Effects.Select(x => x.Event));
}
