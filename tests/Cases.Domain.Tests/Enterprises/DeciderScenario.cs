using Cases.Domain.Deciders;

namespace Cases.Domain.Tests.Enterprises;

/// <summary>Drives a decider directly, as a grain's turns would: decide on the current state, then fold the accepted events.</summary>
internal sealed class DeciderScenario<TState, TCommand, TEvent>(Decider<TState, TCommand, TEvent> decider, CityCalendar? calendar = null)
    where TState : notnull where TCommand : notnull where TEvent : notnull
{
    private readonly CityCalendar _calendar = calendar ?? new Cases.Domain.Rules.RuleSet().Calendar;

    private int _commands;

    /// <summary>The time commands carry unless told otherwise: 16 March 2026, Beijing time.</summary>
    public DateTimeOffset Now { get; set; } = new(2026, 3, 16, 10, 0, 0, TimeSpan.FromHours(8));

    public TState State { get; private set; } = decider.Initial;

    public Decision<TEvent> Send(TCommand command, string actor = "officer:li", DateTimeOffset? now = null)
    {
        var context = new CommandContext(new GrainKey(decider.GrainType, "test"), $"command-{++_commands}", actor, now ?? Now, "correlation", null, _calendar);
        var decision = decider.Decide(State, command, context);
        foreach (var e in decision.Events)
            State = decider.Evolve(State, e);
        return decision;
    }

    /// <summary>Sends a command that must be accepted with exactly one event of type T, and returns that event.</summary>
    public T Accept<T>(TCommand command, string actor = "officer:li", DateTimeOffset? now = null) where T : TEvent
    {
        var decision = Send(command, actor, now);
        Assert.True(decision.IsAccepted, decision.Rejection?.ToString());
        return Assert.IsType<T>(Assert.Single(decision.Events));
    }

    /// <summary>Sends a command that must be accepted without any event (a no-op).</summary>
    public void AcceptNothing(TCommand command, string actor = "officer:li", DateTimeOffset? now = null)
    {
        var decision = Send(command, actor, now);
        Assert.True(decision.IsAccepted, decision.Rejection?.ToString());
        Assert.Empty(decision.Events);
    }

    /// <summary>Sends a command that must be rejected, and returns the rejection code.</summary>
    public string Reject(TCommand command, string actor = "officer:li", DateTimeOffset? now = null)
    {
        var decision = Send(command, actor, now);
        Assert.False(decision.IsAccepted, $"{command} was accepted.");
        Assert.Empty(decision.Events);
        return decision.Rejection!.Code;
    }
}
