using System.Collections.Immutable;
using Orleans;

namespace Cases.Domain.Parks;

/// <summary>A park's roster, the talent teams it attracted, its evaluations and accreditation; immutable and JSON-serializable.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.ParkState")]
public sealed record ParkState(
    ImmutableDictionary<string, RosterEntry> Roster,
    ImmutableList<TalentTeamRecorded> TalentTeams,
    ParkEvaluated? LatestEvaluation,
    ParkAccredited? Accreditation)
{
    /// <summary>A park with nothing recorded yet.</summary>
    public static ParkState Empty { get; } = new(ImmutableDictionary<string, RosterEntry>.Empty, [], null, null);
}
