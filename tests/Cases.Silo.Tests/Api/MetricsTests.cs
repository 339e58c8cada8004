using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using static Cases.Silo.Tests.Api.AuditSteps;

namespace Cases.Silo.Tests.Api;

[Collection(ApiSiloCollection.Name)]
public sealed class MetricsTests(ApiSilo silo)
{
    private const string Accepted = "cases_commands_total{outcome=\"accepted\"}";
    private const string Rejected = "cases_commands_total{outcome=\"rejected\"}";
    private const string Appends = "cases_appends_total";

    [Fact]
    public async Task MetricsCountCommandsByOutcomeAppendsAndRequestsInPrometheusText()
    {
        var before = await ScrapeAsync();
        var ids = Enumerable.Range(0, 3).Select(_ => NewId("P")).ToList();
        foreach (var id in ids)
            await silo.SubmitApplicantAsync(Profiles.Eligible(id));
        // The same identity document again is refused by the grain: a rejected command.
        var duplicate = await silo.Anonymous().PostAsJsonAsync("/applicants", Profiles.Eligible(ids[0]));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);

        var response = await silo.Anonymous().GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var after = Parse(text);

        Assert.True(Value(after, Accepted) - Value(before, Accepted) >= 3, text);
        Assert.True(Value(after, Rejected) - Value(before, Rejected) >= 1, text);
        Assert.True(Value(after, Appends) - Value(before, Appends) >= 3, text);
        Assert.Contains("# TYPE cases_commands_total counter", text);
        Assert.Contains("# TYPE cases_activations gauge", text);
        Assert.True(Value(after, "cases_activations") >= 1, text);
        Assert.True(after.Keys.Any(k => k.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal)
            && k.Contains("http_route=\"/applicants/\"", StringComparison.Ordinal) && k.Contains("http_response_status_code=\"201\"", StringComparison.Ordinal)), text);
    }

    [Fact]
    public async Task StreamLagFallsBackToZeroOnceTheDispatcherHasCaughtUp()
    {
        await silo.SubmitApplicantAsync(Profiles.Eligible(NewId("P")));

        var deadline = DateTime.UtcNow.AddSeconds(10);
        Dictionary<string, double> metrics;
        do
        {
            metrics = await ScrapeAsync();
            if (metrics.TryGetValue("cases_stream_lag", out var lag) && lag == 0)
                break;
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Equal(0, Value(metrics, "cases_stream_lag"));
        Assert.True(metrics.ContainsKey("cases_stream_lag"));
    }

    [Fact]
    public async Task AStandaloneSiloWithAnOpenStoreIsReady()
    {
        var response = await silo.Anonymous().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"store\"", body);
        Assert.Contains("\"membership\"", body);
    }

    private async Task<Dictionary<string, double>> ScrapeAsync() => Parse(await silo.Anonymous().GetStringAsync("/metrics"));

    private static double Value(Dictionary<string, double> metrics, string series) => metrics.GetValueOrDefault(series);

    // An unlabelled series may be written "name{}" or "name"; both are the same series in Prometheus text.
    private static Dictionary<string, double> Parse(string text) => text
        .Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Where(line => !line.StartsWith('#'))
        .Select(line => (Series: line[..line.LastIndexOf(' ')].Replace("{}", "", StringComparison.Ordinal), Value: double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture)))
        .ToDictionary(p => p.Series, p => p.Value);
}
