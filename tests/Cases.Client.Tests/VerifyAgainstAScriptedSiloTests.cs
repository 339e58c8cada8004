using System.Net;

namespace Cases.Client.Tests;

/// <summary>How `cases verify` reports an altered history, against a scripted silo (a real store cannot be tampered with through the API).</summary>
public sealed class VerifyAgainstAScriptedSiloTests
{
    [Fact]
    public async Task ABrokenChainInTheStoreExitsTenAndNamesTheStreamAndVersion()
    {
        using var handler = new ScriptedHandler(_ => (HttpStatusCode.OK, """
            {"intact":false,"broken":[{"stream":"applicant/P-7","intact":false,"eventsChecked":2,"brokenAtVersion":3,"problem":"stored hash does not match the event's content and its predecessor's hash"}]}
            """));

        var run = await CliRun.RunAsync(["verify", "--token", "t", "--url", "http://silo.test/"], handler);

        Assert.Equal(ExitCodes.Tampered, run.ExitCode);
        Assert.Matches(@"applicant/P-7\s*│\s*3\s*│\s*stored hash does not match", run.Output);
        Assert.Contains("TAMPERED", run.Output, StringComparison.Ordinal);
        Assert.Equal(new Uri("http://silo.test/audit/verify"), Assert.Single(handler.Requests).RequestUri);
    }

    [Fact]
    public async Task ABrokenStreamExitsTen()
    {
        using var handler = new ScriptedHandler(_ => (HttpStatusCode.OK, """
            {"stream":"housing/P-7","intact":false,"eventsChecked":1,"brokenAtVersion":2,"problem":"version 2 is missing (found 3)"}
            """));

        var run = await CliRun.RunAsync(["verify", "housing/P-7", "--token", "t", "--url", "http://silo.test/"], handler);

        Assert.Equal(ExitCodes.Tampered, run.ExitCode);
        Assert.Matches(@"housing/P-7\s*│\s*2\s*│\s*version 2 is missing", run.Output);
    }

    [Fact]
    public async Task AServerErrorExitsNineWithTheProblemsDetail()
    {
        using var handler = new ScriptedHandler(_ => (HttpStatusCode.InternalServerError,
            """{"title":"The request failed.","status":500,"detail":"The silo failed to handle the request; it has been logged.","code":"internal"}"""));

        var run = await CliRun.RunAsync(["verify", "--token", "t", "--url", "http://silo.test/"], handler);

        Assert.Equal(ExitCodes.ServerError, run.ExitCode);
        Assert.Contains("error: 500 The request failed. [internal]", run.Error, StringComparison.Ordinal);
        Assert.Contains("The silo failed to handle the request; it has been logged.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStoreThatIsDownExitsEight()
    {
        using var handler = new ScriptedHandler(_ => (HttpStatusCode.ServiceUnavailable,
            """{"title":"The request failed.","status":503,"detail":"The event store cannot be reached; retry with the same Idempotency-Key.","code":"store-unavailable"}"""));

        var run = await CliRun.RunAsync(["verify", "--token", "t", "--url", "http://silo.test/"], handler);

        Assert.Equal(ExitCodes.Unavailable, run.ExitCode);
        Assert.Contains("[store-unavailable]", run.Error, StringComparison.Ordinal);
    }
}
