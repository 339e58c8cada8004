using System.Net.Http.Json;
using static Cases.Silo.Tests.Api.ProgrammeSteps;

namespace Cases.Silo.Tests.Api;

/// <summary>A caller who may not see a case hears the same whether it exists or not, so ids cannot be probed.</summary>
[Collection(ApiSiloCollection.Name)]
public sealed class CaseExistenceTests(ApiSilo silo)
{
    // Enterprise routes an operator of another park or an applicant who is no founder may not use; {0} is the enterprise id.
    public static TheoryData<string, string, string, string?> EnterpriseRoutesOfOutsiders() => new()
    {
        { "operator", "GET", "/enterprises/{0}", null },
        { "operator", "POST", "/enterprises/{0}/milestones", """{"kind":"Patent","value":1}""" },
        { "operator", "POST", "/enterprises/{0}/graduation", null },
        { "operator", "POST", "/enterprises/{0}/exit", """{"reason":"moved"}""" },
        { "applicant", "GET", "/enterprises/{0}", null },
        { "applicant", "POST", "/enterprises/{0}/loan-interest-subsidies", """{"loanReference":"L-1","principalCny":1000000,"interestCny":50000,"coveragePercent":50,"ipBacked":false}""" },
    };

    [Theory]
    [MemberData(nameof(EnterpriseRoutesOfOutsiders))]
    public async Task AnOutsiderGetsTheSameAnswerForAnEnterpriseThatExistsAndOneThatDoesNot(string role, string method, string route, string? body)
    {
        var (existing, _, _) = await EnterpriseInParkAsync(silo);
        var outsider = role == "applicant" ? (await RecognisedApplicantAsync(silo)).Client : silo.As("operator", NewId("park"));

        var known = await Answer(outsider, method, route, existing, body);
        var unknown = await Answer(outsider, method, route, NewId("E"), body);

        Assert.Equal(known, unknown);
        Assert.Equal(403, known.Status);
    }

    // Applicant and park routes of callers who may not see the case; {0} is an applicant's key or a park's.
    public static TheoryData<string, string, string, string?> ApplicantAndParkRoutesOfOutsiders() => new()
    {
        { "applicant", "GET", "/applicants/{0}", null },
        { "applicant", "POST", "/applicants/{0}/recognition", """{"applicationId":"rec-9"}""" },
        { "applicant", "GET", "/audit/streams/applicant/{0}/events", null },
        { "operator", "GET", "/parks/{0}", null },
        { "operator", "POST", "/parks/{0}/talent-teams", """{"teamName":"Poached","attractedOn":"2025-06-01"}""" },
    };

    [Theory]
    [MemberData(nameof(ApplicantAndParkRoutesOfOutsiders))]
    public async Task AnOutsiderGetsTheSameAnswerForAnApplicantOrParkThatExistsAndOneThatDoesNot(string role, string method, string route, string? body)
    {
        var existing = role == "applicant" ? (await RecognisedApplicantAsync(silo)).Key : (await EnterpriseInParkAsync(silo)).ParkKey;
        var outsider = role == "applicant" ? (await RecognisedApplicantAsync(silo)).Client : silo.As("operator", NewId("park"));

        var known = await Answer(outsider, method, route, existing, body);
        var unknown = await Answer(outsider, method, route, NewId(role == "applicant" ? "P" : "park"), body);

        Assert.Equal(known, unknown);
        Assert.Equal(403, known.Status);
    }

    // Status, code and detail of the answer for one id, with that id taken out of the detail.
    private static async Task<(int Status, string? Code, string? Detail)> Answer(HttpClient client, string method, string route, string id, string? body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), string.Format(route, id));
        if (body is not null)
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var response = await client.SendAsync(request);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var code = problem.TryGetProperty("code", out var c) ? c.GetString() : null;
        var detail = problem.TryGetProperty("detail", out var d) ? d.GetString() : null;
        return ((int)response.StatusCode, code, detail?.Replace(id, "{id}", StringComparison.Ordinal));
    }
}
