namespace Cases.Domain.Deciders;

/// <summary>Everything a decision may depend on besides state and command: time, ids and actor never come from inside the decider.</summary>
public sealed record CommandContext(
    GrainKey GrainKey,
    string CommandId,
    string Actor,
    DateTimeOffset Now,
    string CorrelationId,
    string? CausationId)
{
    private const string OfficerPrefix = "officer:";

    /// <summary>Whether the actor is an officer of the talent centre ("officer:wang"): decisions on cases belong to them.</summary>
    public bool ByOfficer => Actor.StartsWith(OfficerPrefix, StringComparison.Ordinal) && Actor.Length > OfficerPrefix.Length;
}
