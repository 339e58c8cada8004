using System.Text.Json;
using Cases.Domain.Enterprises;
using Cases.Domain.Imports;
using Cases.Domain.Parks;
using Cases.Domain.ReadModels;
using Cases.Domain.Rules;
using Cases.Domain.Subsidies;
using Cases.Journal.Events;

namespace Cases.Domain.Tests.ReadModels;

/// <summary>The park statistics fold: what the park's and its enterprises' events add to each park's partition, by the events' own dates.</summary>
public sealed class ParkStatisticsTests
{
    private static readonly Programme Programme = new(new RuleSet());
    private static readonly DateOnly Today = new(2026, 3, 16);
    private readonly List<StoredEvent> _log = [];

    private ParkStatistics Model => Programme.ReadModels.ParkStatistics;

    [Fact]
    public void CountsStagesAdmissionsByYearAndRouteGraduationsAndExits()
    {
        Park("zgc", new EnterpriseAddedToRoster("e1", new(2024, 12, 31)));
        Enterprise("e2", new ParkAdmissionDecided("zgc", "asked in person", "officer:li", new(2025, 1, 1), "v1"));
        Park("zgc", new EnterpriseAddedToRoster("e2", new(2025, 1, 1)));
        Enterprise("e3", new ParkAdmissionImported("zgc", new ImportSource { System = "zgc-ledger-2023", RowId = "7" }, new(2023, 5, 1), "admin:root"));
        Park("zgc", new EnterpriseAddedToRoster("e3", new(2025, 2, 1)));
        Enterprise("e4", new ParkAdmissionConsented("zgc", "applicant:a4", new(2025, 3, 1)));
        Park("zgc", new EnterpriseAddedToRoster("e4", new(2025, 3, 1)));
        Park("zgc", new RosterStageUpdated("e2", RosterStage.Admitted, RosterStage.Incubating, new(2025, 4, 1), "progress recorded"));
        Park("zgc", new RosterStageUpdated("e2", RosterStage.Incubating, RosterStage.Graduated, new(2026, 1, 5), null));
        Park("zgc", new RosterStageUpdated("e3", RosterStage.Admitted, RosterStage.Left, new(2025, 12, 31), "moved away"));
        Park("zgc", new EnterpriseAddedToRoster("e3", new(2026, 2, 1)));

        var s = Summary("zgc");

        Assert.Equal(new RosterStageCounts(Admitted: 3, Incubating: 0, Graduated: 1, Left: 0), s.Enterprises);
        Assert.Equal([new YearCount(2024, 1), new YearCount(2025, 3), new YearCount(2026, 1)], s.AdmissionsByYear);
        Assert.Equal(new AdmissionRoutes(Consented: 1, DecidedByOfficer: 1, Imported: 1), s.AdmissionRoutes);
        Assert.Equal([new YearCount(2026, 1)], s.GraduationsByYear);
        Assert.Equal([new YearCount(2025, 1)], s.ExitsByYear);
    }

    [Fact]
    public void MilestonesAddFundingAndPatentsWhileStaffAndRevenueKeepTheLatestReport()
    {
        Park("zgc", new EnterpriseAddedToRoster("e1", new(2025, 1, 1)), new EnterpriseAddedToRoster("e2", new(2025, 1, 1)));
        Park("zgc",
            new RosterMilestoneRecorded("e1", MilestoneKind.FundingRound, 2_000_000, null, new(2025, 2, 1)),
            new RosterMilestoneRecorded("e2", MilestoneKind.FundingRound, 500_000, null, new(2025, 3, 1)),
            new RosterMilestoneRecorded("e1", MilestoneKind.Patent, 3, null, new(2025, 3, 1)),
            new RosterMilestoneRecorded("e1", MilestoneKind.StaffCount, 12, null, new(2025, 3, 1)),
            new RosterMilestoneRecorded("e1", MilestoneKind.StaffCount, 20, null, new(2025, 9, 1)),
            new RosterMilestoneRecorded("e1", MilestoneKind.Revenue, 1_000_000, 2025, new(2026, 1, 10)),
            new RosterMilestoneRecorded("e1", MilestoneKind.Revenue, 1_200_000, 2025, new(2026, 2, 10)),
            new RosterMilestoneRecorded("e2", MilestoneKind.Revenue, 300_000, 2025, new(2026, 1, 10)),
            new RosterMilestoneRecorded("e2", MilestoneKind.Revenue, 50_000, 2024, new(2025, 1, 10)),
            new RosterMilestoneRecorded("e2", MilestoneKind.TaxPaid, 40_000, 2024, new(2025, 1, 10)));

        var m = Summary("zgc").Milestones;

        Assert.Equal((2L, 2_500_000L, 3L, 20m, 1L), (m.FundingRounds, m.FundingRaisedCny, m.Patents, m.Staff, m.StaffReportedBy));
        Assert.Equal([new YearAmount(2024, 50_000), new YearAmount(2025, 1_500_000)], m.RevenueByYear);
    }

