using Cases.Domain.Enterprises;
using Cases.Domain.Parks;
using Cases.Domain.Rules;
using Cases.Domain.Tests.Enterprises;

namespace Cases.Domain.Tests.Parks;

public sealed class ParkRosterTests
{
    private const string Streams = "system:streams";
    private static readonly DateOnly Day = new(2026, 2, 1);

    private static DeciderScenario<ParkState, IParkCommand, IParkEvent> WithEnterprise()
    {
        var scenario = new DeciderScenario<ParkState, IParkCommand, IParkEvent>(new ParkDecider(new RuleSet()));
        scenario.Accept<EnterpriseAddedToRoster>(new AddToRoster("ent-1", Day), Streams);
        return scenario;
    }

    [Fact]
    public void AddingAnEnterpriseAlreadyOnTheRosterIsANoOp()
    {
        var scenario = WithEnterprise();

        scenario.AcceptNothing(new AddToRoster("ent-1", Day.AddDays(3)), Streams);

        var entry = Assert.Single(scenario.State.Roster.Values);
        Assert.Equal((RosterStage.Admitted, Day), (entry.Stage, entry.AdmittedOn));
    }

    [Fact]
    public void TheFirstMilestoneMovesAnAdmittedEnterpriseToIncubatingAndCountsProgress()
    {
        var scenario = WithEnterprise();

        var decision = scenario.Send(new RecordRosterMilestone("ent-1", MilestoneKind.FundingRound, 3_000_000, null, Day.AddDays(10)), Streams);
        scenario.Accept<RosterMilestoneRecorded>(new RecordRosterMilestone("ent-1", MilestoneKind.Patent, 2, null, Day.AddDays(20)), Streams);
        scenario.Accept<RosterMilestoneRecorded>(new RecordRosterMilestone("ent-1", MilestoneKind.StaffCount, 12, null, Day.AddDays(20)), Streams);

        Assert.Equal([typeof(RosterMilestoneRecorded), typeof(RosterStageUpdated)], decision.Events.Select(e => e.GetType()));
        var entry = scenario.State.Roster["ent-1"];
        Assert.Equal((RosterStage.Incubating, 1, 3_000_000L, 2, 12L), (entry.Stage, entry.FundingRounds, entry.FundingRaisedCny, entry.Patents, entry.StaffCount));
    }

    [Fact]
    public void AFundingRoundThatWouldOverflowTheEntrysTotalIsRefusedAndTheTotalStaysPositive()
    {
        var scenario = WithEnterprise();
        Assert.True(scenario.Send(new RecordRosterMilestone("ent-1", MilestoneKind.FundingRound, long.MaxValue, null, Day), Streams).IsAccepted);

        Assert.Equal("total-overflow", scenario.Reject(new RecordRosterMilestone("ent-1", MilestoneKind.FundingRound, 1, null, Day), Streams));
        Assert.Equal(long.MaxValue, scenario.State.Roster["ent-1"].FundingRaisedCny);
    }

    [Fact]
    public void AFundingRoundThatWouldOverflowTheParksTotalIsRefused()
    {
        var scenario = WithEnterprise();
        scenario.Accept<EnterpriseAddedToRoster>(new AddToRoster("ent-2", Day), Streams);
        Assert.True(scenario.Send(new RecordRosterMilestone("ent-1", MilestoneKind.FundingRound, long.MaxValue - 10, null, Day), Streams).IsAccepted);

        Assert.Equal("total-overflow", scenario.Reject(new RecordRosterMilestone("ent-2", MilestoneKind.FundingRound, 11, null, Day), Streams));
        Assert.Equal(0, scenario.State.Roster["ent-2"].FundingRaisedCny);
    }

    [Fact]
    public void APatentCountThatWouldOverflowTheEntrysTotalIsRefused()
    {
        var scenario = WithEnterprise();

        Assert.Equal("total-overflow", scenario.Reject(new RecordRosterMilestone("ent-1", MilestoneKind.Patent, (long)int.MaxValue + 2, null, Day), Streams));
        Assert.Equal(0, scenario.State.Roster["ent-1"].Patents);
    }

