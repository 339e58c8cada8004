using Cases.Domain.ReadModels;
using Cases.Grains.Tests.Support;
using Orleans.Storage;

namespace Cases.Grains.Tests.ReadModels;

[Collection(SharedClusterCollection.Name)]
public sealed class ReadModelStateStorageTests(SharedCluster shared)
{
    public static TheoryData<string, ReadModelState> States() => new()
    {
        { "officer-queue", new OfficerQueueState { AppliedThrough = 9, Pending = { ["permit|P-1"] = new PendingApplication
            {
                Kind = "permit", ApplicantKey = "P-1", ApplicationId = "RWP-1", Position = 7, AppliedAt = DateTimeOffset.UnixEpoch, District = "haidian",
                RuleSetVersion = "2024.1", Conditions = [new PendingCondition { Code = "recognised", Source = "Art. 4", Passed = true, Reason = "recognised on 2026-03-01" }],
            } } } },
        { "intake-dashboard", new IntakeHourState { AppliedThrough = 3, Registrations = { [5] = 2 } } },
        { "park-statistics", new ParkStatisticsState { AppliedThrough = 5, AdmissionsByYear = { [2026] = 2 }, Enterprises = { ["E-1"] = new ParkEnterpriseFigures { StaffCount = 12, RevenueByYear = { [2025] = 800_000 } } } } },
        { "search-index", SearchState() },
        { "causation-index", new CausationIndexState { AppliedThrough = 4, Events = { [Guid.CreateVersion7()] = new IndexedEvent { StreamId = "applicant/P-1", Version = 2, Position = 4, CausedBy = Guid.CreateVersion7(), Effects = [Guid.CreateVersion7()] } } } },
    };

    private static SearchIndexState SearchState()
    {
        var state = new SearchIndexState { AppliedThrough = 6 };
        state.Add("张伟", "applicant/P-1");
        state.Add("li", "applicant/P-2");
        return state;
    }

    [Theory]
    [MemberData(nameof(States))]
    public void EveryReadModelStateRoundTripsThroughTheSilosGrainStorageSerializer(string model, ReadModelState state)
    {
        var serializer = shared.Silo.Service<IGrainStorageSerializer>();

        var copy = serializer.Deserialize<ReadModelState>(serializer.Serialize(state));

        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(state, state.GetType()), System.Text.Json.JsonSerializer.Serialize(copy, copy!.GetType()));
        Assert.False(string.IsNullOrEmpty(model));
    }
}
