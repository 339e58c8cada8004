using System.Text.Json;
using Cases.Silo.Auth;

namespace Cases.Client.Tests;

/// <summary>`cases park talent-team|evaluate|accredit|statistics` against a real silo: a park's record and the figures its read model keeps.</summary>
[Collection(CasesSiloCollection.Name)]
public sealed class ParkRecordCommandTests(CasesSilo silo)
{
    private static readonly int Year = DateTime.UtcNow.Year;

    [Fact]
    public async Task TheOperatorRecordsATalentTeamThatTheStatisticsCountAndAnOfficerEvaluatesTheYear()
    {
        var park = "park-" + Guid.NewGuid().ToString("N")[..8];
        var operatorToken = silo.Token(Roles.Operator, park);

        var team = await silo.RunAsync("park", "talent-team", park, "--name", "Photonics lab", "--attracted-on", $"{Year - 1}-04-01", "--token", operatorToken);
        Assert.True(team.ExitCode == ExitCodes.Success, team.ToString());
        Assert.Matches(@"TalentTeamRecorded\s*│", team.Output);
        await Poll.UntilAsync(async () => (await silo.RunAsync("park", "statistics", park, "--output", "json", "--token", operatorToken)) is { ExitCode: 0 } s
            && JsonDocument.Parse(s.Output).RootElement.GetProperty("appliedThrough").GetInt64() > 0, what: "the statistics to count the team");
        var table = await silo.RunAsync("park", "statistics", park, "--token", operatorToken);
        var evaluated = await silo.RunAsync("park", "evaluate", park, "--year", (Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "--token", silo.Officer);

        Assert.Matches($@"talentTeams\.byYear\.{Year - 1}\.count\s*│\s*1\s*│", table.Output);
        Assert.True(evaluated.ExitCode == ExitCodes.Success, evaluated.ToString());
        Assert.Matches(@"ParkEvaluated\s*│", evaluated.Output);
    }

    [Fact]
    public async Task AnOperatorMayNotEvaluateAndAnotherParksOperatorMayNotReadTheStatistics()
    {
        var park = "park-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(ExitCodes.Success, (await silo.RunAsync("park", "talent-team", park, "--name", "Team A", "--attracted-on", $"{Year - 1}-05-01", "--token", silo.Officer)).ExitCode);

        var evaluate = await silo.RunAsync("park", "evaluate", park, "--year", (Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "--token", silo.Token(Roles.Operator, park));
        var statistics = await silo.RunAsync("park", "statistics", park, "--token", silo.Token(Roles.Operator, "some-other-park"));
        var unknown = await silo.RunAsync("park", "accredit", "park-" + Guid.NewGuid().ToString("N")[..8], "--token", silo.Officer);

        Assert.Equal(ExitCodes.Forbidden, evaluate.ExitCode);
        Assert.Equal(ExitCodes.Forbidden, statistics.ExitCode);
        Assert.Equal(ExitCodes.NotFound, unknown.ExitCode);
    }
}
