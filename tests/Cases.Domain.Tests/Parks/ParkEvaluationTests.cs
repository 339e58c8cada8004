using System.Text.Json;
using Cases.Domain.Enterprises;
using Cases.Domain.Parks;
using Cases.Domain.Rules;
using Cases.Domain.Tests.Enterprises;

namespace Cases.Domain.Tests.Parks;

/// <summary>Parks Q&amp;A: the annual evaluation (talent teams in the last three years, enterprise progress) and accreditation.</summary>
public sealed class ParkEvaluationTests
{
    private const string Operator = "operator:park-zgc-01";

    private static DeciderScenario<ParkState, IParkCommand, IParkEvent> Park(RuleSet? rules = null) =>
        new(new ParkDecider(rules ?? new RuleSet()));

    private static void Teams(DeciderScenario<ParkState, IParkCommand, IParkEvent> park, int count, DateOnly on)
    {
        for (var i = 0; i < count; i++)
            park.Accept<TalentTeamRecorded>(new RecordTalentTeam(on, $"team-{on:yyyyMMdd}-{i}"), Operator);
    }

    private static void Enterprise(DeciderScenario<ParkState, IParkCommand, IParkEvent> park, string key, DateOnly admitted, DateOnly? progressOn)
    {
        park.Accept<EnterpriseAddedToRoster>(new AddToRoster(key, admitted), "system");
        if (progressOn is { } on)
            park.Send(new RecordRosterMilestone(key, MilestoneKind.Patent, 1, null, on), "system");
    }

    private static ParkEvaluated Evaluate(DeciderScenario<ParkState, IParkCommand, IParkEvent> park, int year = 2025) =>
        park.Accept<ParkEvaluated>(new EvaluatePark(year));

    [Fact]
    public void ATeamAttractedExactlyThreeYearsBeforeTheEndOfTheEvaluatedYearDoesNotCount()
    {
        var park = Park();
        Teams(park, 1, new DateOnly(2022, 12, 31));

        var evaluated = Evaluate(park);

        Assert.Equal(0, evaluated.Score);
        Assert.False(evaluated.Evaluation.Conditions.Single(c => c.Code == "talent-teams-attracted").Passed);
    }

    [Fact]
    public void ATeamAttractedOnTheFirstDayOfTheWindowCounts()
    {
        var park = Park();
        Teams(park, 1, new DateOnly(2023, 1, 1));

        var evaluated = Evaluate(park);

        Assert.Equal(10, evaluated.Score);
        Assert.True(evaluated.Evaluation.Conditions.Single(c => c.Code == "talent-teams-attracted").Passed);
    }

    [Fact]
    public void TeamsAfterTheEvaluatedYearDoNotCount()
    {
        var park = Park();
        Teams(park, 2, new DateOnly(2026, 1, 5));

        Assert.Equal(0, Evaluate(park).Score);
    }

    [Fact]
    public void TeamsAndTheShareOfProgressingEnterprisesMakeTheScore()
    {
        var park = Park();
        Teams(park, 5, new DateOnly(2024, 5, 1));
        Enterprise(park, "ent-1", new DateOnly(2023, 3, 1), new DateOnly(2025, 4, 1));
        Enterprise(park, "ent-2", new DateOnly(2023, 3, 1), null);

        var evaluated = Evaluate(park);

        // Five teams are capped at 40 points; one of two enterprises progressed for 30 of 60.
        Assert.Equal(70, evaluated.Score);
        Assert.False(evaluated.Evaluation.Passed);
        Assert.Equal("2024.3", evaluated.Evaluation.RuleSetVersion);
    }

    [Fact]
    public void AnEnterpriseThatLeftBeforeTheWindowIsNotCountedAndAGraduationInItIsProgress()
    {
        var park = Park();
        Teams(park, 4, new DateOnly(2024, 5, 1));
        Enterprise(park, "ent-gone", new DateOnly(2021, 1, 1), null);
        park.Accept<RosterStageUpdated>(new RemoveFromRoster("ent-gone", "closed", new DateOnly(2022, 6, 1)), "system");
        Enterprise(park, "ent-grad", new DateOnly(2022, 1, 1), null);
        park.Accept<RosterStageUpdated>(new UpdateRosterStage("ent-grad", RosterStage.Graduated, new DateOnly(2025, 9, 1)), "system");

        var evaluated = Evaluate(park);

        Assert.Equal(100, evaluated.Score);
        Assert.True(evaluated.Evaluation.Passed);
    }

    [Fact]
    public void OnlyAnOfficerEvaluatesAndOnlyACompletedYearNotOlderThanTheLatest()
    {
        var park = Park();

        Assert.Equal("not-an-officer", park.Reject(new EvaluatePark(2025), Operator));
        Assert.Equal("year-not-complete", park.Reject(new EvaluatePark(2026)));
        Evaluate(park, 2025);
        Assert.Equal("evaluation-superseded", park.Reject(new EvaluatePark(2024)));
    }

