namespace Cases.Runtime.Streams;

/// <summary>Tuning of a silo's stream delivery.</summary>
public sealed class StreamOptions
{
    /// <summary>The durable checkpoint's name; a second dispatcher with another name redelivers everything (and the inboxes drop it).</summary>
    public string CheckpointName { get; set; } = "streams";

    /// <summary>The most log events read and dispatched at once.</summary>
    public int BatchSize { get; set; } = 1024;

    /// <summary>How many read batches may be delivering at once; bounds the memory a burst can take.</summary>
    public int MaxBatchesInFlight { get; set; } = 256;

    /// <summary>The checkpoint is saved at most this often; after a crash, at most this much is redelivered (and dropped by the inboxes).</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How often the log is read when no local commit has signalled (events written by other silos).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The wait before a failed delivery is tried again; it doubles up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait between retries; short, because the usual failure is a target's silo dying, which the view fixes within seconds.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);
}
