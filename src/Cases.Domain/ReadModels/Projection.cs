using Cases.Domain.Deciders;
using Cases.Journal.Events;

namespace Cases.Domain.ReadModels;

/// <summary>A read model as a fold of the global log: which partitions an event touches and what it does to each; deterministic and free of I/O.</summary>
/// <remarks>Each partition is one grain of type <see cref="Name"/>; its events arrive in log order, so a fold from the start of the log gives the live state.</remarks>
public abstract class Projection
{
    private readonly Dictionary<string, HashSet<string>> _sources = new(StringComparer.Ordinal);
    private bool _allEvents;

    /// <summary>The grain type of the read model's partitions; also its stream namespace.</summary>
    public abstract string Name { get; }

    /// <summary>The stored event types the read model folds (every type of the programme when it indexes all events).</summary>
    public IReadOnlyCollection<string> EventTypes => _sources.Keys;

    /// <summary>Whether the read model wants this stored event (cheap: no payload is read).</summary>
    public bool Matches(StoredEvent e)
    {
        if (!_sources.TryGetValue(e.EventType, out var grainTypes))
            return false;
        if (_allEvents)
            return true;
        var slash = e.StreamId.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && grainTypes.Contains(e.StreamId[..slash]);
    }

    /// <summary>The partitions the event changes; each is named once.</summary>
    public abstract IEnumerable<string> PartitionsOf(StoredEvent e);

    /// <summary>The state of a partition that has seen no event.</summary>
    public abstract ReadModelState NewState();

    /// <summary>Applies one event to a partition's state unless the partition has folded it already; answers whether it changed anything.</summary>
    public bool Fold(ReadModelState state, string partition, StoredEvent e)
    {
        if (e.Position <= state.AppliedThrough)
            return false;
        Apply(state, partition, e);
        state.AppliedThrough = e.Position;
        return true;
    }

    /// <summary>Folds an event into every partition it changes among <paramref name="states"/>, starting a partition it names for the first time.</summary>
    public void FoldInto(IDictionary<string, ReadModelState> states, StoredEvent e)
    {
        if (!Matches(e))
            return;
        foreach (var partition in PartitionsOf(e).Distinct(StringComparer.Ordinal))
        {
            if (!states.TryGetValue(partition, out var state))
                states[partition] = state = NewState();
            Fold(state, partition, e);
        }
    }

    /// <summary>What one event does to one partition.</summary>
    protected abstract void Apply(ReadModelState state, string partition, StoredEvent e);

    /// <summary>Folds <typeparamref name="TSpecific"/> events of the source's grains.</summary>
    protected void On<TState, TCommand, TEvent, TSpecific>(Decider<TState, TCommand, TEvent> source)
        where TState : notnull where TCommand : notnull where TEvent : notnull where TSpecific : TEvent
    {
        var name = source.Events.NameOf<TSpecific>();
        if (!_sources.TryGetValue(name, out var grainTypes))
            _sources[name] = grainTypes = new HashSet<string>(StringComparer.Ordinal);
        grainTypes.Add(source.GrainType);
    }

    /// <summary>Folds every event of every grain type of the programme.</summary>
    protected void OnEveryEvent(Programme programme)
    {
        _allEvents = true;
        foreach (var decider in programme.Deciders)
        {
            foreach (var name in decider.EventTypeNames)
            {
                if (!_sources.TryGetValue(name, out var grainTypes))
                    _sources[name] = grainTypes = new HashSet<string>(StringComparer.Ordinal);
                grainTypes.Add(decider.GrainType);
            }
        }
    }
}

/// <summary>A projection whose partitions hold <typeparamref name="TState"/>.</summary>
public abstract class Projection<TState> : Projection where TState : ReadModelState, new()
{
    /// <inheritdoc />
    public override ReadModelState NewState() => new TState();

    /// <inheritdoc />
    protected override void Apply(ReadModelState state, string partition, StoredEvent e) => Apply((TState)state, partition, e);

    /// <summary>What one event does to one partition's state.</summary>
    protected abstract void Apply(TState state, string partition, StoredEvent e);
}
