using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cases.Silo.Auth;

namespace Cases.Client.Tests;

/// <summary>`cases loan` against a real silo: a loan interest subsidy requested, queued, committed or refused, paid, and shown.</summary>
[Collection(CasesSiloCollection.Name)]
public sealed class LoanCommandTests(CasesSilo silo)
{
    private static readonly string Year = DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task AFounderRequestsAndAnOfficerCommitsAndPaysUntilShowListsTheLoanPaid()
    {
        var (enterprise, founder) = await ReviewedEnterpriseAsync();

        var requested = await silo.RunAsync("loan", "request", enterprise, "ICBC-1", "--principal", "1000000", "--interest", "40000", "--coverage", "100", "--token", founder);
        Assert.Equal(ExitCodes.Success, requested.ExitCode);
        Assert.Matches(@"LoanInterestSubsidyRequested\s*│", requested.Output);
        await QueuedAsync(enterprise, "ICBC-1");

        var queue = await silo.RunAsync("loan", "queue", "--year", Year, "--token", silo.Auditor);
        Assert.Matches($@"{enterprise}\s*│\s*ICBC-1\s*│\s*bank\s*│\s*100 %\s*│\s*40,000\s*│.*awaits an officer\s*│\s*passed review-passed; passed bank-loan; passed coverage", queue.Output);
        var committed = await silo.RunAsync("loan", "commit", enterprise, "ICBC-1", "--year", Year, "--token", silo.Officer);
        Assert.Equal(ExitCodes.Success, committed.ExitCode);
        Assert.Matches(@"LoanInterestSubsidyCommitted\s*│.*officer:wang", committed.Output);
        var paid = await silo.RunAsync("loan", "pay", enterprise, "ICBC-1", "--year", Year, "--amount", "40000", "--token", silo.Officer);
        Assert.Equal(ExitCodes.Success, paid.ExitCode);
        Assert.Matches(@"LoanInterestSubsidyPaid\s*│", paid.Output);
        await EnterpriseLoanAsync(enterprise, "ICBC-1", "paid");

        var show = await silo.RunAsync("loan", "show", enterprise, "--token", founder);

        Assert.Equal(ExitCodes.Success, show.ExitCode);
        Assert.Matches(@"ICBC-1\s*│\s*bank\s*│\s*100 %\s*│\s*40,000\s*│\s*paid\s*│\s*40,000\s*│\s*40,000\s*│\s*0\s*│", show.Output);
        Assert.Contains($"Enterprise {enterprise}: 1 loan subsidy request(s), 1 fully paid.", show.Output, StringComparison.Ordinal);
        var json = await silo.RunAsync("loan", "show", enterprise, "--output", "json", "--token", founder);
        Assert.Equal("paid", JsonDocument.Parse(json.Output).RootElement.GetProperty("ICBC-1").GetProperty("status").GetString());
    }

    [Fact]
    public async Task AnOfficersRefusalShowsOnTheEnterpriseWithItsReason()
    {
        var (enterprise, founder) = await ReviewedEnterpriseAsync();
        Assert.Equal(ExitCodes.Success, (await silo.RunAsync("loan", "request", enterprise, "IP-2", "--principal", "500000", "--interest", "20000", "--coverage", "50", "--ip-backed", "--token", founder)).ExitCode);
        await QueuedAsync(enterprise, "IP-2");
        var queued = await silo.RunAsync("loan", "queue", "--year", Year, "--output", "json", "--token", silo.Auditor);
        Assert.Contains(JsonDocument.Parse(queued.Output).RootElement.GetProperty("loanRequests").EnumerateArray(),
            r => r.GetProperty("enterpriseKey").GetString() == enterprise && r.GetProperty("loanReference").GetString() == "IP-2");

        var refused = await silo.RunAsync("loan", "refuse", enterprise, "IP-2", "--year", Year, "--reason", "valuation report missing", "--token", silo.Officer);

        Assert.Equal(ExitCodes.Success, refused.ExitCode);
        Assert.Matches(@"LoanInterestSubsidyRefused\s*│", refused.Output);
        await EnterpriseLoanAsync(enterprise, "IP-2", "refused");
        var show = await silo.RunAsync("loan", "show", enterprise, "--token", silo.Officer);
        Assert.Matches(@"IP-2\s*│\s*IP-backed\s*│\s*50 %\s*│\s*10,000\s*│\s*refused\s*│\s*0\s*│\s*0\s*│\s*0\s*│\s*valuation report missing", show.Output);
    }

