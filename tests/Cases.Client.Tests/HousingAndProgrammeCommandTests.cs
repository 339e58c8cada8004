using System.Text.Json;

namespace Cases.Client.Tests;

/// <summary>`cases housing …` and `cases programme open|show` against a real silo, each with one refusal.</summary>
[Collection(CasesSiloCollection.Name)]
public sealed class HousingAndProgrammeCommandTests(CasesSilo silo)
{
    [Fact]
    public async Task UnitsAddedToAnOfficeShowInTheOfficeAsJson()
    {
        var district = "d-" + Guid.NewGuid().ToString("N")[..8];

        var added = await silo.RunAsync("housing", "add-units", district, "u-1", "u-2", "--token", silo.Officer);
        var office = await silo.RunAsync("housing", "office", district, "--output", "json", "--token", silo.Auditor);

        Assert.True(added.ExitCode == ExitCodes.Success, added.ToString());
        Assert.Matches(@"TransitionalUnitsAdded\s*│", added.Output);
        Assert.True(office.ExitCode == ExitCodes.Success, office.ToString());
        Assert.Contains("\"u-2\"", office.Output, StringComparison.Ordinal);
        Assert.Equal($"housing-office/{district}", JsonDocument.Parse(office.Output).RootElement.GetProperty("grain").GetString());
    }

    [Fact]
    public async Task EndingTermsOfAKnownOfficeSucceedsAndOfAnUnknownOneExitsSix()
    {
        var district = "d-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(ExitCodes.Success, (await silo.RunAsync("housing", "add-units", district, "u-1", "--token", silo.Officer)).ExitCode);

        var ended = await silo.RunAsync("housing", "end-terms", district, "--token", silo.Officer);
        var unknown = await silo.RunAsync("housing", "end-terms", "d-" + Guid.NewGuid().ToString("N")[..8], "--token", silo.Officer);

        Assert.True(ended.ExitCode == ExitCodes.Success, ended.ToString());
        Assert.Equal(ExitCodes.NotFound, unknown.ExitCode);
        Assert.Contains("404", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSameUnitTwiceIsRefusedAsInvalid()
    {
        var run = await silo.RunAsync("housing", "add-units", "haidian", "u-1", "u-1", "--token", silo.Officer);

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Contains("unitIds", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LongTermHousingBeforeTheTermEndsExitsSeven()
    {
        var id = TestProfiles.NewId();
        var token = await silo.ApplicantWithPendingPermitAsync(id, "permit-1");
        Assert.Equal(ExitCodes.Success, (await silo.RunAsync("decide", id, "permit-1", "approve", "--reason", "ok", "--token", silo.Officer)).ExitCode);
        var opened = await silo.RunAsync("show", $"housing/{id}", "--until", "state.rentalSubsidyFrom", "--token", token);
        Assert.True(opened.ExitCode == ExitCodes.Success, opened.ToString());

        var run = await silo.RunAsync("housing", "long-term", id, "RentalSubsidy", "--token", token);

        Assert.Equal(ExitCodes.Conflict, run.ExitCode);
        Assert.Contains("too-early", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProgrammeOpensOnceAndShowsItsBudget()
    {
        var opened = await silo.RunAsync("programme", "open", "2003", "--budget", "700000", "--token", silo.Officer);
        var again = await silo.RunAsync("programme", "open", "2003", "--budget", "700000", "--token", silo.Officer);
        var shown = await silo.RunAsync("programme", "show", "2003", "--output", "json", "--token", silo.Auditor);

        Assert.True(opened.ExitCode == ExitCodes.Success, opened.ToString());
        Assert.Matches(@"ProgrammeOpened\s*│", opened.Output);
        Assert.Equal(ExitCodes.Conflict, again.ExitCode);
        Assert.Equal(700_000, JsonDocument.Parse(shown.Output).RootElement.GetProperty("state").GetProperty("budgetCny").GetInt64());
    }

    [Fact]
    public async Task PayingAGrantThatWasNeverAwardedFails()
    {
        var run = await silo.RunAsync("programme", "pay", "E-never", "--year", "2003", "--token", silo.Officer);

        Assert.NotEqual(ExitCodes.Success, run.ExitCode);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
    }
}
