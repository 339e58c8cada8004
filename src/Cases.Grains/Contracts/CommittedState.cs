using Orleans;

namespace Cases.Grains.Contracts;

/// <summary>A grain's committed state and the stream version it reflects.</summary>
[GenerateSerializer, Immutable, Alias("cases.CommittedState`1")]
public sealed record CommittedState<TState>(TState State, long Version);
