using Cases.Domain.Rules;

namespace Cases.Domain.Parks;

/// <summary>Parks Q&amp;A: the annual evaluation from talent teams attracted in the recent window and the roster's progress.</summary>
/// <remarks>
/// The window ends on 31 December of the evaluated year and reaches back ParkEvaluationWindowYears years, start excluded:
/// for 2025 and 3 years it is 1 Jan 2023 to 31 Dec 2025, so a team attracted on 31 Dec 2022, exactly 3 years before, does not count.
/// </remarks>
public static class ParkEvaluationRule
{
    private const string Source = "zhongguancun-parks-opinions-qa";

    /// <summary>Scores the park for a year; the evaluation passes (outstanding) when the score reaches ParkOutstandingScore.</summary>
    public static (int Score, Evaluation Evaluation) Evaluate(RuleSet rules, ParkScoring scoring, ParkState state, int year)
    {
        var asOf = new DateOnly(year, 12, 31);
        var after = asOf.AddYears(-rules.ParkEvaluationWindowYears);
        bool InWindow(DateOnly d) => d > after && d <= asOf;
        var window = $"{after.AddDays(1):yyyy-MM-dd} to {asOf:yyyy-MM-dd}";

        // Q&A: "parks that have successfully attracted talent teams within the last three years".
        var teams = state.TalentTeams.Count(t => InWindow(t.AttractedOn));
        var teamPoints = (int)Math.Min((long)teams * scoring.PointsPerTalentTeam, scoring.TalentTeamPointsCap);

        // Q&A: the evaluation also counts the enterprises' progress: on the roster during the window, and progressed
        // (a milestone or graduation in the window); an enterprise that ended before the window is not counted.
        var considered = state.Roster.Values
            .Where(e => e.AdmittedOn <= asOf && (e.EndedOn is null || e.EndedOn > after))
            .ToList();
        var progressed = considered.Count(e =>
            (e.Stage == RosterStage.Graduated && e.EndedOn is { } ended && InWindow(ended)) || e.ProgressDates.Any(InWindow));
        // In 64 bits: points times enterprises can exceed an int, the share of the points cannot.
        var progressPoints = considered.Count == 0 ? 0 : (int)((long)scoring.EnterpriseProgressPoints * progressed / considered.Count);

        var score = checked(teamPoints + progressPoints);
        var outstanding = score >= rules.ParkOutstandingScore;
        Condition[] conditions =
        [
            new("talent-teams-attracted", $"{Source}: talent teams attracted within the last {rules.ParkEvaluationWindowYears} years", teams > 0,
                $"{teams} talent team(s) attracted {window}: {teamPoints} of {scoring.TalentTeamPointsCap} points."),
            new("enterprise-progress", $"{Source}: enterprises' progress (funding, patents, staff, revenue, graduation)", progressed > 0,
                $"{progressed} of {considered.Count} enterprise(s) on the roster progressed {window}: {progressPoints} of {scoring.EnterpriseProgressPoints} points."),
            // Q&A: "parks with outstanding performance" may provide talent services themselves.
            new("outstanding-score", $"{Source}: outstanding evaluation", outstanding,
                $"Score {score} of 100; outstanding from {rules.ParkOutstandingScore}."),
        ];
        return (score, new Evaluation(rules.Version, outstanding, conditions));
    }
}
