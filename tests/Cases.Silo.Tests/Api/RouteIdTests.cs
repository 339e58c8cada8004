using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Cases.Silo.Tests.Api.ProgrammeSteps;

namespace Cases.Silo.Tests.Api;

/// <summary>One rule for ids: blank, dot, control, invisible and over-long ids are 400 invalid-id on every route, and refused in every body id field.</summary>
[Collection(ApiSiloCollection.Name)]
public sealed partial class RouteIdTests(ApiSilo silo)
{
    // As URL path segments: blank, whitespace, tab, bell, an RTL override, a zero-width space, 129 characters.
    private static readonly string[] BadSegments = ["%20", "%20%20", "%09", "a%07b", "%E2%80%AEx", "x%E2%80%8By", new string('x', 129)];

    private static readonly string[] BadBodyIds = [".", "..", " ", "\t", "a\u0007b", "x\u202Ey", "x\u200By", new string('x', 129)];

    [Fact]
    public async Task EveryRouteAnswersABadIdWith400InvalidIdNamingTheParameter()
    {
        var callers = new[] { silo.Admin(), silo.Officer(), silo.Auditor(), silo.As("operator", "park-x"), silo.As("applicant", "P-x") };
        var routes = Routes().ToList();
        var failures = new List<string>();

        foreach (var (method, pattern, parameters) in routes)
        {
            foreach (var parameter in parameters)
            {
                foreach (var bad in BadSegments)
                {
                    var url = ParameterPattern().Replace(pattern, m => ParameterName(m.Value) == parameter ? bad : "x-1");
                    if (await FirstPastAuthorizationAsync(callers, method, url) is not { } answer)
                        failures.Add($"{method} {url}: every caller was refused");
                    else if (answer.Status != 400 || !answer.Body.Contains("\"invalid-id\"", StringComparison.Ordinal) || !answer.Body.Contains($"\"{parameter}\"", StringComparison.Ordinal))
                        failures.Add($"{method} {url}: {answer.Status} {answer.Body[..Math.Min(200, answer.Body.Length)]}");
                }
            }
        }

        Assert.True(routes.Count >= 30, $"only {routes.Count} routes with ids");
        Assert.True(failures.Count == 0, $"{failures.Count} bad route ids were mishandled:\n{string.Join("\n", failures)}");
    }

    [Fact]
    public async Task ABlankApplicantIdIsA400NamingTheIdNotAServerError()
    {
        var officer = silo.Officer().WithReason("checking a case");

        var problem = await ProblemAsync(await officer.GetAsync("/applicants/%20"), 400, "invalid-id");

        Assert.True(problem.GetProperty("errors").TryGetProperty("id", out _), problem.ToString());
        await ProblemAsync(await officer.GetAsync("/housing/%20"), 400, "invalid-id");
    }

