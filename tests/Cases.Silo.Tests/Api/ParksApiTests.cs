using System.Net.Http.Json;
using static Cases.Silo.Tests.Api.ProgrammeSteps;

namespace Cases.Silo.Tests.Api;

/// <summary>Parks over HTTP: an operator's own park only, talent teams, the annual evaluation and accreditation's refusals.</summary>
[Collection(ApiSiloCollection.Name)]
public sealed class ParksApiTests(ApiSilo silo)
{
    private static string LastYear(int month = 6) => new DateOnly(ThisYear - 1, month, 1).ToString("yyyy-MM-dd");

    [Fact]
    public async Task OperatorRecordsTalentTeamAndSeesItOnTheirPark()
    {
        var parkKey = NewId("park");
        var @operator = silo.As("operator", parkKey);

        var recorded = await @operator.PostAsJsonAsync($"/parks/{parkKey}/talent-teams", new { teamName = "Photonics group", attractedOn = LastYear() });

        Assert.Equal(["TalentTeamRecorded"], await EventTypesAsync(recorded));
        var park = await JsonAsync(await @operator.GetAsync($"/parks/{parkKey}"));
        var team = park.GetProperty("state").GetProperty("talentTeams")[0];
        Assert.Equal("Photonics group", team.GetProperty("teamName").GetString());
        Assert.Equal($"operator:{parkKey}", team.GetProperty("recordedBy").GetString());
    }

    [Fact]
    public async Task OperatorOfAnotherParkCannotReadOrRecordForIt()
    {
        var parkKey = await ParkWithATeamAsync();
        var other = silo.As("operator", NewId("park"));

        await ProblemAsync(await other.GetAsync($"/parks/{parkKey}"), 403, "forbidden");
        await ProblemAsync(await other.PostAsJsonAsync($"/parks/{parkKey}/talent-teams", new { teamName = "Poached", attractedOn = LastYear() }), 403, "forbidden");
        var park = await JsonAsync(await silo.Auditor().GetAsync($"/parks/{parkKey}"));
        Assert.Equal(1, park.GetProperty("state").GetProperty("talentTeams").GetArrayLength());
    }

    [Fact]
    public async Task ApplicantsCannotReadParks()
    {
        var parkKey = await ParkWithATeamAsync();
        var (_, applicant) = await RecognisedApplicantAsync(silo);

        await ProblemAsync(await applicant.GetAsync($"/parks/{parkKey}"), 403);
    }

    [Fact]
    public async Task UnknownParkIs404ForReadsEvaluationsAndAccreditation()
    {
        var parkKey = NewId("park");
        var officer = silo.Officer();

        await ProblemAsync(await officer.GetAsync($"/parks/{parkKey}"), 404, "not-found");
        await ProblemAsync(await officer.PostAsJsonAsync($"/parks/{parkKey}/evaluations", new { year = ThisYear - 1 }), 404, "not-found");
        await ProblemAsync(await officer.PostAsync($"/parks/{parkKey}/accreditation", null), 404, "not-found");
    }

    [Fact]
    public async Task TalentTeamErrorsAreNamedByField()
    {
        var parkKey = NewId("park");
        var officer = silo.Officer();
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2).ToString("yyyy-MM-dd");

