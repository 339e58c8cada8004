using System.Net;
using System.Text.Json;
using static Cases.Silo.Tests.Api.AuditSteps;

namespace Cases.Silo.Tests.Api;

[Collection(ApiSiloCollection.Name)]
public sealed class AuditTimelineTests(ApiSilo silo)
{
    [Fact]
    public async Task ATimelineOf251EventsPagesByVersionWithoutGapsAndEndsWithNoNextPage()
    {
        var id = NewId("P");
        var own = await silo.SubmitApplicantAsync(Profiles.Eligible(id));
        await AddDependantsAsync(own, id, 250);
        var auditor = silo.Auditor().WithReason("timeline review");

        var versions = new List<long>();
        var pages = new List<int>();
        long? from = 1;
        while (from is { } next)
        {
            var page = await auditor.GetOkAsync($"/audit/streams/applicant/{id}/events?fromVersion={next}&limit=100");
            var events = page.GetProperty("events").EnumerateArray().ToList();
            pages.Add(events.Count);
            versions.AddRange(events.Select(e => e.GetProperty("version").GetInt64()));
            from = page.GetProperty("nextFromVersion").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextFromVersion").GetInt64();
        }

        Assert.Equal([100, 100, 51], pages);
        Assert.Equal(Enumerable.Range(1, 251).Select(v => (long)v), versions);
    }

    [Fact]
    public async Task APageShowsEachEventsEnvelope()
    {
        var id = NewId("P");
        await silo.SubmitApplicantAsync(Profiles.Eligible(id));

        var page = await silo.Auditor().WithReason("envelope check").GetOkAsync($"/audit/streams/applicant/{id}/events");

        var registered = Assert.Single(page.GetProperty("events").EnumerateArray());
        Assert.Equal($"applicant/{id}", registered.GetProperty("stream").GetString());
        Assert.Equal("ApplicantRegistered", registered.GetProperty("type").GetString());
        Assert.Equal($"applicant:{id}", registered.GetProperty("actor").GetString());
        Assert.Equal(64, registered.GetProperty("hash").GetString()!.Length);
        Assert.Equal(id, registered.GetProperty("payload").GetProperty("profile").GetProperty("identityDocument").GetString());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextFromVersion").ValueKind);
    }

    [Theory]
    [InlineData("fromVersion=0")]
    [InlineData("limit=0")]
    [InlineData("limit=1001")]
    [InlineData("limit=abc")]
    public async Task ABadPageIsA400(string query)
    {
        var id = NewId("P");
        await silo.SubmitApplicantAsync(Profiles.Eligible(id));

        var response = await silo.Auditor().WithReason("paging").GetAsync($"/audit/streams/applicant/{id}/events?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnUnknownStreamIs404AndAnUnknownGrainTypeNamesTheKnownOnes()
    {
        var missing = await silo.Auditor().GetAsync($"/audit/streams/park/{NewId("nowhere")}/events");
        var unknownType = await silo.Auditor().GetAsync("/audit/streams/spaceship/x/events");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownType.StatusCode);
        Assert.Contains("housing-office", (await unknownType.JsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnApplicantReadsTheirOwnTimelineButNotAnothersOrTheirStateAsOf()
    {
        var mine = NewId("P");
        var theirs = NewId("P");
        var own = await silo.SubmitApplicantAsync(Profiles.Eligible(mine));
        await silo.SubmitApplicantAsync(Profiles.Eligible(theirs));

        Assert.Single((await own.GetOkAsync($"/audit/streams/applicant/{mine}/events")).GetProperty("events").EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await own.GetAsync($"/audit/streams/applicant/{theirs}/events")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await own.GetAsync($"/audit/streams/applicant/{mine}/state")).StatusCode);
    }

    [Fact]
    public async Task AnOfficerReadsATimelineWithAReasonAndLeavesAnAccessRecord()
    {
        var id = NewId("P");
        await silo.SubmitApplicantAsync(Profiles.Eligible(id));

        var withoutReason = await silo.Officer().GetAsync($"/audit/streams/applicant/{id}/events");
        await silo.Officer().WithReason("deciding the permit").GetOkAsync($"/audit/streams/applicant/{id}/events");

        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        var record = Assert.Single((await silo.Auditor().GetOkAsync($"/audit/access-records/{id}")).GetProperty("records").EnumerateArray());
        Assert.Equal("deciding the permit", record.GetProperty("reason").GetString());
        Assert.Contains($"applicant/{id}", record.GetProperty("what").GetString());
    }

    [Fact]
    public async Task AnOperatorReadsNothingInTheAuditApi()
    {
        var id = NewId("P");
        await silo.SubmitApplicantAsync(Profiles.Eligible(id));
        var operatorClient = silo.As("operator", "zgc-01").WithReason("curious");

        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.GetAsync($"/audit/streams/applicant/{id}/events")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.GetAsync("/audit/streams/park/zgc-01/events")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.GetAsync($"/audit/streams/applicant/{id}/state")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.GetAsync("/audit/verify")).StatusCode);
    }

    [Fact]
    public async Task AnAnonymousCallerIsRefusedWith401()
    {
        var response = await silo.Anonymous().GetAsync("/audit/verify");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    // Concurrent commands to one grain are decided one at a time, so each adds exactly one event.
    private static async Task AddDependantsAsync(HttpClient own, string id, int count)
    {
        foreach (var chunk in Enumerable.Range(1, count).Chunk(25))
        {
            await Task.WhenAll(chunk.Select(i => own.PostOkAsync($"/applicants/{id}/dependants",
                new { dependantId = $"child-{i}", relation = "Child", name = "Li Xiao", birthDate = "2020-01-01" })));
        }
    }
}
