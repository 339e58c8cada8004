using System.Net;

namespace Cases.Client.Tests;

/// <summary>Wrong command lines exit 64 with a message and ask no silo.</summary>
public sealed class UsageTests
{
    [Fact]
    public async Task AnAddressThatIsNotHttpIsAUsageError()
    {
        using var handler = new StubHandler(HttpStatusCode.OK, "{}");

        var run = await CliRun.RunAsync(["health", "--url", "ftp://silo.test/"], handler);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("'ftp://silo.test/' is not an http(s) address", run.Error, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task ABadCasesUrlIsAUsageError()
    {
        using var handler = new StubHandler(HttpStatusCode.OK, "{}");

        var run = await CliRun.RunAsync(["health"], handler, new Dictionary<string, string> { ["CASES_URL"] = "nonsense" });

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("'nonsense' is not an http(s) address", run.Error, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("100000")]
    public async Task ATimeoutOutsideOneDayIsAUsageError(string seconds)
    {
        using var handler = new StubHandler(HttpStatusCode.OK, "{}");

        var run = await CliRun.RunAsync(["health", "--timeout", seconds], handler);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--timeout must be more than 0", run.Error, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task HelpListsTheHealthCommandAndExitsZero()
    {
        var run = await CliRun.RunAsync(["--help"]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Matches(@"health\s+Show the silo's health checks", run.Output);
    }

    [Theory]
    [InlineData("submit")]
    [InlineData("decide")]
    [InlineData("show")]
    [InlineData("timeline")]
    [InlineData("as-of")]
    [InlineData("trace")]
    [InlineData("verify")]
    [InlineData("export")]
    [InlineData("park")]
    [InlineData("load")]
    [InlineData("loan")]
    public async Task HelpListsEveryCommand(string command)
    {
        var run = await CliRun.RunAsync(["--help"]);

        Assert.Matches($@"\n\s+{command}\s+\S", run.Output);
    }

    [Fact]
    public async Task HelpNeverPrintsTheTokenFromCasesToken()
    {
        var run = await CliRun.RunAsync(["decide", "--help"], environment: new Dictionary<string, string> { ["CASES_TOKEN"] = "secret-token-value" });

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("--token", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token-value", run.Output, StringComparison.Ordinal);
    }
}
