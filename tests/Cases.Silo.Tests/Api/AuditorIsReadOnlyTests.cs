using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Cases.Silo.Tests.Api.AuditSteps;

namespace Cases.Silo.Tests.Api;

[Collection(ApiSiloCollection.Name)]
public sealed partial class AuditorIsReadOnlyTests(ApiSilo silo)
{
    private static readonly string[] WriteMethods = ["POST", "PUT", "PATCH", "DELETE"];

    [Fact]
    public async Task AnAuditorsRequestToEveryWriteEndpointIs403()
    {
        var writes = WriteEndpoints();
        var auditor = silo.Auditor();
        var answers = new List<string>();

        foreach (var (method, pattern) in writes)
        {
            var url = Parameter().Replace(pattern, _ => NewId("x"));
            // Intake binds a full profile before it can tell who is calling, so it gets a valid one; role policies refuse before binding.
            var body = pattern.TrimEnd('/') == "/applicants" ? JsonContent.Create(Profiles.Eligible(NewId("P"))) : JsonContent.Create(new { });
            var response = await auditor.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = body });
            answers.Add($"{method} {pattern} → {(int)response.StatusCode}");
        }

        Assert.Contains(answers, a => a.StartsWith("POST /applicants/{id}/permits/{permitId}/approve", StringComparison.Ordinal));
        Assert.All(answers, a => Assert.EndsWith("→ 403", a));
    }

    [Fact]
    public async Task AnAuditorCannotActOnAnApplicantsCase()
    {
        var id = NewId("P");
        await silo.SubmitApplicantAsync(Profiles.Eligible(id));

        var response = await silo.Auditor().PostAsJsonAsync($"/applicants/{id}/recognition", new { applicationId = "rec-1" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var timeline = await silo.Auditor().WithReason("check nothing changed").GetOkAsync($"/audit/streams/applicant/{id}/events");
        Assert.Single(timeline.GetProperty("events").EnumerateArray());
    }

    // Every state-changing route of the silo; diagnostics' no-op intake discards its body and writes nothing.
    private List<(string Method, string Pattern)> WriteEndpoints() =>
        silo.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m, Pattern: "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .Where(e => WriteMethods.Contains(e.Method) && !e.Pattern.StartsWith("/diagnostics/", StringComparison.Ordinal))
            .ToList();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