    [Fact]
    public void TalentTeamsAreCountedByTheYearAttractedOverTheEvaluationsWindowOfYears()
    {
        // Parks Q&A: the evaluation counts teams of the last three years; 2023 is outside the window that ends with 2026.
        Park("zgc",
            new TalentTeamRecorded("old", new(2023, 12, 31), "operator:zgc"),
            new TalentTeamRecorded("a", new(2024, 1, 1), "operator:zgc"),
            new TalentTeamRecorded("b", new(2026, 3, 1), "operator:zgc"),
            new TalentTeamRecorded("c", new(2026, 3, 2), "officer:li"));

        var teams = Summary("zgc").TalentTeams;

        Assert.Equal((3, 2024, 2026, 3L, 4L), (teams.Years, teams.FromYear, teams.ToYear, teams.InWindow, teams.AllTime));
        Assert.Equal([new YearCount(2024, 1), new YearCount(2025, 0), new YearCount(2026, 2)], teams.ByYear);
    }

    [Fact]
    public void AReevaluationOfAYearReplacesItAndAccreditationIsKept()
    {
        var passed = new Evaluation("v1", true, []);
        Park("zgc",
            new ParkEvaluated(2024, 40, new Evaluation("v1", false, []), new(2025, 1, 10), "officer:li"),
            new ParkEvaluated(2025, 60, new Evaluation("v1", false, []), new(2026, 1, 10), "officer:li"),
            new ParkEvaluated(2025, 85, passed, new(2026, 1, 20), "officer:li"),
            new ParkAccredited(2025, 85, new(2026, 1, 21), "officer:li", "v1"));

        var s = Summary("zgc");

        Assert.Equal([new EvaluationSummary(2024, 40, false), new EvaluationSummary(2025, 85, true)], s.Evaluations);
        Assert.Equal((2025, new DateOnly(2026, 1, 21)), (s.AccreditedOnEvaluationYear, s.AccreditedOn));
    }

    [Fact]
    public void EachParkHasItsOwnPartitionAndEnterpriseEventsWithoutAParkOrGrantsReachNone()
    {
        Park("zgc", new EnterpriseAddedToRoster("e1", new(2025, 1, 1)));
        Park("tsinghua", new EnterpriseAddedToRoster("e2", new(2025, 1, 1)), new TalentTeamRecorded("t", new(2025, 5, 1), "operator:tsinghua"));
        Enterprise("e1", new MilestoneRecorded("zgc", MilestoneKind.FundingRound, 9_000_000, null, "seed", new(2025, 2, 1)));
        Enterprise("e1", new StartupGrantRecorded(true, 100_000, "awarded", new(2025, 2, 1)));
        Append("subsidy-program/startup-2025", Programme.SubsidyPrograms.Events.Serialize(new GrantAwarded("e1", 100_000, 900_000, new(2025, 2, 1), "v1")));

        var states = Fold();

        Assert.Equal(["tsinghua", "zgc"], states.Keys.Order(StringComparer.Ordinal));
        var zgc = Summary("zgc", states);
        Assert.Equal((1L, 0L, 0L), (zgc.Enterprises.Total, zgc.Milestones.FundingRaisedCny, zgc.TalentTeams.AllTime));
        Assert.Equal(1L, Summary("tsinghua", states).TalentTeams.AllTime);
    }

    [Fact]
    public void ARedeliveredEventChangesNothingAndTheStateSurvivesJson()
    {
        Park("zgc", new EnterpriseAddedToRoster("e1", new(2025, 1, 1)), new RosterMilestoneRecorded("e1", MilestoneKind.FundingRound, 700, null, new(2025, 2, 1)));
        var state = (ParkStatisticsState)Fold()["zgc"];

        Assert.False(Model.Fold(state, "zgc", _log[^1]));
        var json = JsonSerializer.Serialize(state);
        var again = JsonSerializer.Deserialize<ParkStatisticsState>(json)!;
        Assert.Equal(json, JsonSerializer.Serialize(again));
        Assert.Equal(700, again.FundingRaisedCny);
    }

    private void Park(string parkKey, params IParkEvent[] events)
    {
        foreach (var e in events)
            Append($"park/{parkKey}", Programme.Parks.Events.Serialize(e));
    }

    private void Enterprise(string enterpriseKey, IEnterpriseEvent e) => Append($"enterprise/{enterpriseKey}", Programme.Enterprises.Events.Serialize(e));

    private void Append(string stream, (string Name, int SchemaVersion, string Payload) e)
    {
        var at = new DateTimeOffset(2026, 3, 16, 2, 0, 0, TimeSpan.Zero);
        var version = _log.Count(x => x.StreamId == stream) + 1;
        _log.Add(new StoredEvent(stream, version, _log.Count + 1, Guid.CreateVersion7(), e.Name, e.SchemaVersion, e.Payload, at, at, "test", $"c{_log.Count}", null, "corr", []));
    }

    // As the rebuild folds the log: every matching event into each partition it names, in log order.
    private Dictionary<string, ReadModelState> Fold()
    {
        var states = new Dictionary<string, ReadModelState>(StringComparer.Ordinal);
        foreach (var e in _log)
            Model.FoldInto(states, e);
        return states;
    }

    private ParkStatisticsSummary Summary(string parkKey, Dictionary<string, ReadModelState>? states = null) =>
        ParkStatisticsSummary.Of(parkKey, (ParkStatisticsState)(states ?? Fold())[parkKey], Today, Programme.Rules.ParkEvaluationWindowYears);
}
