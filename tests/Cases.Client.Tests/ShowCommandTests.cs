using System.Net;

namespace Cases.Client.Tests;

/// <summary>`cases show` against a real silo: the state, and the problems of unknown cases, missing reasons and wrong roles.</summary>
[Collection(CasesSiloCollection.Name)]
public sealed class ShowCommandTests(CasesSilo silo)
{
    [Fact]
    public async Task AnOfficerWithAReasonSeesTheApplicantsState()
    {
        var id = TestProfiles.NewId();
        await silo.ApplicantWithPendingPermitAsync(id, "permit-1");

        var run = await silo.RunAsync("show", $"applicant/{id}", "--reason", "deciding permit-1", "--token", silo.Officer);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains($"grain: applicant/{id}", run.Output, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"Pending\"", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownApplicantExitsSixAndPrintsTheProblemsDetail()
    {
        var id = TestProfiles.NewId();

        var run = await silo.RunAsync("show", $"applicant/{id}", "--reason", "checking", "--token", silo.Officer);

        Assert.Equal(ExitCodes.NotFound, run.ExitCode);
        Assert.Contains("error: 404", run.Error, StringComparison.Ordinal);
        Assert.Contains($"Applicant case {id} does not exist.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOfficerWithoutAReasonExitsThreeAndIsToldToGiveOne()
    {
        var id = TestProfiles.NewId();
        await silo.ApplicantWithPendingPermitAsync(id, "permit-1");

        var run = await silo.RunAsync("show", $"applicant/{id}", "--token", silo.Officer);

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Contains("[reason-required]", run.Error, StringComparison.Ordinal);
        Assert.Contains("X-Access-Reason", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheReasonIsRecordedInTheApplicantsAccessLog()
    {
        var id = TestProfiles.NewId();
        await silo.ApplicantWithPendingPermitAsync(id, "permit-1");

        await silo.RunAsync("show", $"applicant/{id}", "--reason", "complaint 4711", "--token", silo.Officer);

        using var auditor = silo.Http(silo.Auditor);
        var log = await auditor.GetStringAsync($"audit/streams/access-log/{id}/events");
        Assert.Contains("complaint 4711", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherApplicantsCaseIsForbidden()
    {
        var own = await silo.ApplicantWithPendingPermitAsync(TestProfiles.NewId(), "permit-1");
        var other = TestProfiles.NewId();
        await silo.ApplicantWithPendingPermitAsync(other, "permit-1");

        var run = await silo.RunAsync("show", $"applicant/{other}", "--token", own);

        Assert.Equal(ExitCodes.Forbidden, run.ExitCode);
        Assert.Contains("An applicant can only read their own case.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHousingCaseIsShownOnceThePermitApprovalReachedIt()
    {
        var id = TestProfiles.NewId();
        await silo.ApplicantWithPendingPermitAsync(id, "permit-1");
        await silo.RunAsync("decide", id, "permit-1", "approve", "--reason", "ok", "--token", silo.Officer);
        await Poll.UntilAsync(async () =>
        {
            using var officer = silo.Http(silo.Officer);
            using var request = new HttpRequestMessage(HttpMethod.Get, $"housing/{id}") { Headers = { { "X-Access-Reason", "test" } } };
            return (await officer.SendAsync(request)).StatusCode == HttpStatusCode.OK;
        });

        var run = await silo.RunAsync("show", $"housing/{id}", "--reason", "housing review", "--token", silo.Officer);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("\"permitId\": \"permit-1\"", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStreamWithoutASlashIsAUsageError()
    {
        using var handler = new StubHandler(HttpStatusCode.OK, "{}");

        var run = await CliRun.RunAsync(["show", "applicant-P-1", "--token", "t"], handler);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("'applicant-P-1' is not a stream; expected type/key", run.Error, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task WithoutATokenShowSaysHowToGiveOne()
    {
        var run = await silo.RunAsync("show", "applicant/P-1");

        Assert.Equal(ExitCodes.Unauthenticated, run.ExitCode);
        Assert.Contains("this command needs a token", run.Error, StringComparison.Ordinal);
    }
}
