using System.Net;
using static Cases.Silo.Tests.Api.AuditSteps;

namespace Cases.Silo.Tests.Api;

[Collection(ApiSiloCollection.Name)]
public sealed class ApplicantsReadAccessTests(ApiSilo silo)
{
    [Fact]
    public async Task AnApplicantReadsTheirOwnCase()
    {
        var id = NewId("P");
        var own = await silo.SubmitApplicantAsync(Profiles.Eligible(id));

        var state = await own.GetOkAsync($"/applicants/{id}");

        Assert.Equal(id, state.GetProperty("state").GetProperty("profile").GetProperty("identityDocument").GetString());
    }

    [Fact]
    public async Task AnApplicantReadingAnotherApplicantsCaseGets403()
    {
        var mine = NewId("P");
        var theirs = NewId("P");
        var own = await silo.SubmitApplicantAsync(Profiles.Eligible(mine));
        await silo.SubmitApplicantAsync(Profiles.Eligible(theirs));

        var response = await own.GetAsync($"/applicants/{theirs}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(theirs, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnOfficerReadWithoutAReasonGets400AndLeavesNoAccessRecord()
    {
        var id = NewId("P");
        await silo.SubmitApplicantAsync(Profiles.Eligible(id));

        var response = await silo.Officer().GetAsync($"/applicants/{id}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("reason-required", (await response.JsonAsync()).GetProperty("code").GetString());
        var log = await silo.Auditor().GetOkAsync($"/audit/access-records/{id}");
        Assert.Empty(log.GetProperty("records").EnumerateArray());
    }

    [Fact]
    public async Task AnOfficerReadWithAReasonIsServedAndTheAuditorSeesWhoReadItWhenAndWhy()
    {
        var id = NewId("P");
        await silo.SubmitApplicantAsync(Profiles.Eligible(id));
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var state = await silo.As("officer", "zhao").WithReason("checking permit documents").GetOkAsync($"/applicants/{id}");

        Assert.Equal("Li Wei", state.GetProperty("state").GetProperty("profile").GetProperty("name").GetString());
        var record = Assert.Single((await silo.Auditor().GetOkAsync($"/audit/access-records/{id}")).GetProperty("records").EnumerateArray());
        Assert.Equal("officer:zhao", record.GetProperty("by").GetString());
        Assert.Equal("officer", record.GetProperty("role").GetString());
        Assert.Equal("checking permit documents", record.GetProperty("reason").GetString());
        Assert.InRange(record.GetProperty("at").GetDateTimeOffset(), before, DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task AnOperatorCannotReadAnApplicantsCase()
    {
        var id = NewId("P");
        await silo.SubmitApplicantAsync(Profiles.Eligible(id));

        var response = await silo.As("operator", "zgc-01").WithReason("curious").GetAsync($"/applicants/{id}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task OnlyAuditorsAndAdminsListAccessRecords()
    {
        var id = NewId("P");
        var own = await silo.SubmitApplicantAsync(Profiles.Eligible(id));

        Assert.Equal(HttpStatusCode.Forbidden, (await silo.Officer().GetAsync($"/audit/access-records/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await own.GetAsync($"/audit/access-records/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await silo.Admin().GetAsync($"/audit/access-records/{id}")).StatusCode);
    }
}
