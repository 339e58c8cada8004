using System.Net.Http.Json;
using System.Text.Json;
using static Cases.Silo.Tests.Api.ProgrammeSteps;

namespace Cases.Silo.Tests.Api;

/// <summary>Park incubation over HTTP: admission (an operator's proposal and a founder's consent, or an officer's decision), milestones, graduation and exit, and park operators seeing only their own park's enterprises.</summary>
[Collection(ApiSiloCollection.Name)]
public sealed class EnterprisesIncubationTests(ApiSilo silo)
{
    [Fact]
    public async Task OperatorReadingAnotherParksEnterpriseGets403()
    {
        var (id, _, @operator) = await EnterpriseInParkAsync(silo);
        var otherOperator = silo.As("operator", NewId("park"));

        await ProblemAsync(await otherOperator.GetAsync($"/enterprises/{id}"), 403, "forbidden");
        var own = await JsonAsync(await @operator.GetAsync($"/enterprises/{id}"));
        Assert.Equal(id, own.GetProperty("grain").GetString()!.Split('/')[1]);
    }

    [Fact]
    public async Task OperatorCannotReadAnEnterpriseInNoPark()
    {
        var (id, _, _) = await EnterpriseAsync(silo);

        await ProblemAsync(await silo.As("operator", NewId("park")).GetAsync($"/enterprises/{id}"), 403, "forbidden");
    }

    [Fact]
    public async Task AnOperatorCannotAdmitAnEnterpriseInNoParkOnTheirOwnAndSoCannotReadOrManageIt()
    {
        var (id, _, _) = await EnterpriseAsync(silo);
        var parkKey = NewId("park");
        var @operator = silo.As("operator", parkKey);

        await @operator.PostAsJsonAsync($"/enterprises/{id}/park-admission", new { parkKey });

        await ProblemAsync(await @operator.GetAsync($"/enterprises/{id}"), 403, "forbidden");
        await ProblemAsync(await @operator.PostAsJsonAsync($"/enterprises/{id}/milestones", new { kind = "Patent", value = 1 }), 403, "forbidden");
        var state = await JsonAsync(await silo.Officer().GetAsync($"/enterprises/{id}"));
        Assert.Equal(JsonValueKind.Null, state.GetProperty("state").GetProperty("currentParkKey").ValueKind);
    }

    [Fact]
    public async Task AdmittedEnterpriseJoinsTheParkRoster()
    {
        var (id, parkKey, @operator) = await EnterpriseInParkAsync(silo);

        var park = await EventuallyAsync(() => @operator.GetAsync($"/parks/{parkKey}"),
            p => p.GetProperty("state").GetProperty("roster").TryGetProperty(id, out _));

        Assert.Equal("Admitted", park.GetProperty("state").GetProperty("roster").GetProperty(id).GetProperty("stage").GetString());
    }

    [Fact]
    public async Task AnOperatorsProposalAdmitsTheEnterpriseOnlyOnceAFounderConsents()
    {
        var (id, _, founder) = await EnterpriseAsync(silo);
        var parkKey = NewId("park");
        var @operator = silo.As("operator", parkKey);

        var proposed = await @operator.PostAsJsonAsync($"/enterprises/{id}/park-admission-proposals", new { parkKey });

        Assert.Equal(["ParkAdmissionProposed"], await EventTypesAsync(proposed));
        await ProblemAsync(await @operator.GetAsync($"/enterprises/{id}"), 403, "forbidden");
        var pending = await JsonAsync(await founder.GetAsync($"/enterprises/{id}"));
        Assert.True(pending.GetProperty("state").GetProperty("admissionProposals").TryGetProperty(parkKey, out _));
        var consented = await founder.PostAsync($"/enterprises/{id}/park-admission-proposals/{parkKey}/consent", null);
        Assert.Equal(["ParkAdmissionConsented", "EnterpriseAdmittedToPark"], await EventTypesAsync(consented));
        var state = await JsonAsync(await @operator.GetAsync($"/enterprises/{id}"));
        Assert.Equal(parkKey, state.GetProperty("state").GetProperty("currentParkKey").GetString());
    }

    [Fact]
    public async Task OnlyAFounderConsentsAndOnlyToAParksProposal()
    {
        var (id, _, founder) = await EnterpriseAsync(silo);
        var parkKey = NewId("park");
        var (_, stranger) = await RecognisedApplicantAsync(silo);

        await ProblemAsync(await founder.PostAsync($"/enterprises/{id}/park-admission-proposals/{parkKey}/consent", null), 409, "no-admission-proposal");
        await JsonAsync(await silo.As("operator", parkKey).PostAsJsonAsync($"/enterprises/{id}/park-admission-proposals", new { parkKey }));
        await ProblemAsync(await stranger.PostAsync($"/enterprises/{id}/park-admission-proposals/{parkKey}/consent", null), 403, "forbidden");
        await ProblemAsync(await silo.As("operator", parkKey).PostAsync($"/enterprises/{id}/park-admission-proposals/{parkKey}/consent", null), 403);
        var state = await JsonAsync(await silo.Officer().GetAsync($"/enterprises/{id}"));
        Assert.Equal(JsonValueKind.Null, state.GetProperty("state").GetProperty("currentParkKey").ValueKind);
    }

