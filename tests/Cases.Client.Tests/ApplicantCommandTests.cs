using System.Net.Http.Json;
using System.Text.Json;

namespace Cases.Client.Tests;

/// <summary>`cases applicant …` against a real silo: recognition, permit, household registration, foreign residence and dependants, each with one refusal.</summary>
[Collection(CasesSiloCollection.Name)]
public sealed class ApplicantCommandTests(CasesSilo silo)
{
    [Fact]
    public async Task TheApplicantIsRecognisedAndAppliesForAPermitThatAwaitsAnOfficer()
    {
        var (id, token) = await SubmittedAsync();

        var recognised = await silo.RunAsync("applicant", "recognition", id, "R-1", "--token", token);
        var applied = await silo.RunAsync("applicant", "permit", id, "RWP-1", "--employer-reference", "Acme HR letter", "--token", token);

        Assert.True(recognised.ExitCode == ExitCodes.Success, recognised.ToString());
        Assert.Matches(@"RecognitionEvaluated\s*│", recognised.Output);
        Assert.True(applied.ExitCode == ExitCodes.Success, applied.ToString());
        Assert.Matches(@"PermitApplied\s*│", applied.Output);
        var show = await silo.RunAsync("show", $"applicant/{id}", "--output", "json", "--token", token);
        Assert.Equal("Pending", JsonDocument.Parse(show.Output).RootElement.GetProperty("state").GetProperty("permit").GetProperty("status").GetString());
    }

    [Fact]
    public async Task APermitReusingAnApplicationIdFailsWithTheSilosReasonOnStderrOnly()
    {
        var (id, token) = await SubmittedAsync();
        Assert.Equal(ExitCodes.Success, (await silo.RunAsync("applicant", "recognition", id, "R-1", "--token", token)).ExitCode);

        var run = await silo.RunAsync("applicant", "permit", id, "R-1", "--employer-reference", "Acme", "--token", token);

        Assert.NotEqual(ExitCodes.Success, run.ExitCode);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("R-1", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task AnotherApplicantsTokenMayNotApplyForRecognitionAndExitsFive()
    {
        var (id, _) = await SubmittedAsync();
        var (_, other) = await SubmittedAsync();

        var run = await silo.RunAsync("applicant", "recognition", id, "R-1", "--token", other);

        Assert.Equal(ExitCodes.Forbidden, run.ExitCode);
        Assert.StartsWith("error: 403", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADependantIsAddedAndIncludedInAHouseholdRegistration()
    {
        var (id, token) = await SubmittedAsync();
        Assert.Equal(ExitCodes.Success, (await silo.RunAsync("applicant", "recognition", id, "R-1", "--token", token)).ExitCode);

        var added = await silo.RunAsync("applicant", "dependant", id, "D-1", "--relation", "Child", "--name", "Li Xiao", "--birth-date", "2020-05-01", "--token", token);
        var applied = await silo.RunAsync("applicant", "household-registration", id, "HR-1", "--dependant", "D-1", "--token", token);

        Assert.True(added.ExitCode == ExitCodes.Success, added.ToString());
        Assert.Matches(@"DependantAdded\s*│", added.Output);
        Assert.True(applied.ExitCode == ExitCodes.Success, applied.ToString());
        Assert.Contains("HouseholdRegistration", applied.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOfficerDecidesAPendingHouseholdRegistration()
    {
        var (id, token) = await SubmittedAsync();
        Assert.Equal(ExitCodes.Success, (await silo.RunAsync("applicant", "recognition", id, "R-1", "--token", token)).ExitCode);
        Assert.Equal(ExitCodes.Success, (await silo.RunAsync("applicant", "household-registration", id, "HR-1", "--token", token)).ExitCode);

        var run = await silo.RunAsync("applicant", "household-decision", id, "HR-1", "reject", "--reason", "documents incomplete", "--token", silo.Officer);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Matches(@"HouseholdRegistrationRejected\s*│", run.Output);
    }

    [Fact]
    public async Task AHouseholdDecisionOnAnApplicationNobodyMadeFails()
    {
        var (id, _) = await SubmittedAsync();

        var run = await silo.RunAsync("applicant", "household-decision", id, "HR-9", "approve", "--reason", "ok", "--token", silo.Officer);

        Assert.NotEqual(ExitCodes.Success, run.ExitCode);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHouseholdRegistrationNamingAnUnknownDependantFailsAndSaysWhich()
    {
        var (id, token) = await SubmittedAsync();

        var run = await silo.RunAsync("applicant", "household-registration", id, "HR-1", "--dependant", "D-9", "--token", token);

        Assert.NotEqual(ExitCodes.Success, run.ExitCode);
        Assert.Contains("D-9", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AForeignResidenceApplicationIsEvaluated()
    {
        var (id, token) = await SubmittedAsync();

        var run = await silo.RunAsync("applicant", "foreign-residence", id, "FR-1", "--kind", "ResidencePermit", "--token", token);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Matches(@"ForeignResidenceEvaluated\s*│", run.Output);
    }

    [Fact]
    public async Task AForeignResidenceOfAnUnknownKindIsAUsageError()
    {
        var run = await silo.RunAsync("applicant", "foreign-residence", "P-1", "FR-1", "--kind", "Tourist", "--token", "t");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("Tourist", run.Error, StringComparison.Ordinal);
    }

    private async Task<(string Id, string Token)> SubmittedAsync()
    {
        var id = TestProfiles.NewId();
        using var anonymous = silo.Http();
        var created = await anonymous.PostAsJsonAsync("applicants", TestProfiles.Eligible(id));
        created.EnsureSuccessStatusCode();
        return (id, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!);
    }
}
