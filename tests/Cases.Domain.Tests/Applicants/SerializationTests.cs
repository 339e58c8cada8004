using System.Text.Json;
using Cases.Domain.Applicants;
using static Cases.Domain.Tests.Applicants.ApplicantProfiles;

namespace Cases.Domain.Tests.Applicants;

public sealed class SerializationTests
{
    [Fact]
    public void EveryEventAndTheStateSurviveAJsonRoundTrip()
    {
        var h = new ApplicantHarness().WithApprovedPermit(ForeignPassport(new DateOnly(2030, 1, 1)));
        h.Accept<DependantAdded>(new AddDependant(new Dependant("C-1", DependantRelation.Child, "Tom", new DateOnly(2012, 3, 3), PassportKind.Foreign, new DateOnly(2031, 1, 1))));
        h.Accept<HouseholdRegistrationApplied>(new ApplyForHouseholdRegistration("H-1", true, ["C-1"]));
        h.Accept<HouseholdRegistrationApproved>(new ApproveHouseholdRegistration("H-1", "ok"), ApplicantHarness.Officer);
        h.Accept<ForeignResidenceEvaluated>(new ApplyForForeignResidence("F-1", ForeignResidenceKind.ResidencePermit, ["C-1"]));
        h.Accept<PermitRevoked>(new RevokePermit("P-1", "left the city"), ApplicantHarness.Officer);

        var replayed = h.Grain.Initial;
        foreach (var e in h.Timeline)
        {
            var (name, version, payload) = h.Grain.Events.Serialize(e);
            var back = h.Grain.Events.Deserialize(name, version, payload);
            Assert.Equal(payload, h.Grain.Events.Serialize(back).Payload);
            replayed = h.Grain.Evolve(replayed, back);
        }
        var json = JsonSerializer.Serialize(h.State, h.Grain.Json);
        Assert.Equal(json, JsonSerializer.Serialize(replayed, h.Grain.Json));
        var restored = JsonSerializer.Deserialize<ApplicantState>(json, h.Grain.Json)!;
        Assert.Equal(json, JsonSerializer.Serialize(restored, h.Grain.Json));
        Assert.Contains("\"status\":\"Revoked\"", json, StringComparison.Ordinal);
    }
}