    [Fact]
    public void CommandsForAnEnterpriseNotOnTheRosterAreRejected()
    {
        var scenario = WithEnterprise();

        Assert.Equal("not-on-roster", scenario.Reject(new RecordRosterMilestone("ent-9", MilestoneKind.Patent, 1, null, Day), Streams));
        Assert.Equal("not-on-roster", scenario.Reject(new UpdateRosterStage("ent-9", RosterStage.Graduated, Day), Streams));
    }

    [Fact]
    public void AGraduateStaysGraduatedAndCannotBeAddedOrProgressAgain()
    {
        var scenario = WithEnterprise();

        var graduated = scenario.Accept<RosterStageUpdated>(new UpdateRosterStage("ent-1", RosterStage.Graduated, Day.AddYears(2)), Streams);
        scenario.AcceptNothing(new UpdateRosterStage("ent-1", RosterStage.Graduated, Day.AddYears(2)), Streams);

        Assert.Equal((RosterStage.Admitted, RosterStage.Graduated), (graduated.From, graduated.To));
        Assert.Equal(Day.AddYears(2), scenario.State.Roster["ent-1"].EndedOn);
        Assert.Equal("already-graduated", scenario.Reject(new AddToRoster("ent-1", Day.AddYears(3)), Streams));
        Assert.Equal("not-incubating", scenario.Reject(new RecordRosterMilestone("ent-1", MilestoneKind.Patent, 1, null, Day.AddYears(3)), Streams));
        Assert.Equal("invalid-stage-transition", scenario.Reject(new UpdateRosterStage("ent-1", RosterStage.Incubating, Day.AddYears(3)), Streams));
    }

    [Fact]
    public void StagesDoNotMoveBackToAdmitted()
    {
        var scenario = WithEnterprise();
        scenario.Accept<RosterStageUpdated>(new UpdateRosterStage("ent-1", RosterStage.Incubating, Day), Streams);

        Assert.Equal("invalid-stage-transition", scenario.Reject(new UpdateRosterStage("ent-1", RosterStage.Admitted, Day), Streams));
    }

    [Fact]
    public void ARemovedEnterpriseIsMarkedLeftAndMayBeAddedAgain()
    {
        var scenario = WithEnterprise();

        var left = scenario.Accept<RosterStageUpdated>(new RemoveFromRoster("ent-1", "moved away", Day.AddMonths(6)), Streams);
        scenario.AcceptNothing(new RemoveFromRoster("ent-1", "moved away", Day.AddMonths(6)), Streams);
        scenario.Accept<EnterpriseAddedToRoster>(new AddToRoster("ent-1", Day.AddYears(1)), Streams);

        Assert.Equal((RosterStage.Left, "moved away"), (left.To, left.Reason));
        var entry = scenario.State.Roster["ent-1"];
        Assert.Equal((RosterStage.Admitted, Day.AddYears(1), (DateOnly?)null), (entry.Stage, entry.AdmittedOn, entry.EndedOn));
    }

    [Fact]
    public void RemovalWithoutAReasonIsRejected()
    {
        var scenario = WithEnterprise();

        Assert.Equal("reason-missing", scenario.Reject(new RemoveFromRoster("ent-1", "", Day), Streams));
    }

    [Fact]
    public void TheSameTalentTeamOnTheSameDayIsRecordedOnce()
    {
        var scenario = WithEnterprise();

        scenario.Accept<TalentTeamRecorded>(new RecordTalentTeam(Day, "Quantum sensing team"), "operator:park-zgc-01");
        scenario.AcceptNothing(new RecordTalentTeam(Day, "Quantum sensing team"), "operator:park-zgc-01");

        Assert.Single(scenario.State.TalentTeams);
        Assert.Equal("date-in-future", scenario.Reject(new RecordTalentTeam(new DateOnly(2026, 12, 1), "Later team"), "operator:park-zgc-01"));
    }
}
