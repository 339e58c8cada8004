using System.Net;
using System.Net.Http.Json;
using Cases.Silo.Auth;
using Cases.Silo.Tests.Api;
using static Cases.Silo.Tests.Api.ProgrammeSteps;

namespace Cases.Silo.Tests.WebConsole;

/// <summary>The park's enterprise page shows the enterprise's loan interest subsidies as the programme decided and paid them (read-only).</summary>
[Collection(ApiSiloCollection.Name)]
public sealed class EnterprisePageLoanTests(ApiSilo silo)
{
    [Fact]
    public async Task TheOperatorSeesAPartlyPaidLoanAndARefusedOneWithItsReason()
    {
        await EnsureThisYearsProgrammeAsync(silo);
        var (id, _, founder) = await EnterpriseAsync(silo);
        var park = NewId("park");
        var officer = silo.Officer();
        Assert.Equal(200, (int)(await officer.PostAsJsonAsync($"/enterprises/{id}/review", new { passed = true, reason = "complete" })).StatusCode);
        Assert.Equal(200, (int)(await officer.PostAsJsonAsync($"/enterprises/{id}/park-admission", new { parkKey = park, reason = "the founders asked the centre" })).StatusCode);
        foreach (var (loan, coverage, ipBacked) in new[] { ("BOC-1", 100, false), ("IP-2", 40, true) })
        {
            Assert.Equal(200, (int)(await founder.PostAsJsonAsync($"/enterprises/{id}/loan-interest-subsidies",
                new { loanReference = loan, principalCny = 1_000_000, interestCny = 50_000, coveragePercent = coverage, ipBacked })).StatusCode);
        }
        var programme = $"/subsidy-programs/startup-{ThisYear}";
        await EventuallyAsync(() => silo.Auditor().GetAsync(programme),
            p => p.GetProperty("state").GetProperty("loanRequests").EnumerateArray().Count(q => q.GetProperty("enterpriseKey").GetString() == id) == 2);
        Assert.Equal(200, (int)(await officer.PostAsJsonAsync($"{programme}/loan-commitments", new { enterpriseKey = id, loanReference = "BOC-1" })).StatusCode);
        Assert.Equal(200, (int)(await officer.PostAsJsonAsync($"{programme}/payments", new { enterpriseKey = id, loanReference = "BOC-1", amountCny = 20_000 })).StatusCode);
        Assert.Equal(200, (int)(await officer.PostAsJsonAsync($"{programme}/loan-refusals", new { enterpriseKey = id, loanReference = "IP-2", reason = "valuation report missing" })).StatusCode);
        await EventuallyAsync(() => founder.GetAsync($"/enterprises/{id}"), e =>
            e.GetProperty("state").GetProperty("loanInterestSubsidies").GetProperty("BOC-1").GetProperty("status").GetString() == "partly-paid"
            && e.GetProperty("state").GetProperty("loanInterestSubsidies").GetProperty("IP-2").GetProperty("status").GetString() == "refused");
        var console = await silo.SignInToConsoleAsync(Roles.Operator, park);

        var html = await PageOnRosterAsync(console, $"/console/parks/{park}/enterprises/{id}");

        Assert.Matches(@"<tr class=""loan"" id=""loan-BOC-1""><td>BOC-1</td>\s*<td>bank</td>\s*<td>full \(100 %\)</td>\s*<td>50,000</td>\s*<td class=""loan-status"">partly-paid</td>\s*<td>50,000</td>\s*<td>20,000</td>\s*<td>30,000</td>\s*<td>committed by officer:wang from startup-\d+</td></tr>", html);
        Assert.Matches(@"<tr class=""loan"" id=""loan-IP-2""><td>IP-2</td>\s*<td>IP-backed</td>\s*<td>partial \(40 %\)</td>\s*<td>20,000</td>\s*<td class=""loan-status"">refused</td>\s*<td>0</td>\s*<td>0</td>\s*<td>0</td>\s*<td>valuation report missing</td></tr>", html);
    }

    [Fact]
    public async Task AnEnterpriseWithoutLoanRequestsSaysSo()
    {
        var (id, park, _) = await EnterpriseInParkAsync(silo);
        var console = await silo.SignInToConsoleAsync(Roles.Operator, park);

        var html = await PageOnRosterAsync(console, $"/console/parks/{park}/enterprises/{id}");

        Assert.Contains("No loan interest subsidy has been requested.", html, StringComparison.Ordinal);
    }

    // The roster learns of the admission from the enterprise's stream, so the page may answer 404 for a moment.
    private static async Task<string> PageOnRosterAsync(HttpClient console, string url)
    {
        var deadline = DateTime.UtcNow + StreamDeadline;
        while (true)
        {
            var (status, html) = await console.PageAsync(url);
            if (status == HttpStatusCode.OK)
                return html;
            Assert.True(DateTime.UtcNow < deadline, $"{url} answered {(int)status} until the deadline.");
            await Task.Delay(50);
        }
    }
}
