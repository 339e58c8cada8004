using System.Text.Json;

namespace Cases.Client.Tests;

/// <summary>`cases enterprise …` and `cases programme pay` against a real silo: registration to a paid start-up grant and a park, each with one refusal.</summary>
[Collection(CasesSiloCollection.Name)]
public sealed class EnterpriseCommandTests(CasesSilo silo)
{
    private static readonly string Year = DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task ARecognisedFounderRegistersAndAPassedReviewEndsInAPaidGrant()
    {
        var (enterprise, _) = await RegisteredAsync();
        var opened = await silo.RunAsync("programme", "open", Year, "--budget", "10000000000", "--token", silo.Officer);
        Assert.True(opened.ExitCode is ExitCodes.Success or ExitCodes.Conflict, opened.ToString());

        var reviewed = await silo.RunAsync("enterprise", "review", enterprise, "pass", "--reason", "file complete", "--token", silo.Officer);
        var awarded = await silo.RunAsync("show", $"enterprise/{enterprise}", "--until", "state.startupGrant.awarded", "--output", "json", "--token", silo.Officer);
        var paid = await silo.RunAsync("programme", "pay", enterprise, "--year", Year, "--token", silo.Officer);

        Assert.True(reviewed.ExitCode == ExitCodes.Success, reviewed.ToString());
        Assert.Matches(@"EnterpriseReviewed\s*│", reviewed.Output);
        Assert.True(awarded.ExitCode == ExitCodes.Success, awarded.ToString());
        Assert.True(paid.ExitCode == ExitCodes.Success, paid.ToString());
        Assert.Matches(@"GrantPaid\s*│", paid.Output);
    }

    [Fact]
    public async Task AFounderWhoIsNotRecognisedCannotRegisterAndTheCommandFails()
    {
        var id = TestProfiles.NewId();
        using var anonymous = silo.Http();
        var created = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(anonymous, "applicants", TestProfiles.Eligible(id));
        var token = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<JsonElement>(created.Content)).GetProperty("token").GetString()!;

        var run = await silo.RunAsync("enterprise", "register", "E-" + id, "--name", "Lumen Optics", "--founder", id, "--capital", "100000",
            "--industry", "artificial-intelligence", "--district", "haidian", "--token", token);

        Assert.NotEqual(ExitCodes.Success, run.ExitCode);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task AnOperatorsProposalAndTheFoundersConsentAdmitTheEnterpriseToThePark()
    {
        var (enterprise, founder) = await RegisteredAsync();
        var park = "park-" + Guid.NewGuid().ToString("N")[..8];
        var @operator = silo.Token("operator", park);

        var proposed = await silo.RunAsync("enterprise", "propose", enterprise, "--park", park, "--token", @operator);
        var consented = await silo.RunAsync("enterprise", "consent", enterprise, "--park", park, "--token", founder);

        Assert.True(proposed.ExitCode == ExitCodes.Success, proposed.ToString());
        Assert.Matches(@"ParkAdmissionProposed\s*│", proposed.Output);
        Assert.True(consented.ExitCode == ExitCodes.Success, consented.ToString());
        Assert.Matches(@"EnterpriseAdmittedToPark\s*│", consented.Output);
        var roster = await silo.RunAsync("show", $"park/{park}", "--until", $"state.roster.{enterprise}", "--token", @operator);
        Assert.True(roster.ExitCode == ExitCodes.Success, roster.ToString());
    }

