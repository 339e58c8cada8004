using System.Text.Json;
using Cases.Runtime.Events;
using Cases.Runtime.Streams;

namespace Cases.Runtime.Grains;

/// <summary>A grain type as a pure decider: <c>Decide(state, command, context)</c> and <c>Evolve(state, event)</c>, deterministic and free of I/O.</summary>
/// <remarks>States must be immutable: queries read the committed state while a turn decides on a copy.</remarks>
public abstract class Decider<TState, TCommand, TEvent> : IDeciderAdapter
    where TState : notnull
    where TCommand : notnull
    where TEvent : notnull
{
    private readonly Lazy<EventTypeRegistry<TEvent>> _events;
    private readonly Lazy<IReadOnlyDictionary<string, Type>> _commandTypes;

    protected Decider()
    {
        _events = new Lazy<EventTypeRegistry<TEvent>>(() =>
        {
            var registry = new EventTypeRegistry<TEvent>(Json);
            RegisterEvents(registry);
            return registry;
        });
        _commandTypes = new Lazy<IReadOnlyDictionary<string, Type>>(() => CommandTypes().ToDictionary(t => t.Name, StringComparer.Ordinal));
    }

    /// <summary>The grain type part of the ids of this decider's grains.</summary>
    public abstract string GrainType { get; }

    /// <summary>The state of a grain with no events.</summary>
    public abstract TState Initial { get; }

    /// <summary>Bump when the state's shape changes so that older snapshots are ignored and history is replayed.</summary>
    public virtual int StateSchemaVersion => 1;

    /// <summary>The JSON settings for payloads and snapshots.</summary>
    public virtual JsonSerializerOptions Json => DefaultJson;

    public EventTypeRegistry<TEvent> Events => _events.Value;

    internal static JsonSerializerOptions DefaultJson { get; } = new(JsonSerializerDefaults.Web);

    public abstract Decision<TEvent> Decide(TState state, TCommand command, CommandContext context);

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

    /// <summary>The concrete command records a silo may receive from another silo; by default every one in the command type's assembly.</summary>
    protected virtual IEnumerable<Type> CommandTypes() =>
        typeof(TCommand).Assembly.GetTypes().Where(t => !t.IsAbstract && !t.IsInterface && typeof(TCommand).IsAssignableFrom(t));

    object IDeciderAdapter.Initial => Initial;

    (string Type, string Json) IDeciderAdapter.SerializeCommand(object command) =>
        _commandTypes.Value.TryGetValue(command.GetType().Name, out var type) && type == command.GetType()
            ? (type.Name, JsonSerializer.Serialize(command, type, Json))
            : throw new InvalidOperationException($"{command.GetType().Name} is not a command of grain type '{GrainType}'.");

    object IDeciderAdapter.DeserializeCommand(string type, string json) =>
        _commandTypes.Value.TryGetValue(type, out var clr)
            ? JsonSerializer.Deserialize(json, clr, Json) ?? throw new InvalidOperationException($"A forwarded {type} was null.")
            : throw new InvalidOperationException($"'{type}' is not a command of grain type '{GrainType}'.");

    DecisionOutcome IDeciderAdapter.Decide(object state, object command, CommandContext context)
    {
        var decision = Decide((TState)state, (TCommand)command, context);
        if (decision.Rejection is { } rejection)
            return new DecisionOutcome(state, [], rejection);
        var next = (TState)state;
        var serialized = new List<(string, int, string)>(decision.Events.Count);
        foreach (var e in decision.Events)
        {
            next = Evolve(next, e);
            serialized.Add(Events.Serialize(e));
        }
        return new DecisionOutcome(next, serialized, null);
    }

    object IDeciderAdapter.Evolve(object state, StoredEvent e) => Evolve((TState)state, Deserialize(e));

    string IDeciderAdapter.SerializeState(object state) => JsonSerializer.Serialize((TState)state, Json);

    object IDeciderAdapter.DeserializeState(string json) =>
        JsonSerializer.Deserialize<TState>(json, Json) ?? throw new InvalidOperationException("A snapshot held null state.");
}
