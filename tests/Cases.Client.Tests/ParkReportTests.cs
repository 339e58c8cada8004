using System.Net;
using System.Net.Http.Json;
using Cases.Silo.Auth;

namespace Cases.Client.Tests;

/// <summary>`cases park report` against a real silo: the roster with stages and progress, for the park's own operator only.</summary>
[Collection(CasesSiloCollection.Name)]
public sealed class ParkReportTests(CasesSilo silo)
{
    [Fact]
    public async Task TheOperatorSeesTheirEnterpriseIncubatingWithItsFunding()
    {
        var (park, enterprise) = await IncubatingEnterpriseAsync();

        var run = await silo.RunAsync("park", "report", park, "--token", silo.Token(Roles.Operator, park));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Matches($@"{enterprise}\s*│\s*Incubating\s*│.*1 round\(s\), CNY 3,000,000", run.Output);
        Assert.Contains($"Park {park}: 1 enterprise(s) (1 incubating)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherParksOperatorIsForbidden()
    {
        var (park, _) = await IncubatingEnterpriseAsync();

        var run = await silo.RunAsync("park", "report", park, "--token", silo.Token(Roles.Operator, "some-other-park"));

        Assert.Equal(ExitCodes.Forbidden, run.ExitCode);
    }

    [Fact]
    public async Task AnUnknownParkExitsSix()
    {
        var park = "park-" + Guid.NewGuid().ToString("N")[..8];

        var run = await silo.RunAsync("park", "report", park, "--token", silo.Officer);

        Assert.Equal(ExitCodes.NotFound, run.ExitCode);
        Assert.Contains($"Park {park} does not exist.", run.Error, StringComparison.Ordinal);
    }

    // A recognised founder's enterprise, admitted to a fresh park, with one funding round recorded.
    private async Task<(string Park, string Enterprise)> IncubatingEnterpriseAsync()
    {
        var founder = TestProfiles.NewId();
        await silo.ApplicantWithPendingPermitAsync(founder, "permit-1");
        var park = "park-" + Guid.NewGuid().ToString("N")[..8];
        var enterprise = "ent-" + Guid.NewGuid().ToString("N")[..8];
        using var officer = silo.Http(silo.Officer);
        (await officer.PostAsJsonAsync("enterprises", new
        {
            id = enterprise, name = "Quantum Tea", founderApplicantKeys = new[] { founder }, registeredWithPassport = false,
            registeredCapitalCny = 1_000_000, industry = "artificial-intelligence", district = "haidian",
        })).EnsureSuccessStatusCode();
        (await officer.PostAsJsonAsync($"enterprises/{enterprise}/park-admission", new { parkKey = park, reason = "the founder asked the centre" })).EnsureSuccessStatusCode();
        (await officer.PostAsJsonAsync($"enterprises/{enterprise}/milestones", new { kind = "FundingRound", value = 3_000_000 })).EnsureSuccessStatusCode();
        await Poll.UntilAsync(async () =>
        {
            var response = await officer.GetAsync($"parks/{park}");
            return response.StatusCode == HttpStatusCode.OK && (await response.Content.ReadAsStringAsync()).Contains("\"fundingRounds\":1", StringComparison.Ordinal);
        }, what: "the park's roster");
        return (park, enterprise);
    }
}