    [Fact]
    public async Task ConsentWithoutAProposalFailsWithTheSilosProblem()
    {
        var (enterprise, founder) = await RegisteredAsync();

        var run = await silo.RunAsync("enterprise", "consent", enterprise, "--park", "no-such-proposal", "--token", founder);

        Assert.NotEqual(ExitCodes.Success, run.ExitCode);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOfficerAdmitsAndTheOperatorRecordsAFundingRound()
    {
        var (enterprise, _) = await RegisteredAsync();
        var park = "park-" + Guid.NewGuid().ToString("N")[..8];

        var admitted = await silo.RunAsync("enterprise", "admit", enterprise, "--park", park, "--reason", "incubation agreed", "--token", silo.Officer);
        var milestone = await silo.RunAsync("enterprise", "milestone", enterprise, "FundingRound", "2000000", "--reference", "seed", "--token", silo.Token("operator", park));

        Assert.True(admitted.ExitCode == ExitCodes.Success, admitted.ToString());
        Assert.Matches(@"EnterpriseAdmittedToPark\s*│", admitted.Output);
        Assert.True(milestone.ExitCode == ExitCodes.Success, milestone.ToString());
        Assert.Matches(@"MilestoneRecorded\s*│", milestone.Output);
    }

    [Fact]
    public async Task AFundingRoundWithAYearIsRefusedAsInvalid()
    {
        var (enterprise, _) = await RegisteredAsync();

        var run = await silo.RunAsync("enterprise", "milestone", enterprise, "FundingRound", "2000000", "--year", Year, "--token", silo.Officer);

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Contains("year", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReviewWithAnUnknownVerdictIsAUsageError()
    {
        var run = await silo.RunAsync("enterprise", "review", "E-1", "maybe", "--reason", "x", "--token", silo.Officer);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
    }

    [Fact]
    public async Task TheOperatorRecordsAGraduationAndAnotherEnterprisesExitWithItsReason()
    {
        var park = "park-" + Guid.NewGuid().ToString("N")[..8];
        var (graduating, _) = await RegisteredAsync();
        var (leaving, _) = await RegisteredAsync();
        foreach (var enterprise in new[] { graduating, leaving })
            Assert.Equal(ExitCodes.Success, (await silo.RunAsync("enterprise", "admit", enterprise, "--park", park, "--reason", "incubation agreed", "--token", silo.Officer)).ExitCode);
        var operatorToken = silo.Token("operator", park);

        var graduated = await silo.RunAsync("enterprise", "graduate", graduating, "--token", operatorToken);
        var left = await silo.RunAsync("enterprise", "exit", leaving, "--reason", "moved to Shenzhen", "--token", operatorToken);
        var gone = await silo.RunAsync("enterprise", "graduate", leaving, "--token", operatorToken);
        var again = await silo.RunAsync("enterprise", "graduate", leaving, "--token", silo.Officer);

        Assert.True(graduated.ExitCode == ExitCodes.Success, graduated.ToString());
        Assert.Matches(@"EnterpriseGraduated\s*│", graduated.Output);
        Assert.True(left.ExitCode == ExitCodes.Success, left.ToString());
        Assert.Matches(@"EnterpriseLeftPark\s*│.*moved to Shenzhen", left.Output);
        // Once it left, it is no longer the operator's to graduate, and an officer cannot graduate it either.
        Assert.Equal(ExitCodes.Forbidden, gone.ExitCode);
        Assert.Equal(ExitCodes.Conflict, again.ExitCode);
    }

    [Fact]
    public async Task AnOfficerEvaluatesTalentPreferenceAndAnOperatorMayNot()
    {
        var (enterprise, _) = await RegisteredAsync();

        var evaluated = await silo.RunAsync("enterprise", "talent-preference", enterprise, "--scope-in-line", "--token", silo.Officer);
        var refused = await silo.RunAsync("enterprise", "talent-preference", enterprise, "--token", silo.Token("operator", "zgc-01"));

        Assert.True(evaluated.ExitCode == ExitCodes.Success, evaluated.ToString());
        Assert.Matches(@"TalentIntroductionPreferenceEvaluated\s*│", evaluated.Output);
        Assert.Equal(ExitCodes.Forbidden, refused.ExitCode);
    }

    private async Task<(string Enterprise, string Founder)> RegisteredAsync()
    {
        var applicant = TestProfiles.NewId();
        var founder = await silo.ApplicantWithPendingPermitAsync(applicant, "permit-1");
        var enterprise = "E-" + Guid.NewGuid().ToString("N")[..8];
        var run = await silo.RunAsync("enterprise", "register", enterprise, "--name", "Lumen Optics", "--founder", applicant, "--capital", "100000",
            "--industry", "artificial-intelligence", "--district", "haidian", "--token", founder);
        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Matches(@"EnterpriseRegistered\s*│", run.Output);
        return (enterprise, founder);
    }
}
