using Cases.Journal.Events;

namespace Cases.Domain.Deciders;

/// <summary>Maps one event type of one grain type to the commands it causes in other grains.</summary>
public sealed class Subscription
{
    private readonly Func<StoredEvent, IEnumerable<Delivery>> _route;

    private Subscription(string name, string sourceGrainType, string eventType, Func<StoredEvent, IEnumerable<Delivery>> route)
    {
        Name = name;
        SourceGrainType = sourceGrainType;
        EventType = eventType;
        _route = route;
    }

    /// <summary>Stable name; delivered command ids derive from it and the event id, so it must never be reused for another mapping.</summary>
    public string Name { get; }

    public string SourceGrainType { get; }

    public string EventType { get; }

    /// <summary>Subscribes to <typeparamref name="TSpecific"/> events of the source decider's grains.</summary>
    public static Subscription On<TState, TCommand, TEvent, TSpecific>(
        string name,
        Decider<TState, TCommand, TEvent> source,
        Func<StoredEvent, TSpecific, IEnumerable<Delivery>> route)
        where TState : notnull where TCommand : notnull where TEvent : notnull where TSpecific : TEvent
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new Subscription(name, source.GrainType, source.Events.NameOf<TSpecific>(),
            stored => route(stored, (TSpecific)source.Deserialize(stored)));
    }

    /// <summary>Whether this subscription wants the stored event.</summary>
    public bool Matches(StoredEvent e) =>
        e.EventType == EventType && e.StreamId.Length > SourceGrainType.Length && e.StreamId[SourceGrainType.Length] == '/' &&
        e.StreamId.StartsWith(SourceGrainType, StringComparison.Ordinal);

    public IEnumerable<Delivery> Route(StoredEvent e) => _route(e);

    /// <summary>The id of the command delivered for an event: the same on every redelivery, so the target's inbox drops repeats.</summary>
    public string CommandIdFor(StoredEvent e) => $"{Name}:{e.EventId:N}";
}
