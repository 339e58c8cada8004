using Cases.Domain.Applicants;
using Cases.Domain.ReadModels;
using Cases.Domain.Rules;
using Cases.Journal.Events;

namespace Cases.Domain.Tests.ReadModels;

public sealed class ProjectionTests
{
    private static readonly Programme Programme = new(new RuleSet());
    private static readonly Evaluation Passed = new("2024.1", true, []);
    private static readonly Evaluation Failed = new("2024.1", false, []);

    [Fact]
    public void OnlyApplicationsThatPassedTheirRulesWaitAndADecisionOfTheirKindRemovesThem()
    {
        var log = new LoggedEvents(Programme);
        var events = new[]
        {
            log.Applicant("A", new PermitApplied("RWP-1", new DateOnly(2026, 3, 2), null, "ref", Passed, "haidian")),
            log.Applicant("A", HouseholdApplied("HR-1", Passed)),
            log.Applicant("B", new PermitApplied("RWP-2", new DateOnly(2026, 3, 2), null, "ref", Failed, "chaoyang")),
            log.Applicant("A", new PermitApproved("RWP-1", "haidian", new DateOnly(2026, 3, 3), "2024.1", "officer:wang", "Art. 4 met")),
        };

        var pending = Fold(Programme.ReadModels.OfficerQueue, events).SelectMany(s => ((OfficerQueueState)s).Pending.Values).ToList();

        var left = Assert.Single(pending);
        Assert.Equal((ApplicationKinds.HouseholdRegistration, "A", "HR-1", 2L), (left.Kind, left.ApplicantKey, left.ApplicationId, left.Position));
    }

    [Fact]
    public void AnEventAlreadyFoldedIsNotFoldedAgain()
    {
        var log = new LoggedEvents(Programme);
        var registered = log.Applicant("A", new ApplicantRegistered(Applicants.ApplicantProfiles.Baseline(), "applicant:A", DateTimeOffset.UnixEpoch));
        var dashboard = Programme.ReadModels.IntakeDashboard;
        var state = (IntakeHourState)dashboard.NewState();
        var partition = dashboard.PartitionsOf(registered).Single();

        Assert.True(dashboard.Fold(state, partition, registered));
        Assert.False(dashboard.Fold(state, partition, registered));

        Assert.Equal(1, state.Registrations.Sum());
        Assert.Equal(registered.Position, state.AppliedThrough);
    }

    [Fact]
    public void TheDashboardHasOnePartitionPerUtcHourAndCountsByMinute()
    {
        var log = new LoggedEvents(Programme);
        var at = new DateTimeOffset(2026, 3, 2, 9, 59, 30, TimeSpan.FromHours(8));
        var e = log.Applicant("A", new PermitRejected("RWP-1", new DateOnly(2026, 3, 2), "officer:wang", "forged"), at);
        var dashboard = Programme.ReadModels.IntakeDashboard;

        var partition = Assert.Single(dashboard.PartitionsOf(e));
        var state = (IntakeHourState)dashboard.NewState();
        dashboard.Fold(state, partition, e);

        Assert.Equal("h2026030201", partition);
        Assert.Equal(1, state.Decisions[59]);
    }

    [Fact]
    public void TheCausationIndexFilesAnEventUnderTheSecondOfItsIdAndLinksItToItsCause()
    {
        var log = new LoggedEvents(Programme);
        var first = new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
        var cause = log.Applicant("A", new PermitRejected("RWP-1", new DateOnly(2026, 3, 2), "officer:wang", "forged"), first);
        var effect = log.Applicant("B", new PermitRejected("RWP-2", new DateOnly(2026, 3, 2), "officer:wang", "forged"), first.AddSeconds(5), causedBy: cause.EventId);
        var index = Programme.ReadModels.CausationIndex;

        var states = Fold(index, [cause, effect]).Cast<CausationIndexState>().ToList();

        Assert.Equal([CausationIndex.PartitionOf(effect.EventId), CausationIndex.PartitionOf(cause.EventId)], index.PartitionsOf(effect));
        Assert.NotEqual(CausationIndex.PartitionOf(cause.EventId), CausationIndex.PartitionOf(effect.EventId));
        var indexedCause = states.SelectMany(s => s.Events.Values).Single(e => e.EventId == cause.EventId);
        var indexedEffect = states.SelectMany(s => s.Events.Values).Single(e => e.EventId == effect.EventId);
        Assert.Equal([effect.EventId], indexedCause.Effects);
        Assert.Equal((cause.EventId, "applicant/B", 2L), (indexedEffect.CausedBy!.Value, indexedEffect.StreamId, indexedEffect.Position));
    }

    [Fact]
    public void ReadModelsHaveDistinctNamesAndOnlyTheCausationIndexTakesEventsOfOtherGrainTypes()
    {
        var models = Programme.ReadModels.All;

        Assert.Equal(models.Count, models.Select(m => m.Name).Distinct().Count());
        Assert.All(models, m => Assert.NotEmpty(m.EventTypes));
        var foreign = new StoredEvent("ledger/1", 1, 1, Guid.CreateVersion7(), nameof(PermitApplied), 1, "{}", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, "t", "c", null, "k", []);
        Assert.Equal([CausationIndex.GrainType], models.Where(m => m.Matches(foreign)).Select(m => m.Name));
    }

    private static HouseholdRegistrationApplied HouseholdApplied(string id, Evaluation evaluation) =>
        new(id, new DateOnly(2026, 3, 2), false, evaluation, [], [], "haidian");

    // Folds the events into every partition they name, as the streams would deliver them.
    private static IEnumerable<ReadModelState> Fold(Projection projection, IEnumerable<StoredEvent> events)
    {
        var states = new Dictionary<string, ReadModelState>();
        foreach (var e in events)
            projection.FoldInto(states, e);
        return states.Values;
    }
}
