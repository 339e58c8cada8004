using Cases.Journal;

namespace Cases.Domain.Deciders;

/// <summary>What a decider answers to a command: the events to append, or a rejection.</summary>
public sealed class Decision<TEvent>
{
    private Decision(IReadOnlyList<TEvent> events, Rejection? rejection)
    {
        Events = events;
        Rejection = rejection;
    }

    public IReadOnlyList<TEvent> Events { get; }

    public Rejection? Rejection { get; }

    public bool IsAccepted => Rejection is null;

    /// <summary>Accepts the command with these events (none is a valid, recorded no-op).</summary>
    public static Decision<TEvent> Accept(params TEvent[] events) => new(events, null);

    /// <summary>Refuses the command; nothing but the refusal itself is recorded.</summary>
    public static Decision<TEvent> Reject(string code, string message) => new([], new Rejection(code, message));
}
