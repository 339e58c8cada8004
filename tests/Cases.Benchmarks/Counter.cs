using Cases.Runtime.Events;
using Cases.Runtime.Grains;

namespace Cases.Benchmarks;

public sealed record Increment(int By);

public sealed record Incremented(int By, DateTimeOffset At);

public sealed record CounterState(long Total, long Count);

/// <summary>The smallest real grain: the benchmarks measure the runtime and the store, not domain rules.</summary>
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
