using System.Net.Http.Json;
using static Cases.Silo.Tests.Api.ProgrammeSteps;

namespace Cases.Silo.Tests.Api;

/// <summary>Registering enterprises, who may read them, the centre's review and the start-up grant it brings (Art. 5, 6).</summary>
[Collection(ApiSiloCollection.Name)]
public sealed class EnterprisesApiTests(ApiSilo silo)
{
    [Fact]
    public async Task FounderRegistersEnterpriseAndReadsIt()
    {
        var (founderKey, founder) = await RecognisedApplicantAsync(silo);
        var id = NewId("E");

        var registered = await founder.PostAsJsonAsync("/enterprises", Registration(id, founderKey));

        Assert.Equal(["EnterpriseRegistered"], await EventTypesAsync(registered, 201));
        Assert.Equal($"/enterprises/{id}", registered.Headers.Location?.ToString());
        var read = await JsonAsync(await founder.GetAsync($"/enterprises/{id}"));
        Assert.Equal("Quantum Sensing Ltd", read.GetProperty("state").GetProperty("registration").GetProperty("name").GetString());
        Assert.Equal($"applicant:{founderKey}", read.GetProperty("state").GetProperty("registration").GetProperty("registeredBy").GetString());
    }

    [Fact]
    public async Task OfficerRegistersEnterpriseForRecognisedFounders()
    {
        var (first, _) = await RecognisedApplicantAsync(silo);
        var (second, _) = await RecognisedApplicantAsync(silo);

        var registered = await silo.Officer().PostAsJsonAsync("/enterprises", Registration(NewId("E"), first, second));

        Assert.Equal(201, (int)registered.StatusCode);
    }

    [Fact]
    public async Task ApplicantWhoIsNotAFounderCannotRegisterTheEnterprise()
    {
        var (founderKey, _) = await RecognisedApplicantAsync(silo);
        var (_, outsider) = await RecognisedApplicantAsync(silo);

        var response = await outsider.PostAsJsonAsync("/enterprises", Registration(NewId("E"), founderKey));

        await ProblemAsync(response, 403, "forbidden");
    }

    [Fact]
    public async Task FounderWithoutRecognitionIsRefusedWith409()
    {
        var key = NewId("P");
        var unrecognised = await silo.SubmitApplicantAsync(Profiles.Eligible(key));

        var response = await unrecognised.PostAsJsonAsync("/enterprises", Registration(NewId("E"), key));

        var problem = await ProblemAsync(response, 409, "founder-not-recognised");
        Assert.Equal(key, problem.GetProperty("founder").GetString());
    }

    [Fact]
    public async Task UnknownFounderIsRefusedLikeAnUnrecognisedOne()
    {
        var response = await silo.Officer().PostAsJsonAsync("/enterprises", Registration(NewId("E"), NewId("P")));

        await ProblemAsync(response, 409, "founder-not-recognised");
    }

