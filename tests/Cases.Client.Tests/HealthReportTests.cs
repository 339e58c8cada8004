using System.Net;

namespace Cases.Client.Tests;

/// <summary>How `cases health` reads a report and which address it asks, against a stubbed silo.</summary>
public sealed class HealthReportTests
{
    private const string Degraded = """
        {"status":"Degraded","checks":[{"name":"store","status":"Degraded","description":"slow disk","data":{"latencyMs":900}}],"durationMs":3.5}
        """;

    private const string Healthy = """{"status":"Healthy","checks":[],"durationMs":1}""";

    [Fact]
    public async Task HealthExitsOneWhenTheSiloIsDegraded()
    {
        using var handler = new StubHandler(HttpStatusCode.OK, Degraded);

        var run = await CliRun.RunAsync(["health", "--url", "http://silo.test/"], handler);

        Assert.Equal(ExitCodes.Unhealthy, run.ExitCode);
        Assert.Matches(@"store\s*│\s*Degraded\s*│\s*slow disk\s*│\s*latencyMs: 900", run.Output);
    }

    [Fact]
    public async Task HealthAsksTheDefaultAddressWhenNoneIsGiven()
    {
        using var handler = new StubHandler(HttpStatusCode.OK, Healthy);

        var run = await CliRun.RunAsync(["health"], handler);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(new Uri("http://127.0.0.1:5080/health"), Assert.Single(handler.Requests));
    }

    [Fact]
    public async Task HealthKeepsThePathOfTheSiloAddress()
    {
        using var handler = new StubHandler(HttpStatusCode.OK, Healthy);

        await CliRun.RunAsync(["health", "--url", "http://proxy.test/cases"], handler);

        Assert.Equal(new Uri("http://proxy.test/cases/health"), Assert.Single(handler.Requests));
    }

    [Fact]
    public async Task TheUrlOptionWinsOverCasesUrl()
    {
        using var handler = new StubHandler(HttpStatusCode.OK, Healthy);
        var environment = new Dictionary<string, string> { ["CASES_URL"] = "http://from-env.test/" };

        await CliRun.RunAsync(["health", "--url", "http://from-option.test/"], handler, environment);

        Assert.Equal(new Uri("http://from-option.test/health"), Assert.Single(handler.Requests));
    }
}
