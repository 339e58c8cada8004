namespace Cases.Runtime.Grains;

/// <summary>Caller-supplied metadata of a command; what is left null the runtime fills in (a new id, the clock, "system").</summary>
public sealed record CommandMeta(
    string? CommandId = null,
    string? Actor = null,
    string? CorrelationId = null,
    string? CausationId = null,
    DateTimeOffset? Now = null);