    [Fact]
    public async Task RegisteringAnExistingIdIs409ThatTellsAnotherApplicantNothingOfTheEnterprise()
    {
        var (id, _, _) = await EnterpriseAsync(silo);
        var (otherKey, other) = await RecognisedApplicantAsync(silo);

        var again = await other.PostAsJsonAsync("/enterprises", Registration(id, otherKey));

        var problem = await ProblemAsync(again, 409, "already-registered");
        Assert.DoesNotContain("Quantum Sensing", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetriedRegistrationWithTheSameIdempotencyKeyGetsTheFirstAnswer()
    {
        var (founderKey, founder) = await RecognisedApplicantAsync(silo);
        var id = NewId("E");
        HttpRequestMessage Request() => new(HttpMethod.Post, "/enterprises")
        {
            Content = JsonContent.Create(Registration(id, founderKey)),
            Headers = { { "Idempotency-Key", $"register-{id}" } },
        };

        var first = await JsonAsync(await founder.SendAsync(Request()), 201);
        var retry = await JsonAsync(await founder.SendAsync(Request()), 201);

        Assert.True(retry.GetProperty("retry").GetBoolean());
        Assert.Equal(first.GetProperty("version").GetInt64(), retry.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task MalformedRegistrationNamesEachBadField()
    {
        var (founderKey, founder) = await RecognisedApplicantAsync(silo);
        var body = new
        {
            id = "",
            name = new string('n', 201),
            founderApplicantKeys = new[] { founderKey, founderKey },
            registeredWithPassport = true,
            registeredCapitalCny = -5,
            industry = "ai",
            district = "a/b",
        };

        var response = await founder.PostAsJsonAsync("/enterprises", body);

        await FieldErrorsAsync(response, "id", "name", "founderApplicantKeys", "registeredCapitalCny", "district");
    }

    [Fact]
    public async Task RegistrationWithAnUnknownMemberIs400()
    {
        var (founderKey, founder) = await RecognisedApplicantAsync(silo);
        var body = new { id = NewId("E"), name = "X", founderApplicantKeys = new[] { founderKey }, registeredCapitalCny = 1, industry = "ai", district = "haidian", shares = 3 };

        var response = await founder.PostAsJsonAsync("/enterprises", body);

        var problem = await ProblemAsync(response, 400, "malformed-json");
        Assert.Contains("shares", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("operator")]
    [InlineData("auditor")]
    public async Task OperatorsAndAuditorsCannotRegisterEnterprises(string role)
    {
        var (founderKey, _) = await RecognisedApplicantAsync(silo);

        var response = await silo.As(role, "someone").PostAsJsonAsync("/enterprises", Registration(NewId("E"), founderKey));

        await ProblemAsync(response, 403);
    }

    [Fact]
    public async Task ReadingAnUnknownEnterpriseIs404()
    {
        await ProblemAsync(await silo.Auditor().GetAsync($"/enterprises/{NewId("E")}"), 404, "not-found");
    }

    [Fact]
    public async Task AnotherApplicantCannotReadTheEnterprise()
    {
        var (id, _, _) = await EnterpriseAsync(silo);
        var (_, outsider) = await RecognisedApplicantAsync(silo);

        await ProblemAsync(await outsider.GetAsync($"/enterprises/{id}"), 403, "forbidden");
    }

    [Fact]
    public async Task AnonymousReadIs401()
    {
        var (id, _, _) = await EnterpriseAsync(silo);

        var response = await silo.Anonymous().GetAsync($"/enterprises/{id}");

        Assert.Equal(401, (int)response.StatusCode);
    }

    [Fact]
    public async Task ReviewedEnterpriseReceivesItsStartupGrantThroughTheStreams()
    {
        await EnsureThisYearsProgrammeAsync(silo);
        var (id, _, founder) = await EnterpriseAsync(silo);

        var reviewed = await silo.Officer().PostAsJsonAsync($"/enterprises/{id}/review", new { passed = true, reason = "file complete" });

        Assert.Equal(["EnterpriseReviewed"], await EventTypesAsync(reviewed));
        var enterprise = await EventuallyAsync(() => founder.GetAsync($"/enterprises/{id}"),
            e => e.GetProperty("state").GetProperty("startupGrant").ValueKind != System.Text.Json.JsonValueKind.Null);
        var grant = enterprise.GetProperty("state").GetProperty("startupGrant");
        Assert.True(grant.GetProperty("awarded").GetBoolean(), grant.ToString());
        Assert.Equal(100_000, grant.GetProperty("amountCny").GetInt64());
        var programme = await JsonAsync(await silo.Auditor().GetAsync($"/subsidy-programs/startup-{ThisYear}"));
        Assert.Equal(100_000, programme.GetProperty("state").GetProperty("grants").GetProperty(id).GetProperty("amountCny").GetInt64());
    }

    [Fact]
    public async Task PassedEnterpriseCannotBeReviewedAgain()
    {
        var (id, _, _) = await EnterpriseAsync(silo);
        var officer = silo.Officer();
        Assert.Equal(200, (int)(await officer.PostAsJsonAsync($"/enterprises/{id}/review", new { passed = true, reason = "ok" })).StatusCode);

        var again = await officer.PostAsJsonAsync($"/enterprises/{id}/review", new { passed = false, reason = "second thoughts" });

        await ProblemAsync(again, 409, "already-reviewed");
    }

    [Fact]
    public async Task ReviewWithoutDecisionOrReasonNamesBothFields()
    {
        var (id, _, _) = await EnterpriseAsync(silo);

        var response = await silo.Officer().PostAsJsonAsync($"/enterprises/{id}/review", new { reason = " " });

        await FieldErrorsAsync(response, "passed", "reason");
    }

    [Fact]
    public async Task ReviewOfAnUnknownEnterpriseIs404()
    {
        var response = await silo.Officer().PostAsJsonAsync($"/enterprises/{NewId("E")}/review", new { passed = true, reason = "ok" });

        await ProblemAsync(response, 404, "not-found");
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("auditor")]
    [InlineData("operator")]
    public async Task OnlyOfficersReview(string role)
    {
        var (id, _, _) = await EnterpriseAsync(silo);

        var response = await silo.As(role, "x").PostAsJsonAsync($"/enterprises/{id}/review", new { passed = true, reason = "ok" });

        await ProblemAsync(response, 403);
        var state = await JsonAsync(await silo.Officer().GetAsync($"/enterprises/{id}"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, state.GetProperty("state").GetProperty("review").ValueKind);
    }
}
