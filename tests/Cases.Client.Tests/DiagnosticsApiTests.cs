using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace Cases.Client.Tests;

/// <summary>POST /diagnostics/noop, the load benchmark's HTTP ceiling: binds an intake body, stores nothing, answers 202; unmapped when disabled.</summary>
[Collection(CasesSiloCollection.Name)]
public sealed class DiagnosticsApiTests(CasesSilo silo)
{
    [Fact]
    public async Task NoopAnswers202AndCreatesNoApplicant()
    {
        var id = TestProfiles.NewId();
        using var anonymous = silo.Http();

        var response = await anonymous.PostAsJsonAsync("diagnostics/noop", TestProfiles.Eligible(id));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var officer = silo.Http(silo.Officer);
        using var read = new HttpRequestMessage(HttpMethod.Get, $"applicants/{id}") { Headers = { { "X-Access-Reason", "test" } } };
        Assert.Equal(HttpStatusCode.NotFound, (await officer.SendAsync(read)).StatusCode);
    }

    [Fact]
    public async Task MalformedJsonGetsTheSameProblemAsIntake()
    {
        using var anonymous = silo.Http();
        using var body = new StringContent("""{"identityDocument": 5""", Encoding.UTF8, "application/json");

        var response = await anonymous.PostAsync("diagnostics/noop", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("malformed-json", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenDiagnosticsAreDisabledNoopIsNotMapped()
    {
        using var folder = new TempFolder();
        await using var disabled = RunningSilo.Start(folder.Path, ("Cases:Diagnostics:Enabled", "false"));
        using var anonymous = new HttpClient { BaseAddress = disabled.Address };

        var response = await anonymous.PostAsJsonAsync("diagnostics/noop", TestProfiles.Eligible(TestProfiles.NewId()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
