using Orleans;

namespace Cases.Domain.Parks;

/// <summary>The points of the park evaluation's score (out of 100); part of the versioned RuleSet.</summary>
[GenerateSerializer, Immutable]
[Alias("cases.ParkScoring")]
public sealed record ParkScoring
{
    /// <summary>Points per talent team attracted in the window.</summary>
    [Id(0)]
    public int PointsPerTalentTeam { get; init; } = 10;

    /// <summary>The most points talent teams can earn.</summary>
    [Id(1)]
    public int TalentTeamPointsCap { get; init; } = 40;

    /// <summary>The points earned when every enterprise in the window progressed; a share of them for a share of enterprises.</summary>
    [Id(2)]
    public int EnterpriseProgressPoints { get; init; } = 60;
}
