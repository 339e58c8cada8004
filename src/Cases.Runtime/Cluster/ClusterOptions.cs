namespace Cases.Runtime.Cluster;

/// <summary>Timing of membership: how often a silo heartbeats and reads the table, and when a silent silo counts as dead.</summary>
public sealed class ClusterOptions
{
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A silo whose last heartbeat is older than this is dead; its grains move to the survivors.</summary>
    public TimeSpan DeadAfter { get; set; } = TimeSpan.FromSeconds(10);
}
