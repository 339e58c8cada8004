namespace Cases.Domain.Deciders;

/// <summary>Everything a decision may depend on besides state and command: time, ids and actor never come from inside the decider.</summary>
public sealed record CommandContext(
    GrainKey GrainKey,
    string CommandId,
    string Actor,
    DateTimeOffset Now,
    string CorrelationId,
    string? CausationId);
