using Cases.Silo.Auth;

namespace Cases.Client.Tests;

/// <summary>Data goes to standard output and errors to standard error, so a redirected export never holds an error.</summary>
[Collection(CasesSiloCollection.Name)]
public sealed class StandardStreamsTests(CasesSilo silo)
{
    [Fact]
    public async Task AnExportWithATokenLackingTheRoleLeavesStdoutEmptyAndExplainsOnStderr()
    {
        var run = await silo.RunAsync("export", "park/zgc-01", "--format", "csv", "--token", silo.Token(Roles.Operator, "zgc-01"));

        Assert.Equal(ExitCodes.Forbidden, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.StartsWith("error: 403", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRealBinarysRedirectedStdoutGetsNoErrorFromAForbiddenExport()
    {
        var run = await CasesProcess.RunAsync(silo.Silo.Address, "export", "park/zgc-01", "--format", "csv", "--token", silo.Token(Roles.Operator, "zgc-01"));

        Assert.Equal(ExitCodes.Forbidden, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.StartsWith("error: 403", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExportThatSucceedsWritesOnlyTheExportToStdout()
    {
        var id = TestProfiles.NewId();
        await silo.ApplicantWithPendingPermitAsync(id, "permit-1");

        var run = await silo.RunAsync("export", $"applicant/{id}", "--reason", "audit", "--token", silo.Auditor);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.All(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith("{", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AParseErrorGoesToStderrWithExitCode64()
    {
        var run = await silo.RunAsync("decide", "P-1", "RWP-1", "maybe", "--reason", "x", "--token", silo.Officer);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("maybe", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("error", run.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AMissingTokenIsReportedOnStderrOnly()
    {
        var run = await silo.RunAsync("programme", "show", "2026");

        Assert.Equal(ExitCodes.Unauthenticated, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Contains("this command needs a token", run.Error, StringComparison.Ordinal);
    }
}
