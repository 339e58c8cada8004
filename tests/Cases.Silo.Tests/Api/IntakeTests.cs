using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cases.Domain.Applicants;
using Cases.Journal.Events;
using Cases.Journal.Storage;
using Cases.Silo.Api;
using Microsoft.Extensions.DependencyInjection;
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
    public async Task AnIdempotencyKeyReusedWithAnotherProfileIsA422ThatHandsOutNoToken()
    {
        var id = NewId("P");
        var key = NewId("intake");
        var first = await PostIntakeAsync(Profiles.Eligible(id), key);
        var token = (await first.Content.ReadFromJsonAsync<CaseCreated>())!.Token;

        var reused = await PostIntakeAsync(Profiles.Eligible(id, district: "chaoyang"), key);

        await AssertReusedAsync(reused, token);
        var state = await silo.Auditor().WithReason("reused key check").GetOkAsync($"/applicants/{id}");
        Assert.Equal("haidian", state.GetProperty("state").GetProperty("profile").GetProperty("homeDistrict").GetString());
    }

    [Fact]
    public async Task AKeyOfAnIntakeRecordedBeforeFingerprintsHandsOutNoTokenForAnotherProfileAndStillAnswersItsRetry()
    {
        var id = NewId("P");
        var key = NewId("intake");
        await RecordIntakeWithoutFingerprintAsync(id, key, Profiles.Eligible(id));

        var reused = await PostIntakeAsync(Profiles.Eligible(id, district: "chaoyang"), key);
        var retry = await PostIntakeAsync(Profiles.Eligible(id), key);

        await AssertReusedAsync(reused, token: null);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(id, (await retry.Content.ReadFromJsonAsync<CaseCreated>())!.CaseId);
    }

    [Fact]
    public async Task AnonymousIntakeOfAKnownIdentityDocumentIsA409ThatNamesNoCase()
    {
        var id = NewId("P");
        Assert.Equal(HttpStatusCode.Created, (await PostIntakeAsync(Profiles.Eligible(id), NewId("intake"))).StatusCode);

        var again = await PostIntakeAsync(Profiles.Eligible(id), key: null);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        var problem = await again.JsonAsync();
        Assert.Equal("already-registered", problem.GetProperty("code").GetString());
        Assert.False(problem.TryGetProperty("caseId", out _));
        Assert.DoesNotContain(id, problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssistedIntakeOfAKnownIdentityDocumentTellsStaffTheExistingCase()
    {
        var id = NewId("P");
        Assert.Equal(HttpStatusCode.Created, (await PostIntakeAsync(Profiles.Eligible(id), NewId("intake"))).StatusCode);

        var again = await silo.Officer().PostAsJsonAsync("/applicants", Profiles.Eligible(id));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await again.JsonAsync();
        Assert.Equal(("already-registered", id), (problem.GetProperty("code").GetString(), problem.GetProperty("caseId").GetString()));
    }

    [Fact]
    public async Task TheSameIdentityDocumentUnderAnotherKeyIsA409AndTheCaseKeepsOneRegistration()
    {
        var id = NewId("P");
        Assert.Equal(HttpStatusCode.Created, (await PostIntakeAsync(Profiles.Eligible(id), NewId("intake"))).StatusCode);

        var other = await PostIntakeAsync(Profiles.Eligible(id), NewId("intake"));

        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal("already-registered", (await other.JsonAsync()).GetProperty("code").GetString());
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

    private static async Task AssertReusedAsync(HttpResponseMessage reused, string? token)
    {
        var body = await reused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("idempotency-key-reused", JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
        Assert.DoesNotContain("token", body, StringComparison.OrdinalIgnoreCase);
        if (token is not null)
            Assert.DoesNotContain(token, body, StringComparison.Ordinal);
        Assert.Null(reused.Headers.Location);
    }

    // An intake as silos recorded it before they kept command fingerprints: its outcome has none.
    private async Task RecordIntakeWithoutFingerprintAsync(string id, string key, object profile)
    {
        var programme = silo.Factory.Services.GetRequiredService<Cases.Domain.Programme>();
        var registered = new ApplicantRegistered(
            JsonSerializer.Deserialize<ApplicantProfile>(JsonSerializer.Serialize(profile), programme.Applicants.Json)!, $"applicant:{id}", DateTimeOffset.UtcNow);
        var (type, schemaVersion, payload) = programme.Applicants.Events.Serialize(registered);
        var pending = new PendingEvent(Guid.CreateVersion7(), type, schemaVersion, payload, registered.At, registered.By, key, null, key);
        var appended = await silo.Factory.Services.GetRequiredService<IEventStore>()
            .AppendAsync(new AppendRequest($"applicant/{id}", 0, [new CommandAppend(key, [pending], null)]));
        Assert.IsType<AppendResult.Committed>(appended);
    }

    private Task<HttpResponseMessage> PostIntakeAsync(object profile, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/applicants") { Content = JsonContent.Create(profile) };
        if (key is not null)
            request.Headers.Add("Idempotency-Key", key);
        return silo.Anonymous().SendAsync(request);
    }
}
