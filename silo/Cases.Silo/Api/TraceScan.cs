using Cases.Journal.Events;
using Cases.Journal.Storage;

namespace Cases.Silo.Api;

/// <summary>Follows causation ids through the global log: an event's causes up to the root, and everything it caused across streams.</summary>
/// <remarks>
/// The store has no index by event id or causation id yet, so this scans the log: one pass to find the event, one pass per
/// cause (each ending at the effect's position), and one forward pass for the effects, whose causes always precede them.
/// Results are capped; an index would make this proportional to the trace instead of the log.
/// </remarks>
internal static class TraceScan
{
    /// <summary>At most this many causes are walked up from the traced event.</summary>
    public const int MaxCauses = 32;

    /// <summary>At most this many effects are returned.</summary>
    public const int MaxEffects = 1000;

    /// <summary>The trace of an event, or null when the log holds no event with that id.</summary>
    public static async Task<ScannedTrace?> TraceAsync(IEventStore store, Guid eventId, CancellationToken ct)
    {
        if (await FindAsync(store, eventId, long.MaxValue, ct) is not { } traced)
            return null;
        var causes = new List<StoredEvent>();
        var current = traced;
        var truncated = false;
        while (CauseOf(current) is { } causeId)
        {
            if (causes.Count == MaxCauses)
            {
                truncated = true;
                break;
            }
            // A cause that is not an event in this log (e.g. a client's own id) ends the walk.
            if (await FindAsync(store, causeId, current.Position, ct) is not { } cause)
                break;
            causes.Add(cause);
            current = cause;
        }
        causes.Reverse();
        var (effects, effectsCut) = await EffectsAsync(store, traced, ct);
        return new ScannedTrace(causes, traced, effects, truncated || effectsCut);
    }

    private static async Task<(List<(int Depth, StoredEvent Event)>, bool Truncated)> EffectsAsync(IEventStore store, StoredEvent traced, CancellationToken ct)
    {
        var depthOf = new Dictionary<Guid, int> { [traced.EventId] = 0 };
        var effects = new List<(int, StoredEvent)>();
        await foreach (var e in store.ReadAllAsync(traced.Position + 1, ct))
        {
            if (CauseOf(e) is not { } cause || !depthOf.TryGetValue(cause, out var depth))
                continue;
            if (effects.Count == MaxEffects)
                return (effects, true);
            effects.Add((depth + 1, e));
            depthOf[e.EventId] = depth + 1;
        }
        return (effects, false);
    }

    private static async Task<StoredEvent?> FindAsync(IEventStore store, Guid eventId, long beforePosition, CancellationToken ct)
    {
        await foreach (var e in store.ReadAllAsync(1, ct))
        {
            if (e.Position >= beforePosition)
                return null;
            if (e.EventId == eventId)
                return e;
        }
        return null;
    }

    private static Guid? CauseOf(StoredEvent e) => Guid.TryParse(e.CausationId, out var id) ? id : null;
}

/// <summary>The stored events of a trace, before they are shown.</summary>
internal sealed record ScannedTrace(
    IReadOnlyList<StoredEvent> Causes, StoredEvent Event, IReadOnlyList<(int Depth, StoredEvent Event)> Effects, bool Truncated)
{
    /// <summary>Every event of the trace, causes first.</summary>
    public IEnumerable<StoredEvent> All => Causes.Append(Event).Concat(Effects.Select(x => x.Event));
}