    [Fact]
    public async Task AnIdRefusedInARouteIsRefusedInEveryBodyIdField()
    {
        var (applicant, own) = await RecognisedApplicantAsync(silo);
        var (enterprise, _, _) = await EnterpriseInParkAsync(silo);
        var officer = silo.Officer();
        var failures = new List<string>();

        foreach (var bad in BadBodyIds)
        {
            var intake = HostileBodies.Profile(NewId("P"));
            intake["identityDocument"] = bad;
            var district = HostileBodies.Profile(NewId("P"));
            district["homeDistrict"] = bad;
            var employer = HostileBodies.Profile(NewId("P"));
            employer["employer"]!["district"] = bad;
            var checks = new (string Field, Func<Task<HttpResponseMessage>> Send)[]
            {
                ("identityDocument", () => silo.Anonymous().PostAsJsonAsync("/applicants", intake)),
                ("homeDistrict", () => silo.Anonymous().PostAsJsonAsync("/applicants", district)),
                ("employer.district", () => silo.Anonymous().PostAsJsonAsync("/applicants", employer)),
                ("dependantId", () => own.PostAsJsonAsync($"/applicants/{applicant}/dependants", new { dependantId = bad, relation = "Spouse", name = "Zhang Min" })),
                ("applicationId", () => own.PostAsJsonAsync($"/applicants/{applicant}/recognition", new { applicationId = bad })),
                ("permitId", () => own.PostAsJsonAsync($"/applicants/{applicant}/permits", new { permitId = bad, employerReference = "ref" })),
                ("enterpriseKey", () => own.PostAsJsonAsync($"/applicants/{applicant}/permits", new { permitId = "p-9", enterpriseKey = bad })),
                ("dependantIds[0]", () => own.PostAsJsonAsync($"/applicants/{applicant}/household-registrations", new { applicationId = "h-1", appliedByEmployer = false, dependantIds = new[] { bad } })),
                ("id", () => own.PostAsJsonAsync("/enterprises", Registration(bad, applicant))),
                ("founderApplicantKeys[0]", () => officer.PostAsJsonAsync("/enterprises", Registration(NewId("E"), bad))),
                ("parkKey", () => officer.PostAsJsonAsync($"/enterprises/{enterprise}/park-admission", new { parkKey = bad })),
                ("loanReference", () => officer.PostAsJsonAsync($"/enterprises/{enterprise}/loan-interest-subsidies", new { loanReference = bad, principalCny = 1000, interestCny = 10, coveragePercent = 50, ipBacked = false })),
                ("unitIds[0]", () => officer.PostAsJsonAsync($"/housing-offices/{NewId("district")}/units", new { unitIds = new[] { bad } })),
                ("enterpriseKey", () => officer.PostAsJsonAsync($"/subsidy-programs/startup-{ThisYear}/payments", new { enterpriseKey = bad })),
            };
            foreach (var (field, send) in checks)
            {
                var response = await send();
                var body = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode != 400 || !body.Contains($"\"{field}\"", StringComparison.Ordinal))
                    failures.Add($"{field} = {Visible(bad)}: {(int)response.StatusCode} {body[..Math.Min(200, body.Length)]}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} bad body ids were mishandled:\n{string.Join("\n", failures)}");
    }

    [Fact]
    public async Task AnIdAtTheLengthLimitIsAcceptedInTheBodyAndReachableByUrl()
    {
        var id = "P-" + new string('7', 126);
        await silo.SubmitApplicantAsync(Profiles.Eligible(id));

        var state = await JsonAsync(await silo.Officer().WithReason("length check").GetAsync($"/applicants/{id}"));

        Assert.Equal(id, state.GetProperty("state").GetProperty("profile").GetProperty("identityDocument").GetString());
    }

    // The first answer that is not an authentication or role refusal, trying each caller in turn.
    private static async Task<(int Status, string Body)?> FirstPastAuthorizationAsync(HttpClient[] callers, string method, string url)
    {
        foreach (var caller in callers)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (method != "GET")
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            using var response = await caller.SendAsync(request);
            if ((int)response.StatusCode is 401 or 403)
                continue;
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        return null;
    }

    // Every mapped route with id parameters, with its first HTTP method; catch-alls are paths, and constrained parameters (the dashboard's {page:int}) never route a non-match.
    private IEnumerable<(string Method, string Pattern, string[] Parameters)> Routes()
    {
        _ = silo.Anonymous(); // starts the host
        var endpoints = silo.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        foreach (var endpoint in endpoints)
        {
            var parameters = endpoint.RoutePattern.Parameters.Where(p => !p.IsCatchAll && p.ParameterPolicies.Count == 0).Select(p => p.Name).ToArray();
            var method = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.FirstOrDefault() ?? "GET";
            if (parameters.Length > 0 && endpoint.RoutePattern.RawText is { } raw)
                yield return (method, "/" + raw.TrimStart('/'), parameters);
        }
    }

    private static string ParameterName(string placeholder) => placeholder.Trim('{', '}').Split(':', '=', '?')[0];

    private static string Visible(string id) => id.Length > 20 ? $"{id.Length} characters" : string.Concat(id.Select(c => c is < ' ' or > '~' ? $"\\u{(int)c:X4}" : c.ToString()));

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex ParameterPattern();
}
