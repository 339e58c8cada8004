using Cases.Domain.Deciders;
using Cases.Journal;

namespace Cases.Domain.Tests.Housing;

/// <summary>Drives a decider the way an activation does, in memory: decide, fold accepted events, keep the last decision.</summary>
internal sealed class DeciderRun<TState, TCommand, TEvent>(Decider<TState, TCommand, TEvent> decider)
    where TState : notnull where TCommand : notnull where TEvent : notnull
{
    private static readonly CityCalendar Calendar = new Cases.Domain.Rules.RuleSet().Calendar;
    private static readonly DateTimeOffset Noon = new(2026, 11, 22, 12, 0, 0, TimeSpan.FromHours(8));

    public TState State { get; private set; } = decider.Initial;

    public Decision<TEvent> Last { get; private set; } = Decision<TEvent>.Accept();

    public DeciderRun<TState, TCommand, TEvent> Send(TCommand command, string actor = "officer:li")
    {
        Last = decider.Decide(State, command, new CommandContext(new GrainKey(decider.GrainType, "test"), Guid.NewGuid().ToString("N"), actor, Noon, "corr", null, Calendar));
        foreach (var e in Last.Events)
            State = decider.Evolve(State, e);
        return this;
    }

    public T Single<T>() where T : TEvent => Assert.IsType<T>(Assert.Single(Last.Events));

    public Rejection Rejected() => Last.Rejection ?? throw new Xunit.Sdk.XunitException($"Expected a rejection, got {Last.Events.Count} events.");
}