    [Fact]
    public async Task OperatorCannotProposeAdmissionToAnotherPark()
    {
        var (id, _, _) = await EnterpriseAsync(silo);

        var response = await silo.As("operator", NewId("park")).PostAsJsonAsync($"/enterprises/{id}/park-admission-proposals", new { parkKey = NewId("park") });

        await ProblemAsync(response, 403, "forbidden");
        var state = await JsonAsync(await silo.Officer().GetAsync($"/enterprises/{id}"));
        Assert.Empty(state.GetProperty("state").GetProperty("admissionProposals").EnumerateObject());
    }

    [Fact]
    public async Task AProposalForAnEnterpriseInAnotherParkAnswersAsForAnUnknownOne()
    {
        var (id, _, _) = await EnterpriseInParkAsync(silo);
        var parkKey = NewId("park");
        var @operator = silo.As("operator", parkKey);

        var inOtherPark = await ProblemAsync(await @operator.PostAsJsonAsync($"/enterprises/{id}/park-admission-proposals", new { parkKey }), 409, "not-admissible");
        var unknownId = NewId("E");
        var unknown = await ProblemAsync(await @operator.PostAsJsonAsync($"/enterprises/{unknownId}/park-admission-proposals", new { parkKey }), 409, "not-admissible");

        Assert.Equal(inOtherPark.GetProperty("detail").GetString()!.Replace(id, "{id}"), unknown.GetProperty("detail").GetString()!.Replace(unknownId, "{id}"));
    }

    [Fact]
    public async Task AnOfficerAdmitsWithAReasonTheTimelineKeeps()
    {
        var (id, _, _) = await EnterpriseAsync(silo);
        var parkKey = NewId("park");

        var admitted = await silo.Officer().PostAsJsonAsync($"/enterprises/{id}/park-admission", new { parkKey, reason = "founders asked the centre in person" });

        var events = (await JsonAsync(admitted)).GetProperty("events");
        Assert.Equal(["ParkAdmissionDecided", "EnterpriseAdmittedToPark"], events.EnumerateArray().Select(e => e.GetProperty("type").GetString()));
        Assert.Equal("founders asked the centre in person", events[0].GetProperty("payload").GetProperty("reason").GetString());
        var state = await JsonAsync(await silo.As("operator", parkKey).GetAsync($"/enterprises/{id}"));
        Assert.Equal(parkKey, state.GetProperty("state").GetProperty("currentParkKey").GetString());
    }

    [Fact]
    public async Task AdmissionToASecondParkIs409()
    {
        var (id, _, _) = await EnterpriseInParkAsync(silo);

        var response = await silo.Officer().PostAsJsonAsync($"/enterprises/{id}/park-admission", new { parkKey = NewId("park"), reason = "move it" });

        await ProblemAsync(response, 409, "already-in-park");
    }

    [Fact]
    public async Task AdmissionOfAnUnknownEnterpriseIs404()
    {
        var response = await silo.Officer().PostAsJsonAsync($"/enterprises/{NewId("E")}/park-admission", new { parkKey = NewId("park"), reason = "x" });

        await ProblemAsync(response, 404, "not-found");
    }

    [Fact]
    public async Task AdmissionWithoutParkKeyOrReasonIs400()
    {
        var (id, _, _) = await EnterpriseAsync(silo);

        await FieldErrorsAsync(await silo.Officer().PostAsJsonAsync($"/enterprises/{id}/park-admission", new { parkKey = "", reason = "x" }), "parkKey");
        await FieldErrorsAsync(await silo.Officer().PostAsJsonAsync($"/enterprises/{id}/park-admission", new { parkKey = NewId("park") }), "reason");
    }

    [Fact]
    public async Task OperatorRecordsMilestoneAndTheRosterShowsIt()
    {
        var (id, parkKey, @operator) = await EnterpriseInParkAsync(silo);

        var recorded = await @operator.PostAsJsonAsync($"/enterprises/{id}/milestones", new { kind = "FundingRound", value = 2_000_000, reference = "seed" });

        Assert.Equal(["MilestoneRecorded"], await EventTypesAsync(recorded));
        var park = await EventuallyAsync(() => @operator.GetAsync($"/parks/{parkKey}"),
            p => p.GetProperty("state").GetProperty("roster").TryGetProperty(id, out var e) && e.GetProperty("fundingRaisedCny").GetInt64() == 2_000_000);
        Assert.Equal("Incubating", park.GetProperty("state").GetProperty("roster").GetProperty(id).GetProperty("stage").GetString());
    }

    [Fact]
    public async Task OperatorOfAnotherParkCannotRecordMilestones()
    {
        var (id, _, _) = await EnterpriseInParkAsync(silo);

        var response = await silo.As("operator", NewId("park")).PostAsJsonAsync($"/enterprises/{id}/milestones", new { kind = "Patent", value = 1 });

        await ProblemAsync(response, 403, "forbidden");
    }