    [Fact]
    public void AccreditationWithoutAnyEvaluationIsRefused()
    {
        var park = Park();

        Assert.Equal("no-evaluation", park.Reject(new AccreditPark()));
        Assert.Null(park.State.Accreditation);
    }

    [Fact]
    public void AccreditationAfterAnEvaluationBelowOutstandingIsRefused()
    {
        var park = Park();
        Teams(park, 1, new DateOnly(2024, 5, 1));
        Enterprise(park, "ent-1", new DateOnly(2023, 3, 1), new DateOnly(2025, 4, 1));
        Assert.Equal(70, Evaluate(park).Score);

        Assert.Equal("evaluation-not-outstanding", park.Reject(new AccreditPark()));
    }

    [Fact]
    public void AScoreOfExactlyTheOutstandingMarkAllowsAccreditationByAnOfficer()
    {
        var park = Park();
        Teams(park, 2, new DateOnly(2024, 5, 1));
        Enterprise(park, "ent-1", new DateOnly(2023, 3, 1), new DateOnly(2025, 4, 1));
        var evaluated = Evaluate(park);

        Assert.Equal(80, evaluated.Score);
        Assert.Equal("not-an-officer", park.Reject(new AccreditPark(), Operator));
        var accredited = park.Accept<ParkAccredited>(new AccreditPark(), "officer:zhao");
        Assert.Equal((2025, 80, "officer:zhao"), (accredited.EvaluationYear, accredited.Score, accredited.AccreditedBy));
        park.AcceptNothing(new AccreditPark(), "officer:zhao");
    }

    [Fact]
    public void ALaterEvaluationBelowOutstandingBlocksAccreditationDespiteAnEarlierOutstandingOne()
    {
        var park = Park();
        Teams(park, 4, new DateOnly(2023, 5, 1));
        Enterprise(park, "ent-1", new DateOnly(2023, 3, 1), new DateOnly(2024, 4, 1));
        Assert.Equal(100, Evaluate(park, 2024).Score);

        // A stalled enterprise joins in 2025: the 2023 teams still count (40), but only one of two enterprises progressed (30).
        Enterprise(park, "ent-2", new DateOnly(2025, 1, 1), null);
        Assert.Equal(70, Evaluate(park, 2025).Score);

        Assert.Equal("evaluation-not-outstanding", park.Reject(new AccreditPark()));
    }

    [Fact]
    public void AnOutstandingEvaluationOlderThanLastYearIsStale()
    {
        var park = Park();
        Teams(park, 4, new DateOnly(2023, 5, 1));
        Enterprise(park, "ent-1", new DateOnly(2023, 3, 1), new DateOnly(2024, 4, 1));
        Assert.Equal(100, Evaluate(park, 2024).Score);

        Assert.Equal("evaluation-stale", park.Reject(new AccreditPark(), now: new DateTimeOffset(2026, 3, 16, 10, 0, 0, TimeSpan.FromHours(8))));
        park.Accept<ParkAccredited>(new AccreditPark(), now: new DateTimeOffset(2025, 3, 16, 10, 0, 0, TimeSpan.FromHours(8)));
    }

    [Fact]
    public void TheWindowAndOutstandingMarkComeFromTheRuleSet()
    {
        var park = Park(new RuleSet { ParkEvaluationWindowYears = 1, ParkOutstandingScore = 10 });
        Teams(park, 1, new DateOnly(2024, 12, 31));
        Teams(park, 1, new DateOnly(2025, 1, 1));

        var evaluated = Evaluate(park);

        Assert.Equal(10, evaluated.Score);
        Assert.True(evaluated.Evaluation.Passed);
    }

    [Fact]
    public void TheParkStateSurvivesAJsonRoundTrip()
    {
        var grain = new ParkDecider(new RuleSet());
        var park = Park();
        Teams(park, 2, new DateOnly(2024, 5, 1));
        Enterprise(park, "ent-1", new DateOnly(2023, 3, 1), new DateOnly(2025, 4, 1));
        park.Accept<RosterMilestoneRecorded>(new RecordRosterMilestone("ent-1", MilestoneKind.Revenue, 9_000_000, 2025, new DateOnly(2026, 1, 10)), "system");
        Evaluate(park);

        var copy = JsonSerializer.Deserialize<ParkState>(JsonSerializer.Serialize(park.State, grain.Json), grain.Json)!;

        Assert.Equal(RosterStage.Incubating, copy.Roster["ent-1"].Stage);
        Assert.Equal(9_000_000, copy.Roster["ent-1"].RevenueByYear[2025]);
        Assert.Equal(park.State.LatestEvaluation!.Evaluation.Explain(), copy.LatestEvaluation!.Evaluation.Explain());
    }
}
