using System.Net.Http.Json;
using System.Text.Json;

namespace Cases.Client.Tests;

/// <summary>`cases search` against a real silo: a document typed loosely finds its case, as a table or JSON; a missing reason and a bad limit are refused.</summary>
[Collection(CasesSiloCollection.Name)]
public sealed class SearchCommandTests(CasesSilo silo)
{
    [Fact]
    public async Task AnIdentityDocumentTypedInLowerCaseWithSpacesListsItsCase()
    {
        var id = await ApplicantAsync();
        var typed = $"{id[..5].ToLowerInvariant()} {id[5..].ToLowerInvariant()}";

        CliRun run = null!;
        await Poll.UntilAsync(async () =>
        {
            run = await silo.RunAsync("search", typed, "--reason", "document check", "--token", silo.Officer);
            return run.Output.Contains($"applicant/{id}", StringComparison.Ordinal);
        }, what: "the applicant in the search index");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Matches($@"applicant/{id}\s*│\s*Li Wei\s*│\s*haidian\s*│\s*│\s*key", run.Output);
        Assert.Contains("1 case(s) found.", run.Output, StringComparison.Ordinal);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task JsonOutputIsTheSilosAnswerOnOneLine()
    {
        var id = await ApplicantAsync();

        JsonElement answer = default;
        await Poll.UntilAsync(async () =>
        {
            var run = await silo.RunAsync("search", id, "--reason", "document check", "--limit", "5", "--output", "json", "--token", silo.Auditor);
            answer = JsonDocument.Parse(run.Output).RootElement.Clone();
            return answer.GetProperty("results").GetArrayLength() > 0;
        }, what: "the applicant in the search index");

        var first = answer.GetProperty("results")[0];
        Assert.Equal((id, "applicant", true), (first.GetProperty("key").GetString(), first.GetProperty("kind").GetString(), first.GetProperty("exactKey").GetBoolean()));
    }

    [Fact]
    public async Task WithoutAReasonTheSiloRefusesAndTheDetailGoesToStandardError()
    {
        var run = await silo.RunAsync("search", "li wei", "--token", silo.Officer);

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Contains("X-Access-Reason", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALimitOutsideOneToFiftyIsAUsageError()
    {
        var run = await silo.RunAsync("search", "li wei", "--limit", "0", "--reason", "x", "--token", silo.Officer);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--limit", run.Error, StringComparison.Ordinal);
    }

    private async Task<string> ApplicantAsync()
    {
        var id = TestProfiles.NewId();
        using var anonymous = silo.Http();
        (await anonymous.PostAsJsonAsync("applicants", TestProfiles.Eligible(id))).EnsureSuccessStatusCode();
        return id;
    }
}
