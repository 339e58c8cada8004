using System.Text.Json;
using Cases.Journal.Events;

namespace Cases.Domain.Deciders;

/// <summary>Any decider, whatever its state, command and event types: what the programme lists and auditors replay by grain type.</summary>
public interface IDecider
{
    /// <summary>The grain type part of the ids of this decider's grains.</summary>
    string GrainType { get; }

    /// <summary>The stored names of every event type of this grain type.</summary>
    IReadOnlyCollection<string> EventTypeNames { get; }
}

/// <summary>A grain type as a pure decider: <c>Decide(state, command, context)</c> and <c>Evolve(state, event)</c>, deterministic and free of I/O.</summary>
/// <remarks>States must be immutable: reads see the committed state while a turn decides on its successor.</remarks>
public abstract class Decider<TState, TCommand, TEvent> : IDecider
    where TState : notnull
    where TCommand : notnull
    where TEvent : notnull
{
    private readonly Lazy<EventTypeRegistry<TEvent>> _events;

    protected Decider()
    {
        _events = new Lazy<EventTypeRegistry<TEvent>>(() =>
        {
            var registry = new EventTypeRegistry<TEvent>(Json);
            RegisterEvents(registry);
            return registry;
        });
    }

    /// <summary>The grain type part of the ids of this decider's grains.</summary>
    public abstract string GrainType { get; }

    /// <summary>The state of a grain with no events.</summary>
    public abstract TState Initial { get; }

    /// <summary>Bump when the state's shape changes so that older snapshots are ignored and history is replayed.</summary>
    public virtual int StateSchemaVersion => 1;

    /// <summary>The JSON settings for payloads and snapshots.</summary>
    public virtual JsonSerializerOptions Json => DefaultJson;

    /// <summary>The stored names, schema versions and upcasters of this grain type's events.</summary>
    public EventTypeRegistry<TEvent> Events => _events.Value;

    /// <inheritdoc />
    public IReadOnlyCollection<string> EventTypeNames => Events.Names;

    private static JsonSerializerOptions DefaultJson { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>The events a command causes on a state, or why it is refused.</summary>
    public abstract Decision<TEvent> Decide(TState state, TCommand command, CommandContext context);

    /// <summary>The state after one event.</summary>
    public abstract TState Evolve(TState state, TEvent @event);

    protected abstract void RegisterEvents(EventTypeRegistry<TEvent> events);

    /// <summary>A subscription that turns this grain type's <typeparamref name="TSpecific"/> events into deliveries to other grains.</summary>
    public Subscription When<TSpecific>(string name, Func<StoredEvent, TSpecific, IEnumerable<Delivery>> route) where TSpecific : TEvent =>
        Subscription.On(name, this, route);

    /// <summary>Folds stored events onto a state; what replay and activation both use.</summary>
    public TState Replay(TState state, IEnumerable<StoredEvent> events) =>
        events.Aggregate(state, (s, e) => Evolve(s, Deserialize(e)));

    /// <summary>Reads a stored event back as this grain's event record.</summary>
    public TEvent Deserialize(StoredEvent e) => Events.Deserialize(e.EventType, e.SchemaVersion, e.Payload);

    /// <summary>A state as a snapshot stores it.</summary>
    public string SerializeState(TState state) => JsonSerializer.Serialize(state, Json);

    /// <summary>A snapshot's state read back.</summary>
    public TState DeserializeState(string json) =>
        JsonSerializer.Deserialize<TState>(json, Json) ?? throw new InvalidOperationException("A snapshot held null state.");
}
