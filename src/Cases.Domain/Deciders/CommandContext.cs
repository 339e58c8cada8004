namespace Cases.Runtime.Grains;

/// <summary>Everything a decision may depend on besides state and command: time, ids and actor never come from inside the decider.</summary>
public sealed record CommandContext(
    GrainId GrainId,
    string CommandId,
    string Actor,
    DateTimeOffset Now,
    string CorrelationId,
    string? CausationId);
