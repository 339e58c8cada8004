namespace Cases.Runtime.Grains;

/// <summary>A grain's committed state and the stream version it reflects.</summary>
public sealed record GrainState<TState>(TState State, long Version);
