using System.Reflection;
using System.Runtime.CompilerServices;
using Cases.Domain;
using Cases.Domain.Deciders;
using Cases.Journal.Events;
using Cases.Grains.Contracts;

namespace Cases.Silo.Api;

/// <summary>Folds a stream's stored events into its grain type's state through the type's own decider (its Initial and Replay).</summary>
internal sealed class AuditReplayers
{
    private static readonly ConditionalWeakTable<Programme, AuditReplayers> Cache = [];

    private static readonly MethodInfo ForDecider =
        typeof(AuditReplayers).GetMethod(nameof(For), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly Dictionary<string, Replayer> _byType = new(StringComparer.Ordinal);

    private AuditReplayers(Programme programme)
    {
        // Built from the programme's deciders by grain type, so a new grain type gets replay without touching this file.
        foreach (var decider in programme.Deciders)
            _byType[decider.GrainType] = Create(decider);
    }

    /// <summary>The replayers of a programme's grain types, made once per programme.</summary>
    public static AuditReplayers Of(Programme programme) => Cache.GetValue(programme, p => new AuditReplayers(p));

    /// <summary>The grain types that can be replayed.</summary>
    public IEnumerable<string> GrainTypes => _byType.Keys;

    public bool TryGet(string grainType, out Replayer replayer) => _byType.TryGetValue(grainType, out replayer!);

    private static Replayer Create(IDecider decider)
    {
        var type = decider.GetType();
        while (type is not null && !(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Decider<,,>)))
            type = type.BaseType;
        if (type is null)
            throw new InvalidOperationException($"{decider.GetType().Name} is not a Decider<TState, TCommand, TEvent>.");
        return (Replayer)ForDecider.MakeGenericMethod(type.GetGenericArguments()).Invoke(null, [decider])!;
    }

    private static Replayer For<TState, TCommand, TEvent>(Decider<TState, TCommand, TEvent> decider)
        where TState : notnull where TCommand : notnull where TEvent : notnull =>
        new(() => decider.Initial, (state, events) => decider.Replay((TState)state, events));
}

/// <summary>One grain type's fold: its initial state, and the state after a batch of its stored events.</summary>
internal sealed class Replayer(Func<object> initial, Func<object, IReadOnlyList<StoredEvent>, object> fold)
{
    private const int Batch = 512;

    /// <summary>Folds a stream of any length in batches; stops at the first event recorded after <paramref name="asOf"/>.</summary>
    public async Task<ReplayResult> ReplayAsync(IAsyncEnumerable<StoredEvent> events, DateTimeOffset asOf, CancellationToken ct)
    {
        var state = initial();
        var batch = new List<StoredEvent>(Batch);
        StoredEvent? last = null;
        await foreach (var e in events.WithCancellation(ct))
        {
            // Recorded-at follows commit order within a stream, so the prefix up to asOf is exactly what was committed then.
            if (e.RecordedAt > asOf)
                break;
            batch.Add(e);
            last = e;
            if (batch.Count == Batch)
            {
                state = fold(state, batch);
                batch.Clear();
            }
        }
        if (batch.Count > 0)
            state = fold(state, batch);
        return new ReplayResult(state, last);
    }
}

/// <summary>A replayed state and the last event folded into it (null when none was).</summary>
internal sealed record ReplayResult(object State, StoredEvent? Last);
