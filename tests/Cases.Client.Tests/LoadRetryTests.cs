using System.Net;
using System.Text.Json;

namespace Cases.Client.Tests;

/// <summary>How `cases load` retries an overloaded silo: the same Idempotency-Key and body after Retry-After, a bounded number of times.</summary>
public sealed class LoadRetryTests
{
    [Fact]
    public async Task An429IsRetriedOnceWithTheSameKeyAndBodyAndThenCountsAsSuccess()
    {
        using var handler = new FlakyIntakeHandler(HttpStatusCode.TooManyRequests, failuresPerKey: 1);

        var run = await CliRun.RunAsync(["load", "--requests", "8", "--concurrency", "4", "--warmup", "0", "--url", "http://silo.test/"], handler);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Output);
        Assert.Matches(@"retries \(429/503\)\s*│\s*8\s*│\s*0\s*│", run.Output);
        var byKey = handler.IntakeAttempts.GroupBy(a => a.Key).ToList();
        Assert.Equal(8, byKey.Count);
        Assert.All(byKey, attempts =>
        {
            Assert.Equal(2, attempts.Count());
            Assert.Single(attempts.Select(a => a.Body).Distinct());
        });
        Assert.Equal(8, JsonDocument.Parse(run.Output.TrimEnd().Split('\n')[^1]).RootElement.GetProperty("requests").GetInt32());
    }

    [Fact]
    public async Task AStoreThatStaysDownIsRetriedAtMostFiveTimesAndCountedAs503()
    {
        using var handler = new FlakyIntakeHandler(HttpStatusCode.ServiceUnavailable, failuresPerKey: int.MaxValue);

        var run = await CliRun.RunAsync(["load", "--requests", "2", "--concurrency", "2", "--warmup", "0", "--url", "http://silo.test/"], handler);

        Assert.Equal(ExitCodes.LoadErrors, run.ExitCode);
        Assert.All(handler.IntakeAttempts.GroupBy(a => a.Key), attempts => Assert.Equal(5, attempts.Count()));
        Assert.Matches(@"intake\s*│\s*503\s*│\s*2", run.Output);
    }

    [Fact]
    public async Task EveryIntakeCarriesADifferentApplicant()
    {
        using var handler = new FlakyIntakeHandler(HttpStatusCode.TooManyRequests, failuresPerKey: 0);

        await CliRun.RunAsync(["load", "--requests", "50", "--concurrency", "5", "--warmup", "0", "--url", "http://silo.test/"], handler);

        var documents = handler.IntakeAttempts.Select(a => JsonDocument.Parse(a.Body).RootElement.GetProperty("identityDocument").GetString()).ToList();
        Assert.Equal(50, documents.Count);
        Assert.Equal(50, documents.Distinct().Count());
    }
}
