using System.Text.Json.Nodes;
using Cases.Domain.Applicants;
using static Cases.Domain.Tests.Applicants.ApplicantProfiles;

namespace Cases.Domain.Tests.Applicants;

/// <summary>Intake keeps each field as written and records the catalogue code it resolves to; replay and later decisions read that code.</summary>
public sealed class DisciplineCodeTests
{
    [Fact]
    public void RegisteringRecordsTheResolvedCodeBesideTheFieldAsWritten()
    {
        var e = new ApplicantHarness().Accept<ApplicantRegistered>(new RegisterApplicant(Baseline()));

        Assert.Equal(["计算机科学与技术", "computer science"], e.Profile.Degrees.Select(d => d.Field));
        Assert.Equal(["0812", "0812"], e.Profile.Degrees.Select(d => d.DisciplineCode));
    }

    [Fact]
    public void ACodeSentWithTheProfileIsReplacedByTheOneTheFieldResolvesTo()
    {
        var sent = Baseline() with { Degrees = [Baseline().Degrees[1] with { DisciplineCode = "1202" }] };

        var e = new ApplicantHarness().Accept<ApplicantRegistered>(new RegisterApplicant(sent));

        Assert.Equal("0812", Assert.Single(e.Profile.Degrees).DisciplineCode);
    }

    [Fact]
    public void AnUpdateRecordsTheCodesOfItsResearchStays()
    {
        var h = new ApplicantHarness().Register(Baseline());
        var e = h.Accept<ProfileUpdated>(new UpdateProfile(DomesticPhdWithPostDoc()));

        Assert.Equal("0702", Assert.Single(e.Profile.ResearchAbroad).DisciplineCode);
        Assert.Equal("0702", Assert.Single(h.State.Profile!.Degrees).DisciplineCode);
    }

    [Fact]
    public void AProfileRecordedBeforeCodesWereKeptResolvesItsFieldsAsItReplays()
    {
        var h = new ApplicantHarness();
        var (name, version, payload) = h.Grain.Events.Serialize(new ApplicantRegistered(DomesticPhdWithPostDoc(), ApplicantHarness.Self, DateTimeOffset.UnixEpoch));
        var old = JsonNode.Parse(payload)!;
        foreach (var list in new[] { "degrees", "researchAbroad" })
        {
            foreach (var item in old["profile"]![list]!.AsArray())
                Assert.True(item!.AsObject().Remove("disciplineCode"));
        }

        var state = h.Grain.Evolve(h.Grain.Initial, h.Grain.Events.Deserialize(name, version, old.ToJsonString()));

        Assert.Equal("0702", Assert.Single(state.Profile!.Degrees).DisciplineCode);
        Assert.Equal("0702", Assert.Single(state.Profile.ResearchAbroad).DisciplineCode);
    }

    [Fact]
    public void ARecordedCodeDecidesEvenWhereTheFieldAsWrittenWouldNowResolveOtherwise()
    {
        var h = new ApplicantHarness();
        var profile = WithMaster(10, field: "computer science");
        var recorded = profile with { Degrees = [profile.Degrees[0] with { DisciplineCode = "1202" }] };
        var state = h.Grain.Evolve(h.State, new ApplicantRegistered(recorded, ApplicantHarness.Self, DateTimeOffset.UnixEpoch));

        var assessed = HouseholdRegistrationRules.Evaluate(h.Grain.Rules, state, ApplicantHarness.Today, false, []);

        var c = Assert.Single(assessed.Paths.Single(x => x.Path == "A").Evaluation.Conditions, c => c.Code == "A-stem-degree-from-ranked-university");
        Assert.False(c.Passed);
        Assert.Contains("master in 工商管理学 (1202, management: other)", c.Reason, StringComparison.Ordinal);
    }
}