    [Fact]
    public async Task CommittingMoreThanRequestedExitsSevenWithTheSilosReason()
    {
        var (enterprise, founder) = await ReviewedEnterpriseAsync();
        Assert.Equal(ExitCodes.Success, (await silo.RunAsync("loan", "request", enterprise, "L-3", "--principal", "100000", "--interest", "5000", "--coverage", "100", "--token", founder)).ExitCode);
        await QueuedAsync(enterprise, "L-3");

        var run = await silo.RunAsync("loan", "commit", enterprise, "L-3", "--year", Year, "--amount", "5001", "--token", silo.Officer);

        Assert.Equal(ExitCodes.Conflict, run.ExitCode);
        Assert.Contains("[amount-above-request]", run.Error, StringComparison.Ordinal);
        Assert.Contains("CNY 5001 is more than the CNY 5000 requested for loan L-3.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAuditorCannotCommitAndExitsFive()
    {
        var run = await silo.RunAsync("loan", "commit", "E-1", "L-1", "--year", Year, "--token", silo.Auditor);

        Assert.Equal(ExitCodes.Forbidden, run.ExitCode);
        Assert.StartsWith("error: 403", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PayingWithoutAnAmountIsAUsageErrorAndAsksNoSilo()
    {
        using var handler = new StubHandler(HttpStatusCode.OK, "{}");

        var run = await CliRun.RunAsync(["loan", "pay", "E-1", "L-1", "--year", Year, "--token", "t"], handler);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--amount", run.Output, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    // A recognised founder's enterprise, passed by the centre's review, with this year's programme open; answers its id and the founder's token.
    private async Task<(string Enterprise, string Founder)> ReviewedEnterpriseAsync()
    {
        var applicant = TestProfiles.NewId();
        var founder = await silo.ApplicantWithPendingPermitAsync(applicant, "permit-1");
        var enterprise = "ent-" + Guid.NewGuid().ToString("N")[..8];
        using var officer = silo.Http(silo.Officer);
        var opened = await officer.PostAsJsonAsync("subsidy-programs", new { year = int.Parse(Year, System.Globalization.CultureInfo.InvariantCulture), budgetCny = 10_000_000_000L });
        Assert.True(opened.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"Opening the programme answered {(int)opened.StatusCode}.");
        using var own = silo.Http(founder);
        (await own.PostAsJsonAsync("enterprises", new
        {
            id = enterprise, name = "Lumen Optics", founderApplicantKeys = new[] { applicant }, registeredWithPassport = false,
            registeredCapitalCny = 1_000_000, industry = "integrated-circuits", district = "haidian",
        })).EnsureSuccessStatusCode();
        (await officer.PostAsJsonAsync($"enterprises/{enterprise}/review", new { passed = true, reason = "file complete" })).EnsureSuccessStatusCode();
        return (enterprise, founder);
    }

    private async Task QueuedAsync(string enterprise, string loan)
    {
        using var auditor = silo.Http(silo.Token(Roles.Auditor, "sun"));
        await Poll.UntilAsync(async () =>
        {
            var response = await auditor.GetAsync($"subsidy-programs/startup-{Year}");
            if (response.StatusCode != HttpStatusCode.OK)
                return false;
            var queue = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetProperty("loanRequests");
            return queue.EnumerateArray().Any(q => q.GetProperty("enterpriseKey").GetString() == enterprise && q.GetProperty("loanReference").GetString() == loan);
        }, what: $"loan {loan} in the programme's queue");
    }

    private async Task EnterpriseLoanAsync(string enterprise, string loan, string status)
    {
        using var officer = silo.Http(silo.Officer);
        await Poll.UntilAsync(async () =>
        {
            var state = (await officer.GetFromJsonAsync<JsonElement>($"enterprises/{enterprise}")).GetProperty("state");
            return state.GetProperty("loanInterestSubsidies").TryGetProperty(loan, out var l) && l.GetProperty("status").GetString() == status;
        }, what: $"loan {loan} {status} on the enterprise");
    }
}
