using System.Net.Http.Json;
using System.Text.Json;

namespace Cases.Client.Tests;

/// <summary>`cases trace`, `verify`, `as-of` and `export` against a real silo.</summary>
[Collection(CasesSiloCollection.Name)]
public sealed class AuditCommandTests(CasesSilo silo) : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task TraceOfAPermitApprovalShowsTheHousingCaseItOpened()
    {
        var id = TestProfiles.NewId();
        await silo.ApplicantWithPendingPermitAsync(id, "permit-1");
        var approval = await ApproveAsync(id);

        CliRun run = null!;
        await Poll.UntilAsync(async () =>
        {
            run = await silo.RunAsync("trace", approval, "--reason", "why housing", "--token", silo.Auditor);
            return run.Output.Contains("HousingCaseOpened", StringComparison.Ordinal);
        }, what: "the housing case in the trace");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Matches(@"event\s*│\s*0\s*│\s*applicant/" + id + @"\s*│\s*4\s*│\s*PermitApproved", run.Output);
        Assert.Matches(@"effect\s*│\s*1\s*│\s*housing/" + id + @"\s*│.*HousingCaseOpened", run.Output);
    }

    [Fact]
    public async Task TraceOfAnUnknownEventExitsSixAndPrintsTheDetail()
    {
        var unknown = Guid.NewGuid();

        var run = await silo.RunAsync("trace", unknown.ToString(), "--token", silo.Auditor);

        Assert.Equal(ExitCodes.NotFound, run.ExitCode);
        Assert.Contains($"Event {unknown} does not exist.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TraceOfSomethingThatIsNotAnEventIdIsAUsageError()
    {
        var run = await silo.RunAsync("trace", "not-a-guid", "--token", silo.Auditor);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
    }

    [Fact]
    public async Task VerifyOfAStreamSaysItsChainIsIntact()
    {
        var id = TestProfiles.NewId();
        await silo.ApplicantWithPendingPermitAsync(id, "permit-1");

        var run = await silo.RunAsync("verify", $"applicant/{id}", "--token", silo.Auditor);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains($"applicant/{id}: 3 event(s) checked.", run.Output, StringComparison.Ordinal);
        Assert.Contains("intact: the hash chain matches its events.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyOfTheWholeStoreExitsZeroWhenNothingWasAltered()
    {
        await silo.ApplicantWithPendingPermitAsync(TestProfiles.NewId(), "permit-1");

        var run = await silo.RunAsync("verify", "--token", silo.Auditor);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("intact: every hash chain in the store matches its events.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsAnOfficerIsForbidden()
    {
        var run = await silo.RunAsync("verify", "--token", silo.Officer);

        Assert.Equal(ExitCodes.Forbidden, run.ExitCode);
    }

    [Fact]
    public async Task VerifyOfAStreamThatDoesNotExistExitsSix()
    {
        var run = await silo.RunAsync("verify", $"applicant/{TestProfiles.NewId()}", "--token", silo.Auditor);

        Assert.Equal(ExitCodes.NotFound, run.ExitCode);
    }

    [Fact]
    public async Task AsOfBeforeTheApprovalShowsThePermitStillPending()
    {
        var id = TestProfiles.NewId();
        await silo.ApplicantWithPendingPermitAsync(id, "permit-1");
        using var auditor = silo.Http(silo.Auditor);
        auditor.DefaultRequestHeaders.Add("X-Access-Reason", "test setup");
        var page = await auditor.GetFromJsonAsync<JsonElement>($"audit/streams/applicant/{id}/events");
        var beforeApproval = page.GetProperty("events")[2].GetProperty("recordedAt").GetDateTimeOffset();
        await ApproveAsync(id);

        var run = await silo.RunAsync("as-of", $"applicant/{id}", beforeApproval.ToString("O"), "--reason", "appeal", "--token", silo.Auditor);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("version: 3", run.Output, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"Pending\"", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AsOfAnInstantThatIsNotOneIsAUsageError()
    {
        var run = await silo.RunAsync("as-of", "applicant/P-1", "yesterday", "--token", silo.Auditor);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("'yesterday' is not an instant", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportWritesOneJsonLinePerEventToTheFile()
    {
        var id = TestProfiles.NewId();
        await silo.ApplicantWithPendingPermitAsync(id, "permit-1");
        var file = Path.Combine(_folder.Path, "applicant.jsonl");

        var run = await silo.RunAsync("export", $"applicant/{id}", "--format", "jsonl", "--out", file, "--reason", "court order", "--token", silo.Auditor);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains($"to {file}", run.Output, StringComparison.Ordinal);
        var lines = await File.ReadAllLinesAsync(file);
        Assert.Equal(3, lines.Length);
        Assert.Contains("ApplicantRegistered", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailedExportLeavesNoFileBehind()
    {
        var file = Path.Combine(_folder.Path, "nothing.csv");

        var run = await silo.RunAsync("export", $"applicant/{TestProfiles.NewId()}", "--format", "csv", "--out", file, "--token", silo.Officer);

        Assert.Equal(ExitCodes.Forbidden, run.ExitCode);
        Assert.Empty(Directory.GetFiles(_folder.Path));
    }

    private async Task<string> ApproveAsync(string id)
    {
        using var officer = silo.Http(silo.Officer);
        var response = await officer.PostAsJsonAsync($"applicants/{id}/permits/permit-1/approve", new { reason = "ok" });
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        return answer.GetProperty("events")[0].GetProperty("eventId").GetString()!;
    }
}
