namespace Cases.Runtime.Streams;

/// <summary>Tuning of a silo's stream delivery.</summary>
public sealed class StreamOptions
{
    /// <summary>The durable checkpoint's name; a second dispatcher with another name redelivers everything (and the inboxes drop it).</summary>
    public string CheckpointName { get; set; } = "streams";

    /// <summary>The most log events handled per round before the checkpoint is saved.</summary>
    public int BatchSize { get; set; } = 1024;

    /// <summary>How often the log is read when no local commit has signalled (events written by other silos).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The wait before a failed delivery is tried again; it doubles up to 30 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);
}
