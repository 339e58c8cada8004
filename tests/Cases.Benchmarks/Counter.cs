using Cases.Domain.Deciders;
using Cases.Grains.Contracts;
using Cases.Grains.Journaling;
using Cases.Journal.Events;

namespace Cases.Benchmarks;

[GenerateSerializer, Immutable]
public sealed record Increment(int By);

public sealed record Incremented(int By, DateTimeOffset At);

[GenerateSerializer, Immutable]
public sealed record CounterState(long Total, long Count);

/// <summary>The smallest real grain: the benchmarks measure Orleans, the grain host and the store, not domain rules.</summary>
public sealed class Counter : Decider<CounterState, Increment, Incremented>
{
    public static readonly Counter Instance = new();

    public override string GrainType => "counter";

    public override CounterState Initial => new(0, 0);

    public override Decision<Incremented> Decide(CounterState state, Increment command, CommandContext context) =>
        command.By <= 0
            ? Decision<Incremented>.Reject("positive", "Increments are positive.")
            : Decision<Incremented>.Accept(new Incremented(command.By, context.Now));

    public override CounterState Evolve(CounterState state, Incremented @event) => new(state.Total + @event.By, state.Count + 1);

    protected override void RegisterEvents(EventTypeRegistry<Incremented> events) => events.Add<Incremented>();
}

/// <summary>The counter as an Orleans grain, hosted like every programme grain.</summary>
public interface ICounterGrain : IDeciderGrain<CounterState, Increment>;

/// <inheritdoc cref="ICounterGrain" />
[GrainType("counter")]
public sealed class CounterGrain(GrainJournal journal) : DeciderGrain<CounterState, Increment, Incremented>(Counter.Instance, new Cases.Domain.Rules.RuleSet().Calendar, journal), ICounterGrain;
