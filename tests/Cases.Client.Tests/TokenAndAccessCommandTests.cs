using System.Text.Json;
using Cases.Silo.Auth;

namespace Cases.Client.Tests;

/// <summary>`cases token issue`, `cases access`, `show --until` and events named by version against a real silo, each with one refusal.</summary>
[Collection(CasesSiloCollection.Name)]
public sealed class TokenAndAccessCommandTests(CasesSilo silo)
{
    [Fact]
    public async Task AnAdminIssuesATokenThatTheSiloAccepts()
    {
        var issued = await silo.RunAsync("token", "issue", "--role", "officer", "--subject", "zhao", "--output", "token", "--token", silo.Token(Roles.Admin, "root"));

        Assert.True(issued.ExitCode == ExitCodes.Success, issued.ToString());
        using var client = silo.Http(issued.Output.Trim());
        var me = JsonDocument.Parse(await client.GetStringAsync("auth/me")).RootElement;
        Assert.Equal("zhao", me.GetProperty("subject").GetString());
    }

    [Fact]
    public async Task AnOfficerMayNotIssueTokensAndExitsFive()
    {
        var run = await silo.RunAsync("token", "issue", "--role", "admin", "--subject", "me", "--token", silo.Officer);

        Assert.Equal(ExitCodes.Forbidden, run.ExitCode);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task ARevokedTokenIsRefused()
    {
        var admin = silo.Token(Roles.Admin, "root");
        var issued = await silo.RunAsync("token", "issue", "--role", "auditor", "--subject", "qian", "--output", "json", "--token", admin);
        var answer = JsonDocument.Parse(issued.Output).RootElement;

        var revoked = await silo.RunAsync("token", "revoke", answer.GetProperty("tokenId").GetString()!, "--reason", "left the team", "--token", admin);
        var refused = await silo.RunAsync("verify", "--token", answer.GetProperty("token").GetString()!);

        Assert.True(revoked.ExitCode == ExitCodes.Success, revoked.ToString());
        Assert.Equal(ExitCodes.Unauthenticated, refused.ExitCode);
    }

    [Fact]
    public async Task RevokingASubjectRefusesEveryTokenItWasIssuedSoFar()
    {
        var admin = silo.Token(Roles.Admin, "root");
        var subject = "zhou-" + Guid.NewGuid().ToString("N")[..6];
        var first = silo.Token(Roles.Auditor, subject);
        var second = silo.Token(Roles.Auditor, subject);
        await Task.Delay(1100); // revocation covers tokens issued before it; JWT times are whole seconds

        var revoked = await silo.RunAsync("token", "revoke-subject", "--role", "auditor", "--subject", subject, "--reason", "left the audit office", "--token", admin);

        Assert.True(revoked.ExitCode == ExitCodes.Success, revoked.ToString());
        Assert.Equal(ExitCodes.Unauthenticated, (await silo.RunAsync("verify", "--token", first)).ExitCode);
        Assert.Equal(ExitCodes.Unauthenticated, (await silo.RunAsync("verify", "--token", second)).ExitCode);
        Assert.Equal(ExitCodes.Forbidden, (await silo.RunAsync("token", "revoke-subject", "--role", "auditor", "--subject", subject, "--reason", "x", "--token", silo.Officer)).ExitCode);
    }

    [Fact]
    public async Task RevokingWithoutAReasonIsAUsageError()
    {
        var run = await silo.RunAsync("token", "revoke", "some-id", "--token", silo.Token(Roles.Admin, "root"));

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--reason", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccessRecordsNameTheReadersReason()
    {
        var id = TestProfiles.NewId();
        await silo.ApplicantWithPendingPermitAsync(id, "permit-1");
        Assert.Equal(ExitCodes.Success, (await silo.RunAsync("show", $"applicant/{id}", "--reason", "checking the permit", "--token", silo.Officer)).ExitCode);

        var run = await silo.RunAsync("access", id, "--output", "json", "--token", silo.Auditor);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("checking the permit", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnApplicantMayNotReadAccessRecords()
    {
        var id = TestProfiles.NewId();
        var token = await silo.ApplicantWithPendingPermitAsync(id, "permit-1");

        var run = await silo.RunAsync("access", id, "--token", token);

        Assert.Equal(ExitCodes.Forbidden, run.ExitCode);
    }

    [Fact]
    public async Task ShowUntilAMemberThatNeverComesGivesUpWithExitSeven()
    {
        var id = TestProfiles.NewId();
        var token = await silo.ApplicantWithPendingPermitAsync(id, "permit-1");

        var run = await silo.RunAsync("show", $"applicant/{id}", "--until", "state.permit.decidedBy", "--wait", "1", "--token", token);

        Assert.Equal(ExitCodes.Conflict, run.ExitCode);
        Assert.Contains("state.permit.decidedBy was not set within 1 s", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AsOfAVersionShowsTheCaseAsItWasThenAndTraceTakesStreamAtVersion()
    {
        var id = TestProfiles.NewId();
        await silo.ApplicantWithPendingPermitAsync(id, "permit-1");
        Assert.Equal(ExitCodes.Success, (await silo.RunAsync("decide", id, "permit-1", "approve", "--reason", "ok", "--token", silo.Officer)).ExitCode);

        var asOf = await silo.RunAsync("as-of", $"applicant/{id}", "@3", "--reason", "audit", "--token", silo.Auditor);
        var trace = await silo.RunAsync("trace", $"applicant/{id}@4", "--reason", "audit", "--token", silo.Auditor);

        Assert.True(asOf.ExitCode == ExitCodes.Success, asOf.ToString());
        Assert.Contains("\"status\": \"Pending\"", asOf.Output, StringComparison.Ordinal);
        Assert.True(trace.ExitCode == ExitCodes.Success, trace.ToString());
        Assert.Matches(@"event\s*│\s*0\s*│.*PermitApproved", trace.Output);
    }

    [Fact]
    public async Task AuditReadsPrintOneJsonDocumentWithOutputJson()
    {
        var id = TestProfiles.NewId();
        await silo.ApplicantWithPendingPermitAsync(id, "permit-1");

        var asOf = await silo.RunAsync("as-of", $"applicant/{id}", "@2", "--output", "json", "--reason", "audit", "--token", silo.Auditor);
        var trace = await silo.RunAsync("trace", $"applicant/{id}@1", "--output", "json", "--reason", "audit", "--token", silo.Auditor);
        var verify = await silo.RunAsync("verify", $"applicant/{id}", "--output", "json", "--token", silo.Auditor);
        var timeline = await silo.RunAsync("timeline", $"applicant/{id}", "--output", "json", "--reason", "audit", "--token", silo.Auditor);

        Assert.Equal(2, JsonDocument.Parse(asOf.Output).RootElement.GetProperty("version").GetInt64());
        Assert.Equal("applicant/" + id, JsonDocument.Parse(trace.Output).RootElement.GetProperty("event").GetProperty("stream").GetString());
        Assert.True(JsonDocument.Parse(verify.Output).RootElement.GetProperty("intact").GetBoolean());
        Assert.Equal(3, timeline.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task TraceOfAVersionTheStreamDoesNotHaveExitsSix()
    {
        var id = TestProfiles.NewId();
        await silo.ApplicantWithPendingPermitAsync(id, "permit-1");

        var run = await silo.RunAsync("trace", $"applicant/{id}@99", "--reason", "audit", "--token", silo.Auditor);

        Assert.Equal(ExitCodes.NotFound, run.ExitCode);
        Assert.Contains("no event at version 99", run.Error, StringComparison.Ordinal);
    }
}
