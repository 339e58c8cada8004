using System.Text.Json;
using Cases.Domain.Parks;
using Cases.Domain.ReadModels;
using Cases.Grains.Tests.Support;
using Orleans.Serialization;

namespace Cases.Grains.Tests.ReadModels;

/// <summary>A park's statistics cross grain calls as a <see cref="ReadModelState"/> (what GetState answers) with every figure intact.</summary>
[Collection(SharedClusterCollection.Name)]
public sealed class ParkStatisticsStateSerializationTests(SharedCluster shared)
{
    [Fact]
    public void EveryFigureSurvivesOrleansSerializerAsTheBaseType()
    {
        var state = new ParkStatisticsState
        {
            AppliedThrough = 42,
            Enterprises = new(StringComparer.Ordinal)
            {
                ["e1"] = new() { Stage = RosterStage.Graduated, StaffCount = 12, RevenueByYear = new() { [2025] = 1_000_000 } },
                ["e2"] = new() { Stage = RosterStage.Left },
            },
            AdmissionsByYear = new() { [2024] = 1, [2025] = 2 },
            GraduationsByYear = new() { [2026] = 1 },
            ExitsByYear = new() { [2025] = 1 },
            ConsentedAdmissions = 1,
            OfficerAdmissions = 1,
            ImportedAdmissions = 1,
            FundingRounds = 3,
            FundingRaisedCny = 2_500_000,
            Patents = 4,
            TalentTeamsByYear = new() { [2025] = 2 },
            Evaluations = new() { [2025] = new() { Score = 85, Outstanding = true } },
            AccreditedOnEvaluationYear = 2025,
            AccreditedOn = new DateOnly(2026, 1, 21),
        };
        var serializer = shared.Silo.Service<Serializer>();

        var copy = Assert.IsType<ParkStatisticsState>(serializer.Deserialize<ReadModelState>(serializer.SerializeToArray<ReadModelState>(state)));

        Assert.Equal(JsonSerializer.Serialize(state), JsonSerializer.Serialize(copy));
        Assert.Equal(42, copy.AppliedThrough);
    }
}
