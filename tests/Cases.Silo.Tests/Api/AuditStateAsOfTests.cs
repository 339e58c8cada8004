using System.Net;
using static Cases.Silo.Tests.Api.AuditSteps;

namespace Cases.Silo.Tests.Api;

[Collection(ApiSiloCollection.Name)]
public sealed class AuditStateAsOfTests(ApiSilo silo)
{
    [Fact]
    public async Task StateAsOfAnEarlierInstantShowsTheCaseAsItWasThen()
    {
        var id = NewId("P");
        var own = await silo.SubmitApplicantAsync(Profiles.Eligible(id));
        var auditor = silo.Auditor().WithReason("replay");
        var registeredAt = (await auditor.GetOkAsync($"/audit/streams/applicant/{id}/events")).GetProperty("events")[0].GetProperty("recordedAt").GetString()!;
        await own.PostOkAsync($"/applicants/{id}/dependants", new { dependantId = "spouse", relation = "Spouse", name = "Wang Fang" });
        await own.PostOkAsync($"/applicants/{id}/recognition", new { applicationId = "rec-1" });

        var then = await auditor.GetOkAsync($"/audit/streams/applicant/{id}/state?asOf={Uri.EscapeDataString(registeredAt)}");
        var now = await auditor.GetOkAsync($"/audit/streams/applicant/{id}/state");

        Assert.Equal(1, then.GetProperty("version").GetInt64());
        Assert.Empty(then.GetProperty("state").GetProperty("dependants").EnumerateArray());
        Assert.Equal("null", then.GetProperty("state").GetProperty("recognition").GetRawText());
        Assert.Equal(3, now.GetProperty("version").GetInt64());
        Assert.Equal("Wang Fang", now.GetProperty("state").GetProperty("dependants")[0].GetProperty("name").GetString());
        Assert.Equal("rec-1", now.GetProperty("state").GetProperty("recognition").GetProperty("applicationId").GetString());
    }

    [Fact]
    public async Task StateAsOfMatchesTheLiveStateAfterEveryEvent()
    {
        var id = NewId("P");
        var own = await silo.SubmitApplicantAsync(Profiles.Eligible(id));
        await own.PostOkAsync($"/applicants/{id}/recognition", new { applicationId = "rec-1" });
        var officer = silo.Officer().WithReason("compare replay with the live case");

        var live = await officer.GetOkAsync($"/applicants/{id}");
        var replayed = await officer.GetOkAsync($"/audit/streams/applicant/{id}/state");

        Assert.Equal(live.GetProperty("version").GetInt64(), replayed.GetProperty("version").GetInt64());
        Assert.Equal(live.GetProperty("state").GetRawText(), replayed.GetProperty("state").GetRawText());
    }

    [Fact]
    public async Task StateBeforeTheFirstEventIs404()
    {
        var id = NewId("P");
        await silo.SubmitApplicantAsync(Profiles.Eligible(id));

        var response = await silo.Auditor().WithReason("replay").GetAsync($"/audit/streams/applicant/{id}/state?asOf=2001-01-01T00:00:00Z");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026-13-45T10:00:00Z")]
    [InlineData("")]
    public async Task ABadInstantIs400(string asOf)
    {
        var id = NewId("P");
        await silo.SubmitApplicantAsync(Profiles.Eligible(id));

        var response = await silo.Auditor().WithReason("replay").GetAsync($"/audit/streams/applicant/{id}/state?asOf={asOf}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid-instant", (await response.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task AStreamWithNoEventsIs404()
    {
        var response = await silo.Auditor().GetAsync($"/audit/streams/enterprise/{NewId("none")}/state");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task EveryGrainTypeOfTheProgrammeCanBeReplayed()
    {
        var programme = silo.Factory.Services.GetService(typeof(Cases.Domain.Programme)) as Cases.Domain.Programme;

        foreach (var type in programme!.Deciders.Select(d => d.GrainType))
        {
            var response = await silo.Auditor().WithReason("coverage").GetAsync($"/audit/streams/{type}/{NewId("none")}/state");
            // A known type with no events is "not-found"; a type without a replayer would be "unknown-grain-type".
            Assert.Equal("not-found", (await response.JsonAsync()).GetProperty("code").GetString());
        }
    }
}
