using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Cases.Silo.Tests.Api;

namespace Cases.Silo.Tests.Security;

/// <summary>Every 4xx and 5xx the silo itself produces (not only the handlers') is a ProblemDetails with a stable code.</summary>
[Collection(ApiSiloCollection.Name)]
public sealed class ErrorContractTests(ApiSilo silo)
{
    [Fact]
    public async Task AMissingTokenIs401ProblemWithAChallenge()
    {
        var response = await silo.Anonymous().GetAsync("/auth/me");

        await AssertProblemAsync(response, 401, "unauthenticated");
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task AForgedTokenIs401ProblemWithAChallenge()
    {
        var client = silo.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl");

        var response = await client.GetAsync("/auth/me");

        await AssertProblemAsync(response, 401, "unauthenticated");
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task ARoleThePolicyRefusesIs403Problem()
    {
        var response = await silo.Auditor().PostAsync("/auth/tokens", Json("""{"role":"admin","subject":"x"}"""));

        await AssertProblemAsync(response, 403, "forbidden");
    }

    [Fact]
    public async Task AnUnknownRouteIs404Problem()
    {
        await AssertProblemAsync(await silo.Anonymous().GetAsync("/no-such-resource"), 404, "not-found");
    }

    [Fact]
    public async Task AWrongMethodIs405Problem()
    {
        await AssertProblemAsync(await silo.Admin().GetAsync("/auth/tokens"), 405, "method-not-allowed");
    }

    [Fact]
    public async Task AQueryParameterThatDoesNotBindIs400Problem()
    {
        await AssertProblemAsync(await silo.Auditor().GetAsync("/audit/streams/applicant/P-1/events?fromVersion=abc"), 400, "bad-request");
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task AssertProblemAsync(HttpResponseMessage response, int status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{(int)response.StatusCode} instead of {status}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.True(problem.TryGetProperty("code", out var c), $"no code in {body}");
        Assert.Equal(code, c.GetString());
    }
}
