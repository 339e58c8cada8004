using System.Net;
using System.Net.Http.Json;
using static Cases.Silo.Tests.Api.AuditSteps;

namespace Cases.Silo.Tests.Api;

[Collection(ApiSiloCollection.Name)]
public sealed class IntakeTests(ApiSilo silo)
{
    [Fact]
    public async Task RetriedIntakeWithTheSameIdempotencyKeyCreatesOneCaseAndAnswersTheSameBody()
    {
        var id = NewId("P");
        var key = NewId("intake");
        var first = await PostIntakeAsync(Profiles.Eligible(id), key);
        var retry = await PostIntakeAsync(Profiles.Eligible(id), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        var timeline = await silo.Auditor().WithReason("intake duplicate check").GetOkAsync($"/audit/streams/applicant/{id}/events");
        Assert.Equal(new[] { "ApplicantRegistered" }, timeline.GetProperty("events").Types());
    }

    [Fact]
    public async Task TheSameIdentityDocumentWithoutAKeyIsA409NamingTheExistingCase()
    {
        var id = NewId("P");
        Assert.Equal(HttpStatusCode.Created, (await PostIntakeAsync(Profiles.Eligible(id), NewId("intake"))).StatusCode);

        var again = await PostIntakeAsync(Profiles.Eligible(id), key: null);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        var problem = await again.JsonAsync();
        Assert.Equal(id, problem.GetProperty("caseId").GetString());
        Assert.Equal("already-registered", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task TheSameIdentityDocumentUnderAnotherKeyIsA409AndTheCaseKeepsOneRegistration()
    {
        var id = NewId("P");
        Assert.Equal(HttpStatusCode.Created, (await PostIntakeAsync(Profiles.Eligible(id), NewId("intake"))).StatusCode);

        var other = await PostIntakeAsync(Profiles.Eligible(id), NewId("intake"));

        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal(id, (await other.JsonAsync()).GetProperty("caseId").GetString());
        var timeline = await silo.Auditor().WithReason("duplicate intake").GetOkAsync($"/audit/streams/applicant/{id}/events");
        Assert.Single(timeline.GetProperty("events").EnumerateArray());
    }

    [Fact]
    public async Task FieldValidationErrorsNameEachBadField()
    {
        var response = await silo.Anonymous().PostAsJsonAsync("/applicants", new
        {
            identityDocument = NewId("P"),
            name = " ",
            nationality = "CHINA",
            passport = "Chinese",
            studyAbroad = new[] { new { from = "2024-06-01", to = "2023-06-01" } },
            homeDistrict = "haidian",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Contains("is required", errors.GetProperty("name")[0].GetString());
        Assert.Contains("at most 3", errors.GetProperty("nationality")[0].GetString());
        Assert.Contains("ends before it starts", errors.GetProperty("studyAbroad[0]")[0].GetString());
    }

    [Fact]
    public async Task AMissingRequiredFieldIsA400NamingIt()
    {
        var response = await silo.Anonymous().PostAsJsonAsync("/applicants", new { identityDocument = NewId("P"), name = "Li", nationality = "CN", homeDistrict = "haidian" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("passport", (await response.JsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnAuditorCannotSubmitAnIntake()
    {
        var id = NewId("P");

        var response = await silo.Auditor().PostAsJsonAsync("/applicants", Profiles.Eligible(id));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var timeline = await silo.Auditor().WithReason("check nothing was written").GetAsync($"/audit/streams/applicant/{id}/events");
        Assert.Equal(HttpStatusCode.NotFound, timeline.StatusCode);
    }

    private Task<HttpResponseMessage> PostIntakeAsync(object profile, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/applicants") { Content = JsonContent.Create(profile) };
        if (key is not null)
            request.Headers.Add("Idempotency-Key", key);
        return silo.Anonymous().SendAsync(request);
    }
}
