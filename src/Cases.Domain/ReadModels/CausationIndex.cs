using Cases.Journal.Events;

namespace Cases.Domain.ReadModels;

/// <summary>The causation index: every event by id, with its cause and its effects, so a trace costs in proportion to what it finds.</summary>
/// <remarks>Event ids are UUIDv7, so partitions are seconds of creation time: the current second's partition grows while older ones stay still,
/// and an effect (created with its cause's time) usually lands in its cause's partition.</remarks>
public sealed class CausationIndex : Projection<CausationIndexState>
{
    /// <summary>The grain type of the index's partitions.</summary>
    public const string GrainType = "causation-index";

    public CausationIndex(Programme programme) => OnEveryEvent(programme);

    /// <inheritdoc />
    public override string Name => GrainType;

    /// <summary>The partition that holds an event id.</summary>
    public static string PartitionOf(Guid eventId)
    {
        if (eventId.Version != 7)
            return "x" + eventId.ToString("N")[..2];
        return "s" + CreatedAt(eventId).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>When a UUIDv7 was made: its first 48 bits are Unix milliseconds.</summary>
    public static DateTimeOffset CreatedAt(Guid v7) => DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(v7.ToString("N")[..12], 16));

    /// <inheritdoc />
    public override IEnumerable<string> PartitionsOf(StoredEvent e)
    {
        var own = PartitionOf(e.EventId);
        yield return own;
        if (CauseOf(e) is { } cause && PartitionOf(cause) is var other && other != own)
            yield return other;
    }

    /// <inheritdoc />
    protected override void Apply(CausationIndexState state, string partition, StoredEvent e)
    {
        var cause = CauseOf(e);
        if (PartitionOf(e.EventId) == partition)
            state.Events[e.EventId] = new IndexedEvent { EventId = e.EventId, StreamId = e.StreamId, Version = e.Version, Position = e.Position, CausedBy = cause };
        // A causation id that is no event of this log (a client's own id) links nothing.
        if (cause is { } c && PartitionOf(c) == partition && state.Events.TryGetValue(c, out var causing))
            causing.Effects.Add(e.EventId);
    }

    private static Guid? CauseOf(StoredEvent e) => Guid.TryParse(e.CausationId, out var id) && id != e.EventId ? id : null;
}
