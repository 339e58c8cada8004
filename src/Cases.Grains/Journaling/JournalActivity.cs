using Cases.Grains.Contracts;

namespace Cases.Grains.Journaling;

/// <summary>What this silo's decider grains did: activations in memory, the newest position they committed, and every command they answered.</summary>
/// <remarks>One per silo (several silos may share a test process), so metrics and health read their own silo's figures.</remarks>
public sealed class JournalActivity
{
    private long _activations;
    private long _activationsCreated;
    private long _head;

    /// <summary>Decider grain activations in memory on this silo.</summary>
    public long Activations => Interlocked.Read(ref _activations);

    /// <summary>Decider grain activations made on this silo since it started, reactivations included.</summary>
    public long ActivationsCreated => Interlocked.Read(ref _activationsCreated);

    /// <summary>The highest global position this silo's grains have committed.</summary>
    public long Head => Interlocked.Read(ref _head);

    /// <summary>Raised for every answered command: accepted, rejected or retried (keep handlers short; they run on the grain's turn).</summary>
    public event Action<CommandResult>? Answered;

    internal void Activated()
    {
        Interlocked.Increment(ref _activations);
        Interlocked.Increment(ref _activationsCreated);
    }

    internal void Deactivated() => Interlocked.Decrement(ref _activations);

    internal void OnAnswered(CommandResult result)
    {
        if (!result.IsRetry && result.Events.Count > 0)
            Advance(result.Events[^1].Position);
        Answered?.Invoke(result);
    }

    private void Advance(long position)
    {
        long seen;
        while ((seen = Interlocked.Read(ref _head)) < position && Interlocked.CompareExchange(ref _head, position, seen) != seen)
        {
        }
    }
}
