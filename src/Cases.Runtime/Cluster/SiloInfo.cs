namespace Cases.Runtime.Cluster;

/// <summary>A silo as the membership table knows it: its id, where its internal endpoint listens, and its last heartbeat.</summary>
public sealed record SiloInfo(string SiloId, Uri Address, DateTimeOffset StartedAt, DateTimeOffset HeartbeatAt);
