namespace Cases.Runtime.Cluster;

/// <summary>The cluster's shared record of silos (DESIGN.md "Cluster"): each silo registers, heartbeats, and leaves.</summary>
public interface IMembershipTable
{
    /// <summary>Adds or refreshes this silo's row.</summary>
    Task JoinAsync(SiloInfo silo, CancellationToken ct = default);

    /// <summary>Records that the silo is alive now.</summary>
    Task HeartbeatAsync(string siloId, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>Removes the silo's row on graceful shutdown, so others take its grains at once instead of after the timeout.</summary>
    Task LeaveAsync(string siloId, CancellationToken ct = default);

    /// <summary>Every registered silo with its last heartbeat; liveness is the reader's judgement against its timeout.</summary>
    Task<IReadOnlyList<SiloInfo>> ReadAsync(CancellationToken ct = default);
}
