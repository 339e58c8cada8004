using System.Collections.Immutable;

namespace Cases.Domain.Parks;

/// <summary>A park's roster, the talent teams it attracted, its evaluations and accreditation; immutable and JSON-serializable.</summary>
public sealed record ParkState(
    ImmutableDictionary<string, RosterEntry> Roster,
    ImmutableList<TalentTeamRecorded> TalentTeams,
    ParkEvaluated? LatestEvaluation,
    ParkAccredited? Accreditation)
{
    /// <summary>A park with nothing recorded yet.</summary>
    public static ParkState Empty { get; } = new(ImmutableDictionary<string, RosterEntry>.Empty, [], null, null);
}
