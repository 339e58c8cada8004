using System.Net;
using Cases.Silo.Auth;

namespace Cases.Client.Tests;

/// <summary>`cases decide` against a real silo: an officer's decision and its events, and each way it can be refused.</summary>
[Collection(CasesSiloCollection.Name)]
public sealed class DecideCommandTests(CasesSilo silo)
{
    [Fact]
    public async Task AnOfficerApprovesAPendingPermitAndSeesThePermitApprovedEvent()
    {
        var id = TestProfiles.NewId();
        await silo.ApplicantWithPendingPermitAsync(id, "permit-1");

        var run = await silo.RunAsync("decide", id, "permit-1", "approve", "--reason", "employer letter verified", "--token", silo.Officer);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains($"applicant/{id} is at version 4", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"PermitApproved\s*│.*officer:wang", run.Output);
    }

    [Fact]
    public async Task DecidingAPermitNobodyAppliedForExitsSevenWithTheSilosReason()
    {
        var id = TestProfiles.NewId();
        await silo.ApplicantWithPendingPermitAsync(id, "permit-1");

        var run = await silo.RunAsync("decide", id, "permit-9", "reject", "--reason", "no such permit", "--token", silo.Officer);

        Assert.Equal(ExitCodes.Conflict, run.ExitCode);
        Assert.Contains("[permit-not-applied]", run.Error, StringComparison.Ordinal);
        Assert.Contains("Permit application permit-9 is not the current one (permit-1).", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnApplicantCannotDecideTheirOwnPermit()
    {
        var id = TestProfiles.NewId();
        var own = await silo.ApplicantWithPendingPermitAsync(id, "permit-1");

        var run = await silo.RunAsync("decide", id, "permit-1", "approve", "--reason", "please", "--token", own);

        Assert.Equal(ExitCodes.Forbidden, run.ExitCode);
        Assert.StartsWith("error: 403", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AForgedTokenExitsFourAndSaysTheTokenWasNotAccepted()
    {
        var run = await silo.RunAsync("decide", TestProfiles.NewId(), "permit-1", "approve", "--reason", "x", "--token", "forged.token");

        Assert.Equal(ExitCodes.Unauthenticated, run.ExitCode);
        Assert.Contains("401", run.Error, StringComparison.Ordinal);
        Assert.Contains("the silo did not accept the token", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutATokenDecideSaysHowToGiveOneAndAsksNoSilo()
    {
        using var handler = new StubHandler(HttpStatusCode.OK, "{}");

        var run = await CliRun.RunAsync(["decide", "P-1", "permit-1", "approve", "--reason", "x"], handler);

        Assert.Equal(ExitCodes.Unauthenticated, run.ExitCode);
        Assert.Contains("this command needs a token: pass --token <token> or set CASES_TOKEN", run.Error, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task CasesTokenIsUsedWhenNoTokenOptionIsGiven()
    {
        var id = TestProfiles.NewId();
        await silo.ApplicantWithPendingPermitAsync(id, "permit-1");
        var environment = new Dictionary<string, string> { ["CASES_TOKEN"] = silo.Token(Roles.Officer, "li") };

        var run = await CliRun.RunAsync(["decide", id, "permit-1", "reject", "--reason", "letter unsigned", "--url", silo.Url], environment: environment);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Matches(@"PermitRejected\s*│.*officer:li", run.Output);
    }

    [Fact]
    public async Task AnUnknownDecisionIsAUsageError()
    {
        using var handler = new StubHandler(HttpStatusCode.OK, "{}");

        var run = await CliRun.RunAsync(["decide", "P-1", "permit-1", "grant", "--reason", "x", "--token", "t"], handler);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("grant", run.Error, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task AnEmptyReasonExitsThreeAndNamesTheReasonField()
    {
        var id = TestProfiles.NewId();
        await silo.ApplicantWithPendingPermitAsync(id, "permit-1");

        var run = await silo.RunAsync("decide", id, "permit-1", "approve", "--reason", " ", "--token", silo.Officer);

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Contains("reason: is required", run.Error, StringComparison.Ordinal);
    }
}
