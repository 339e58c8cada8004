using Cases.Runtime.Grains;

namespace Cases.Runtime.Cluster;

/// <summary>A command forwarded to the silo that owns its grain: the grain, the command's type name and JSON, and its complete metadata.</summary>
/// <remarks>The metadata is filled in before forwarding, so a retried forward carries the same command id and stays idempotent.</remarks>
public sealed record RemoteCommand(string Grain, string CommandType, string Command, CommandMeta Meta);

/// <summary>A grain's committed state as its owner serialized it.</summary>
public sealed record RemoteState(string State, long Version);
