using Orleans;

namespace Cases.Grains.Contracts;

/// <summary>Caller-supplied metadata of a command; what is left null the grain fills in (a new id, the clock, "system").</summary>
[GenerateSerializer, Immutable, Alias("cases.CommandMeta")]
public sealed record CommandMeta(
    string? CommandId = null,
    string? Actor = null,
    string? CorrelationId = null,
    string? CausationId = null,
    DateTimeOffset? Now = null);
