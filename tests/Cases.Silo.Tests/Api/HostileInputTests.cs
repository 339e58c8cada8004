using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using static Cases.Silo.Tests.Api.AuditSteps;

namespace Cases.Silo.Tests.Api;

[Collection(ApiSiloCollection.Name)]
public sealed class HostileInputTests(ApiSilo silo)
{
    [Fact]
    public async Task EveryMalformedOrHostileBodyGetsA4xxProblemAndTheSiloKeepsServingWithItsChainsIntact()
    {
        var applicant = NewId("P");
        var clients = new Dictionary<string, HttpClient>
        {
            ["anonymous"] = silo.Anonymous(),
            ["applicant"] = await silo.SubmitApplicantAsync(Profiles.Eligible(applicant)),
            ["officer"] = silo.Officer(),
            ["admin"] = silo.Admin(),
        };
        var cases = HostileBodies.All(applicant).ToList();
        var failures = new List<string>();

        foreach (var c in cases)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, c.Path) { Content = new ByteArrayContent(c.Body) };
            if (c.ContentType is not null)
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(c.ContentType);
            using var response = await clients[c.Caller].SendAsync(request);
            if (await ProblemIn(response, c.ExpectedStatus) is { } wrong)
                failures.Add($"{c.Name} ({c.Path}): {wrong}");
        }

        Assert.True(cases.Count >= 200, $"only {cases.Count} hostile requests");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} hostile requests were mishandled:\n{string.Join("\n", failures)}");
        Assert.Equal(HttpStatusCode.OK, (await silo.Anonymous().GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await silo.Anonymous().PostAsJsonAsync("/applicants", Profiles.Eligible(NewId("P")))).StatusCode);
        var chains = await silo.Auditor().GetOkAsync("/audit/verify");
        Assert.True(chains.GetProperty("intact").GetBoolean(), $"the store-wide chain verification found broken streams: {chains}");
    }

    [Fact]
    public async Task A100KilobyteNameIsA400NamingTheField()
    {
        var profile = HostileBodies.Profile(NewId("P"));
        profile["name"] = new string('x', 100 * 1024);

        var response = await silo.Anonymous().PostAsync("/applicants", new StringContent(profile.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most", (await response.JsonAsync()).GetProperty("errors").GetProperty("name")[0].GetString());
    }

    [Fact]
    public async Task ATwoMegabyteBodyIs413()
    {
        var profile = HostileBodies.Profile(NewId("P"));
        profile["name"] = new string('x', 2 * 1024 * 1024);

        var response = await silo.Anonymous().PostAsync("/applicants", new StringContent(profile.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AWrongTypeNamesTheFieldsPath()
    {
        var profile = HostileBodies.Profile(NewId("P"));
        profile["returnedOn"] = "2026-13-45";

        var response = await silo.Anonymous().PostAsync("/applicants", new StringContent(profile.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("$.returnedOn", (await response.JsonAsync()).GetProperty("detail").GetString());
    }

    // Null when the answer is the expected kind of ProblemDetails; otherwise what is wrong with it.
    private static async Task<string?> ProblemIn(HttpResponseMessage response, int? expectedStatus)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        if (status is < 400 or >= 500)
            return $"{status} {Shorten(body)}";
        if (expectedStatus is { } expected && status != expected)
            return $"{status} instead of {expected}: {Shorten(body)}";
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            return $"{status} as {response.Content.Headers.ContentType?.MediaType ?? "no content type"}";
        if (body.Contains("   at ", StringComparison.Ordinal) || body.Contains("Exception", StringComparison.Ordinal))
            return $"{status} shows exception text: {Shorten(body)}";
        try
        {
            var problem = JsonDocument.Parse(body).RootElement;
            if (!problem.TryGetProperty("status", out var s) || s.GetInt32() != status)
                return $"{status} without a matching status member: {Shorten(body)}";
            return problem.TryGetProperty("title", out var t) && t.GetString() is { Length: > 0 } ? null : $"{status} without a title: {Shorten(body)}";
        }
        catch (JsonException)
        {
            return $"{status} with a body that is not JSON: {Shorten(body)}";
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