    [Fact]
    public async Task MilestoneErrorsAreNamedByField()
    {
        var (id, _, @operator) = await EnterpriseInParkAsync(silo);

        await FieldErrorsAsync(await @operator.PostAsJsonAsync($"/enterprises/{id}/milestones", new { kind = "StaffCount", value = -1, year = 2020 }), "value", "year");
        await FieldErrorsAsync(await @operator.PostAsJsonAsync($"/enterprises/{id}/milestones", new { kind = "Revenue", value = 10 }), "year");
        await FieldErrorsAsync(await @operator.PostAsJsonAsync($"/enterprises/{id}/milestones", new { kind = "TaxPaid", value = 10, year = ThisYear + 1 }), "year");
        await FieldErrorsAsync(await @operator.PostAsJsonAsync($"/enterprises/{id}/milestones", new { kind = 42, value = 1 }), "kind");
        await FieldErrorsAsync(await @operator.PostAsJsonAsync($"/enterprises/{id}/milestones", new { value = 1 }), "kind");
    }

    [Fact]
    public async Task UnknownMilestoneKindNameIs400NamingTheField()
    {
        var (id, _, @operator) = await EnterpriseInParkAsync(silo);

        var response = await @operator.PostAsJsonAsync($"/enterprises/{id}/milestones", new { kind = "Unicorn", value = 1 });

        var problem = await ProblemAsync(response, 400, "malformed-json");
        Assert.StartsWith("$.kind", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task MilestoneOfAnUnknownEnterpriseIs404()
    {
        var response = await silo.Officer().PostAsJsonAsync($"/enterprises/{NewId("E")}/milestones", new { kind = "Patent", value = 1 });

        await ProblemAsync(response, 404, "not-found");
    }

    [Fact]
    public async Task GraduateStaysReadableByItsParksOperatorAndCannotGraduateAgain()
    {
        var (id, _, @operator) = await EnterpriseInParkAsync(silo);

        var graduated = await @operator.PostAsync($"/enterprises/{id}/graduation", null);

        Assert.Equal(["EnterpriseGraduated"], await EventTypesAsync(graduated));
        var state = await JsonAsync(await @operator.GetAsync($"/enterprises/{id}"));
        Assert.Equal(JsonValueKind.Null, state.GetProperty("state").GetProperty("currentParkKey").ValueKind);
        await ProblemAsync(await silo.Officer().PostAsync($"/enterprises/{id}/graduation", null), 409, "not-in-park");
        await ProblemAsync(await @operator.PostAsync($"/enterprises/{id}/graduation", null), 403, "forbidden");
    }

    [Fact]
    public async Task EnterpriseThatLeftIsNoLongerReadableByTheParksOperator()
    {
        var (id, _, @operator) = await EnterpriseInParkAsync(silo);

        var left = await @operator.PostAsJsonAsync($"/enterprises/{id}/exit", new { reason = "moved abroad" });

        Assert.Equal(["EnterpriseLeftPark"], await EventTypesAsync(left));
        await ProblemAsync(await @operator.GetAsync($"/enterprises/{id}"), 403, "forbidden");
        await ProblemAsync(await silo.Officer().PostAsJsonAsync($"/enterprises/{id}/exit", new { reason = "again" }), 409, "not-in-park");
    }

    [Fact]
    public async Task ExitWithoutReasonIs400()
    {
        var (id, _, @operator) = await EnterpriseInParkAsync(silo);

        await FieldErrorsAsync(await @operator.PostAsJsonAsync($"/enterprises/{id}/exit", new { reason = "" }), "reason");
    }

    [Fact]
    public async Task ExitOfAnUnknownEnterpriseIs404()
    {
        await ProblemAsync(await silo.Officer().PostAsJsonAsync($"/enterprises/{NewId("E")}/exit", new { reason = "x" }), 404, "not-found");
    }

    [Fact]
    public async Task AuditorCannotChangeAnEnterprise()
    {
        var (id, parkKey, _) = await EnterpriseInParkAsync(silo);
        var auditor = silo.Auditor();

        await ProblemAsync(await auditor.PostAsJsonAsync($"/enterprises/{id}/milestones", new { kind = "Patent", value = 1 }), 403);
        await ProblemAsync(await auditor.PostAsJsonAsync($"/enterprises/{id}/park-admission", new { parkKey, reason = "audit" }), 403);
        await ProblemAsync(await auditor.PostAsJsonAsync($"/enterprises/{id}/park-admission-proposals", new { parkKey }), 403);
        await ProblemAsync(await auditor.PostAsync($"/enterprises/{id}/graduation", null), 403);
        await ProblemAsync(await auditor.PostAsJsonAsync($"/enterprises/{id}/exit", new { reason = "audit" }), 403);

        var state = await JsonAsync(await auditor.GetAsync($"/enterprises/{id}"));
        Assert.Equal(parkKey, state.GetProperty("state").GetProperty("currentParkKey").GetString());
        Assert.Equal(0, state.GetProperty("state").GetProperty("patents").GetInt32());
    }
}
