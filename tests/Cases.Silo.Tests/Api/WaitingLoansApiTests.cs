using System.Net.Http.Json;
using System.Text.Json;
using static Cases.Silo.Tests.Api.ProgrammeSteps;

namespace Cases.Silo.Tests.Api;

/// <summary>Art. 6 over HTTP: a loan interest subsidy asked for before the year's programme opens waits on its record and is judged at the opening.</summary>
[Collection(WaitingLoansSiloCollection.Name)]
public sealed class WaitingLoansApiTests(ApiSilo silo)
{
    [Fact]
    public async Task ALoanRequestedBeforeTheProgrammeOpensIsQueuedAtTheOpeningAndThenCommitted()
    {
        var (id, _, founder) = await EnterpriseAsync(silo);
        var programmeUrl = $"/subsidy-programs/startup-{ThisYear}";
        Assert.Equal(200, (int)(await silo.Officer().PostAsJsonAsync($"/enterprises/{id}/review", new { passed = true, reason = "file complete" })).StatusCode);
        Assert.Equal(200, (int)(await founder.PostAsJsonAsync($"/enterprises/{id}/loan-interest-subsidies",
            new { loanReference = "ICBC-9", principalCny = 2_000_000, interestCny = 60_000, coveragePercent = 50, ipBacked = false })).StatusCode);

        var waiting = await EventuallyAsync(() => silo.Auditor().GetAsync(programmeUrl), p => Loans(p, "waitingLoanRequests").Contains(id));
        Assert.False(waiting.GetProperty("state").GetProperty("isOpen").GetBoolean());
        await ProblemAsync(await silo.Officer().PostAsJsonAsync($"{programmeUrl}/loan-commitments", new { enterpriseKey = id, loanReference = "ICBC-9" }), 404, "not-found");

        var opened = await silo.Officer().PostAsJsonAsync("/subsidy-programs", new { year = ThisYear, budgetCny = 1_000_000 });

        Assert.Equal(["ProgrammeOpened", "GrantAwarded", "LoanInterestSubsidyRequestQueued"], await EventTypesAsync(opened, 201));
        var programme = await JsonAsync(await silo.Auditor().GetAsync(programmeUrl));
        Assert.Empty(Loans(programme, "waitingLoanRequests"));
        Assert.Equal([id], Loans(programme, "loanRequests"));
        var committed = await silo.Officer().PostAsJsonAsync($"{programmeUrl}/loan-commitments", new { enterpriseKey = id, loanReference = "ICBC-9" });
        Assert.Equal(["LoanInterestSubsidyCommitted"], await EventTypesAsync(committed));
        var enterprise = await EventuallyAsync(() => founder.GetAsync($"/enterprises/{id}"),
            e => e.GetProperty("state").GetProperty("loanInterestSubsidies").GetProperty("ICBC-9").GetProperty("status").GetString() == "committed");
        Assert.Equal(30_000, enterprise.GetProperty("state").GetProperty("loanInterestSubsidies").GetProperty("ICBC-9").GetProperty("committedCny").GetInt64());
        var after = await JsonAsync(await silo.Auditor().GetAsync(programmeUrl));
        Assert.Equal(870_000, after.GetProperty("state").GetProperty("remainingBudgetCny").GetInt64());
    }

    private static List<string?> Loans(JsonElement programme, string list) =>
        [.. programme.GetProperty("state").GetProperty(list).EnumerateArray().Select(w => w.GetProperty("enterpriseKey").GetString())];
}
