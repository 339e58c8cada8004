namespace Cases.Domain.Deciders;

/// <summary>Everything a decision may depend on besides state and command: time, ids and actor never come from inside the decider.</summary>
public sealed record CommandContext(
    GrainKey GrainKey,
    string CommandId,
    string Actor,
    DateTimeOffset Now,
    string CorrelationId,
    string? CausationId,
    CityCalendar Calendar)
{
    private const string OfficerPrefix = "officer:";
    private const string AdminPrefix = "admin:";

    /// <summary>The command's date in the city's calendar, whatever offset <see cref="Now"/> carries.</summary>
    public DateOnly Today => Calendar.DateOf(Now);

    /// <summary>Whether the actor is an officer of the talent centre ("officer:wang"): decisions on cases belong to them.</summary>
    public bool ByOfficer => Actor.StartsWith(OfficerPrefix, StringComparison.Ordinal) && Actor.Length > OfficerPrefix.Length;

    /// <summary>Whether the actor is an admin of the service ("admin:root"): token revocations belong to them.</summary>
    public bool ByAdmin => Actor.StartsWith(AdminPrefix, StringComparison.Ordinal) && Actor.Length > AdminPrefix.Length;
}