        await FieldErrorsAsync(await officer.PostAsJsonAsync($"/parks/{parkKey}/talent-teams", new { teamName = "", attractedOn = tomorrow }), "teamName", "attractedOn");
        await FieldErrorsAsync(await officer.PostAsJsonAsync($"/parks/{parkKey}/talent-teams", new { teamName = "T" }), "attractedOn");
        await FieldErrorsAsync(await officer.PostAsJsonAsync($"/parks/{new string('p', 129)}/talent-teams", new { teamName = "T", attractedOn = LastYear() }), "parkKey");
        await ProblemAsync(await officer.GetAsync($"/parks/{parkKey}"), 404);
    }

    [Fact]
    public async Task MalformedDateIs400()
    {
        var response = await silo.Officer().PostAsJsonAsync($"/parks/{NewId("park")}/talent-teams", new { teamName = "T", attractedOn = "last spring" });

        var problem = await ProblemAsync(response, 400, "malformed-json");
        Assert.StartsWith("$.attractedOn", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task OfficerEvaluatesLastYearFromItsTalentTeams()
    {
        var parkKey = await ParkWithATeamAsync();

        var evaluated = await silo.Officer().PostAsJsonAsync($"/parks/{parkKey}/evaluations", new { year = ThisYear - 1 });

        var payload = (await JsonAsync(evaluated)).GetProperty("events")[0].GetProperty("payload");
        Assert.Equal(10, payload.GetProperty("score").GetInt32());
        Assert.False(payload.GetProperty("evaluation").GetProperty("passed").GetBoolean());
    }

    [Fact]
    public async Task EvaluatingTheCurrentYearIs409AndAMissingYearIs400()
    {
        var parkKey = await ParkWithATeamAsync();
        var officer = silo.Officer();

        await ProblemAsync(await officer.PostAsJsonAsync($"/parks/{parkKey}/evaluations", new { year = ThisYear }), 409, "year-not-complete");
        await FieldErrorsAsync(await officer.PostAsJsonAsync($"/parks/{parkKey}/evaluations", new { }), "year");
        await FieldErrorsAsync(await officer.PostAsJsonAsync($"/parks/{parkKey}/evaluations", new { year = -3 }), "year");
    }

    [Fact]
    public async Task AccreditationNeedsAnOutstandingEvaluation()
    {
        var parkKey = await ParkWithATeamAsync();
        var officer = silo.Officer();

        await ProblemAsync(await officer.PostAsync($"/parks/{parkKey}/accreditation", null), 409, "no-evaluation");
        Assert.Equal(200, (int)(await officer.PostAsJsonAsync($"/parks/{parkKey}/evaluations", new { year = ThisYear - 1 })).StatusCode);
        await ProblemAsync(await officer.PostAsync($"/parks/{parkKey}/accreditation", null), 409, "evaluation-not-outstanding");
    }

    [Theory]
    [InlineData("auditor")]
    [InlineData("admin")]
    public async Task OnlyOfficersEvaluateAndAccredit(string role)
    {
        var parkKey = await ParkWithATeamAsync();
        var client = silo.As(role, "x");

        await ProblemAsync(await client.PostAsJsonAsync($"/parks/{parkKey}/evaluations", new { year = ThisYear - 1 }), 403);
        await ProblemAsync(await client.PostAsync($"/parks/{parkKey}/accreditation", null), 403);
        var park = await JsonAsync(await silo.Officer().GetAsync($"/parks/{parkKey}"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, park.GetProperty("state").GetProperty("latestEvaluation").ValueKind);
    }

    [Fact]
    public async Task OperatorCannotEvaluateTheirOwnPark()
    {
        var parkKey = await ParkWithATeamAsync();

        var response = await silo.As("operator", parkKey).PostAsJsonAsync($"/parks/{parkKey}/evaluations", new { year = ThisYear - 1 });

        await ProblemAsync(response, 403);
    }

    [Fact]
    public async Task AuditorCannotRecordTalentTeams()
    {
        var parkKey = await ParkWithATeamAsync();

        var response = await silo.Auditor().PostAsJsonAsync($"/parks/{parkKey}/talent-teams", new { teamName = "Ghost", attractedOn = LastYear() });

        await ProblemAsync(response, 403);
    }

    private async Task<string> ParkWithATeamAsync()
    {
        var parkKey = NewId("park");
        var recorded = await silo.Officer().PostAsJsonAsync($"/parks/{parkKey}/talent-teams", new { teamName = "Founding team", attractedOn = LastYear() });
        Assert.Equal(200, (int)recorded.StatusCode);
        return parkKey;
    }
}
