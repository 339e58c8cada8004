namespace Cases.Grains.Streams;

/// <summary>Tuning of the decision streams (configuration "Cases:Streams"); every default is what production runs with.</summary>
public sealed class DecisionStreamOptions
{
    /// <summary>How many queues the deliveries are partitioned into by target; Orleans balances the queues over the silos.</summary>
    /// <remarks>Each queue keeps its own durable checkpoint, named with this count: changing it makes the new queues start from the beginning of the log (the targets' inboxes drop what was delivered before).</remarks>
    public int Queues { get; set; } = 8;

    /// <summary>The most log events one read of a queue takes.</summary>
    public int BatchSize { get; set; } = 512;

    /// <summary>How long an idle queue waits for a local commit before it reads the log again (events committed by other silos).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How often Orleans' pulling agent asks an idle queue for more: short, because the agent pauses its queue while it registers a new target's stream, and an idle queue waits on the log itself.</summary>
    /// <remarks>Measured: at 10 ms a second decision to a just-registered target waited 11.7 ms (p50) for the agent's next tick; at 1 ms, 2.5 ms.</remarks>
    public TimeSpan ReadPeriod { get; set; } = TimeSpan.FromMilliseconds(1);

    /// <summary>A queue's checkpoint is saved at most this often; after a crash, at most this much is redelivered (and dropped by the inboxes).</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>A target's stream is forgotten by its queue's agent after this long without deliveries; most targets (a housing case) hear a few decisions within seconds.</summary>
    /// <remarks>Orleans' agent looks over every stream it remembers on each read of its queue, so at intake volume a long period costs more than the re-registration it saves.</remarks>
    public TimeSpan StreamInactivityPeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Deliveries a queue holds in memory; a target that keeps failing holds its queue back once this many are waiting behind it.</summary>
    public int CacheSize { get; set; } = 4096;
}
