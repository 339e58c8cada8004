using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Cases.Client.Tests;

/// <summary>`cases submit` against a real silo: the case id and token on success, the problem and a distinct exit code otherwise.</summary>
[Collection(CasesSiloCollection.Name)]
public sealed class SubmitCommandTests(CasesSilo silo) : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task SubmitPrintsTheCaseIdAndATokenThatActsForTheApplicant()
    {
        var id = TestProfiles.NewId();

        var run = await silo.RunAsync("submit", await ProfileFileAsync(TestProfiles.Eligible(id)));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Matches($@"case\s+{id}", run.Output);
        var token = Assert.Single(run.Output.Split('\n'), l => l.StartsWith("token", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        using var applicant = silo.Http(token);
        var me = await applicant.GetFromJsonAsync<JsonElement>("auth/me");
        Assert.Equal(id, me.GetProperty("subject").GetString());
    }

    [Fact]
    public async Task SubmittingAKnownIdentityDocumentExitsSevenWithoutNamingTheCase()
    {
        var id = TestProfiles.NewId();
        var file = await ProfileFileAsync(TestProfiles.Eligible(id));
        await silo.RunAsync("submit", file);

        var run = await silo.RunAsync("submit", file);

        Assert.Equal(ExitCodes.Conflict, run.ExitCode);
        Assert.Contains("409", run.Error, StringComparison.Ordinal);
        Assert.Contains("[already-registered]", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(id, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOfficerSubmittingAKnownIdentityDocumentIsToldTheExistingCase()
    {
        var id = TestProfiles.NewId();
        var file = await ProfileFileAsync(TestProfiles.Eligible(id));
        await silo.RunAsync("submit", file);

        var run = await silo.RunAsync("submit", file, "--token", silo.Officer);

        Assert.Equal(ExitCodes.Conflict, run.ExitCode);
        Assert.Contains($"existing case: {id}", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARetryWithTheSameIdempotencyKeyGetsTheFirstAnswerNotAConflict()
    {
        var id = TestProfiles.NewId();
        var file = await ProfileFileAsync(TestProfiles.Eligible(id));
        var first = await silo.RunAsync("submit", file, "--idempotency-key", "retry-" + id);

        var retry = await silo.RunAsync("submit", file, "--idempotency-key", "retry-" + id);

        Assert.Equal(ExitCodes.Success, retry.ExitCode);
        Assert.Equal(first.Output, retry.Output);
    }

    [Fact]
    public async Task AnInvalidProfileExitsThreeAndNamesTheField()
    {
        var file = Path.Combine(_folder.Path, "bad.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new { identityDocument = TestProfiles.NewId(), name = " ", nationality = "CN", passport = "Chinese", homeDistrict = "haidian" }));

        var run = await silo.RunAsync("submit", file);

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Contains("name: is required", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedJsonExitsThreeWithTheSilosExplanation()
    {
        var file = Path.Combine(_folder.Path, "broken.json");
        await File.WriteAllTextAsync(file, """{"identityDocument": "x", "name": """);

        var run = await silo.RunAsync("submit", file);

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Contains("[malformed-json]", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingProfileFileIsAUsageErrorAndAsksNoSilo()
    {
        using var handler = new StubHandler(HttpStatusCode.Created, "{}");
        var missing = Path.Combine(_folder.Path, "missing.json");

        var run = await CliRun.RunAsync(["submit", missing], handler);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains($"cannot read {missing}", run.Error, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    private async Task<string> ProfileFileAsync(object profile)
    {
        var file = Path.Combine(_folder.Path, Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(profile));
        return file;
    }
}
