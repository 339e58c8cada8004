using System.Net.Http.Json;
using System.Text.Json;
using static Cases.Silo.Tests.Api.ProgrammeSteps;

namespace Cases.Silo.Tests.Api;

/// <summary>Loan interest subsidies over HTTP (Art. 6; returnee-measures-2024 item 7): request, the officers' queue, commitment or refusal, payment, and the enterprise's record.</summary>
[Collection(ApiSiloCollection.Name)]
public sealed class LoanSubsidiesApiTests(ApiSilo silo)
{
    private static string ProgrammeUrl => $"/subsidy-programs/startup-{ThisYear}";

    [Fact]
    public async Task ALoanSubsidyGoesFromRequestToFullPaymentAndTheEnterpriseShowsIt()
    {
        var (id, founder) = await QueuedLoanAsync("ICBC-1", interest: 40_000, coverage: 100);
        var officer = silo.Officer();

        var committed = await officer.PostAsJsonAsync($"{ProgrammeUrl}/loan-commitments", new { enterpriseKey = id, loanReference = "ICBC-1" });

        var commitment = Assert.Single((await JsonAsync(committed)).GetProperty("events").EnumerateArray());
        Assert.Equal("LoanInterestSubsidyCommitted", commitment.GetProperty("type").GetString());
        Assert.Equal(40_000, commitment.GetProperty("payload").GetProperty("amountCny").GetInt64());
        Assert.Equal("committed", (await LoanOnEnterpriseAsync(founder, id, "ICBC-1", l => l.GetProperty("status").GetString() == "committed")).GetProperty("status").GetString());
        Assert.Equal(["LoanInterestSubsidyPaid"], await EventTypesAsync(await officer.PostAsJsonAsync($"{ProgrammeUrl}/payments", new { enterpriseKey = id, loanReference = "ICBC-1", amountCny = 15_000 })));
        Assert.Equal(["LoanInterestSubsidyPaid"], await EventTypesAsync(await officer.PostAsJsonAsync($"{ProgrammeUrl}/payments", new { enterpriseKey = id, loanReference = "ICBC-1", amountCny = 25_000 })));

        var loan = await LoanOnEnterpriseAsync(founder, id, "ICBC-1", l => l.GetProperty("fullyPaid").GetBoolean());
        Assert.Equal((40_000L, 40_000L, 40_000L, 0L, "paid"), (loan.GetProperty("request").GetProperty("requestedAmountCny").GetInt64(),
            loan.GetProperty("committedCny").GetInt64(), loan.GetProperty("paidCny").GetInt64(), loan.GetProperty("remainingCny").GetInt64(), loan.GetProperty("status").GetString()));
        var onProgramme = (await JsonAsync(await silo.Auditor().GetAsync(ProgrammeUrl))).GetProperty("state").GetProperty("loanSubsidies").GetProperty($"{id}|ICBC-1");
        Assert.True(onProgramme.GetProperty("fullyPaid").GetBoolean());
    }

    [Fact]
    public async Task PartialCoverageIsTheShareOfTheInterestAndAnOfficerMayCommitLess()
    {
        var (id, founder) = await QueuedLoanAsync("BOC-2", interest: 50_000, coverage: 30);
        var officer = silo.Officer();

        Assert.Equal(["LoanInterestSubsidyCommitted"], await EventTypesAsync(
            await officer.PostAsJsonAsync($"{ProgrammeUrl}/loan-commitments", new { enterpriseKey = id, loanReference = "BOC-2", amountCny = 10_000 })));
        Assert.Equal(200, (int)(await officer.PostAsJsonAsync($"{ProgrammeUrl}/payments", new { enterpriseKey = id, loanReference = "BOC-2", amountCny = 10_000 })).StatusCode);

        var loan = await LoanOnEnterpriseAsync(founder, id, "BOC-2", l => l.GetProperty("fullyPaid").GetBoolean());
        Assert.Equal((30, 15_000L, 10_000L), (loan.GetProperty("request").GetProperty("coveragePercent").GetInt32(),
            loan.GetProperty("request").GetProperty("requestedAmountCny").GetInt64(), loan.GetProperty("committedCny").GetInt64()));
    }

    [Fact]
    public async Task AnIpBackedLoanIsJudgedUnderItem7AndCommitted()
    {
        var (id, founder) = await QueuedLoanAsync("IP-3", interest: 80_000, coverage: 50, ipBacked: true);

        var queued = await QueueEntryAsync(id, "IP-3");
        var coverage = queued.GetProperty("eligibility").GetProperty("conditions").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "ip-backed-coverage");
        Assert.Equal(("returnee-measures-2024 item 7", true), (coverage.GetProperty("source").GetString(), coverage.GetProperty("passed").GetBoolean()));
        Assert.Equal(200, (int)(await silo.Officer().PostAsJsonAsync($"{ProgrammeUrl}/loan-commitments", new { enterpriseKey = id, loanReference = "IP-3" })).StatusCode);

        var loan = await LoanOnEnterpriseAsync(founder, id, "IP-3", l => l.GetProperty("status").GetString() == "committed");
        Assert.Equal((true, 40_000L), (loan.GetProperty("request").GetProperty("ipBacked").GetBoolean(), loan.GetProperty("committedCny").GetInt64()));
    }

    [Fact]
    public async Task LoanSubsidyIsRefusedWhenBudgetIsSpentAndTheEnterpriseReadsWhy()
    {
        // CNY 1 trillion of interest, the most a request carries, is more than this year's programme has left.
        var (id, founder) = await QueuedLoanAsync("HUGE-1", interest: 1_000_000_000_000, coverage: 100);

        var answer = await JsonAsync(await silo.Officer().PostAsJsonAsync($"{ProgrammeUrl}/loan-commitments", new { enterpriseKey = id, loanReference = "HUGE-1" }));

        var refused = Assert.Single(answer.GetProperty("events").EnumerateArray());
        Assert.Equal("LoanInterestSubsidyRefused", refused.GetProperty("type").GetString());
        var reason = refused.GetProperty("payload").GetProperty("reason").GetString()!;
        Assert.Matches(@"^The remaining budget of CNY \d+ does not cover CNY 1000000000000\.$", reason);
        var loan = await LoanOnEnterpriseAsync(founder, id, "HUGE-1", l => l.GetProperty("status").GetString() == "refused");
        Assert.Equal(reason, loan.GetProperty("decision").GetProperty("reason").GetString());
        Assert.DoesNotContain(await QueueAsync(), q => q.GetProperty("enterpriseKey").GetString() == id);
    }

    [Fact]
    public async Task AnOfficersRefusalIsRecordedOnTheEnterpriseWithItsReason()
    {
        var (id, founder) = await QueuedLoanAsync("CCB-4", interest: 20_000, coverage: 100);

        var refusal = await silo.Officer().PostAsJsonAsync($"{ProgrammeUrl}/loan-refusals", new { enterpriseKey = id, loanReference = "CCB-4", reason = "the loan contract is unsigned" });

        Assert.Equal(["LoanInterestSubsidyRefused"], await EventTypesAsync(refusal));
        var loan = await LoanOnEnterpriseAsync(founder, id, "CCB-4", l => l.GetProperty("status").GetString() == "refused");
        Assert.Equal(("the loan contract is unsigned", 0L), (loan.GetProperty("decision").GetProperty("reason").GetString(), loan.GetProperty("committedCny").GetInt64()));
        await ProblemAsync(await silo.Officer().PostAsJsonAsync($"{ProgrammeUrl}/loan-commitments", new { enterpriseKey = id, loanReference = "CCB-4" }), 409, "loan-not-requested");
    }

    [Fact]
    public async Task AnUnreviewedEnterprisesRequestIsRefusedOnItsRecordWithTheFailedCondition()
    {
        await EnsureThisYearsProgrammeAsync(silo);
        var (id, _, founder) = await EnterpriseAsync(silo);

        Assert.Equal(200, (int)(await founder.PostAsJsonAsync($"/enterprises/{id}/loan-interest-subsidies",
            new { loanReference = "L-5", principalCny = 1_000_000, interestCny = 30_000, coveragePercent = 100, ipBacked = false })).StatusCode);

        var loan = await LoanOnEnterpriseAsync(founder, id, "L-5", l => l.GetProperty("status").GetString() == "refused");
        Assert.Equal("The enterprise had not passed the centre's review when it asked.", loan.GetProperty("decision").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task ACommitmentAboveTheRequestedAmountIs409AndTheRequestStaysQueued()
    {
        var (id, _) = await QueuedLoanAsync("ABC-6", interest: 10_000, coverage: 100);

        var response = await silo.Officer().PostAsJsonAsync($"{ProgrammeUrl}/loan-commitments", new { enterpriseKey = id, loanReference = "ABC-6", amountCny = 10_001 });

        await ProblemAsync(response, 409, "amount-above-request");
        Assert.Equal(10_000, (await QueueEntryAsync(id, "ABC-6")).GetProperty("requestedAmountCny").GetInt64());
    }

    [Fact]
    public async Task PayingMoreThanRemainsIs409AndANegativePaymentIs400()
    {
        var (id, _) = await QueuedLoanAsync("ABC-7", interest: 10_000, coverage: 100);
        var officer = silo.Officer();
        Assert.Equal(200, (int)(await officer.PostAsJsonAsync($"{ProgrammeUrl}/loan-commitments", new { enterpriseKey = id, loanReference = "ABC-7" })).StatusCode);
        Assert.Equal(200, (int)(await officer.PostAsJsonAsync($"{ProgrammeUrl}/payments", new { enterpriseKey = id, loanReference = "ABC-7", amountCny = 6_000 })).StatusCode);

        var over = await officer.PostAsJsonAsync($"{ProgrammeUrl}/payments", new { enterpriseKey = id, loanReference = "ABC-7", amountCny = 4_001 });

        var problem = await ProblemAsync(over, 409, "amount-invalid");
        Assert.Contains("CNY 4000 still committed", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await FieldErrorsAsync(await officer.PostAsJsonAsync($"{ProgrammeUrl}/payments", new { enterpriseKey = id, loanReference = "ABC-7", amountCny = -1 }), "amountCny");
    }

    [Theory]
    [InlineData("auditor")]
    [InlineData("admin")]
    [InlineData("operator")]
    public async Task OnlyOfficersCommitOrRefuseLoanSubsidies(string role)
    {
        var (id, _) = await QueuedLoanAsync("ROLE-1", interest: 10_000, coverage: 100);
        var caller = silo.As(role, "x");

        await ProblemAsync(await caller.PostAsJsonAsync($"{ProgrammeUrl}/loan-commitments", new { enterpriseKey = id, loanReference = "ROLE-1" }), 403);
        await ProblemAsync(await caller.PostAsJsonAsync($"{ProgrammeUrl}/loan-refusals", new { enterpriseKey = id, loanReference = "ROLE-1", reason = "no" }), 403);

        await QueueEntryAsync(id, "ROLE-1");
    }

    [Fact]
    public async Task TheFounderCannotCommitTheirOwnLoanSubsidy()
    {
        var (id, founder) = await QueuedLoanAsync("ROLE-2", interest: 10_000, coverage: 100);

        await ProblemAsync(await founder.PostAsJsonAsync($"{ProgrammeUrl}/loan-commitments", new { enterpriseKey = id, loanReference = "ROLE-2" }), 403);

        await QueueEntryAsync(id, "ROLE-2");
    }

    [Fact]
    public async Task CommitmentAndRefusalErrorsAreNamedByField()
    {
        var officer = silo.Officer();

        await FieldErrorsAsync(await officer.PostAsJsonAsync($"{ProgrammeUrl}/loan-commitments", new { enterpriseKey = "", loanReference = "L-1", amountCny = 0 }), "enterpriseKey", "amountCny");
        await FieldErrorsAsync(await officer.PostAsJsonAsync($"{ProgrammeUrl}/loan-refusals", new { enterpriseKey = "E-1", loanReference = new string('r', 129), reason = " " }), "loanReference", "reason");
    }

    [Fact]
    public async Task CommittingALoanNobodyRequestedIs409AndOnAnUnknownProgrammeIs404()
    {
        await EnsureThisYearsProgrammeAsync(silo);
        var officer = silo.Officer();

        await ProblemAsync(await officer.PostAsJsonAsync($"{ProgrammeUrl}/loan-commitments", new { enterpriseKey = NewId("E"), loanReference = "L-1" }), 409, "loan-not-requested");
        await ProblemAsync(await officer.PostAsJsonAsync("/subsidy-programs/startup-1900/loan-commitments", new { enterpriseKey = "E-1", loanReference = "L-1" }), 404, "not-found");
        await ProblemAsync(await officer.PostAsJsonAsync("/subsidy-programs/startup-1900/loan-refusals", new { enterpriseKey = "E-1", loanReference = "L-1", reason = "x" }), 404, "not-found");
    }

    // A reviewed enterprise's loan request, brought by the streams into this year's programme's queue.
    private async Task<(string Id, HttpClient Founder)> QueuedLoanAsync(string loan, long interest, int coverage, bool ipBacked = false)
    {
        await EnsureThisYearsProgrammeAsync(silo);
        var (id, _, founder) = await EnterpriseAsync(silo);
        Assert.Equal(200, (int)(await silo.Officer().PostAsJsonAsync($"/enterprises/{id}/review", new { passed = true, reason = "complete" })).StatusCode);
        var requested = await founder.PostAsJsonAsync($"/enterprises/{id}/loan-interest-subsidies",
            new { loanReference = loan, principalCny = Math.Max(interest, 1_000_000), interestCny = interest, coveragePercent = coverage, ipBacked });
        Assert.Equal(200, (int)requested.StatusCode);
        await QueueEntryAsync(id, loan);
        return (id, founder);
    }

    private async Task<List<JsonElement>> QueueAsync() =>
        [.. (await JsonAsync(await silo.Auditor().GetAsync(ProgrammeUrl))).GetProperty("state").GetProperty("loanRequests").EnumerateArray()];

    private async Task<JsonElement> QueueEntryAsync(string id, string loan)
    {
        static bool Is(JsonElement q, string id, string loan) => q.GetProperty("enterpriseKey").GetString() == id && q.GetProperty("loanReference").GetString() == loan;
        var programme = await EventuallyAsync(() => silo.Auditor().GetAsync(ProgrammeUrl),
            p => p.GetProperty("state").GetProperty("loanRequests").EnumerateArray().Any(q => Is(q, id, loan)));
        return programme.GetProperty("state").GetProperty("loanRequests").EnumerateArray().Single(q => Is(q, id, loan));
    }

    private static async Task<JsonElement> LoanOnEnterpriseAsync(HttpClient reader, string id, string loan, Func<JsonElement, bool> done)
    {
        var enterprise = await EventuallyAsync(() => reader.GetAsync($"/enterprises/{id}"),
            e => e.GetProperty("state").GetProperty("loanInterestSubsidies").TryGetProperty(loan, out var l) && done(l));
        return enterprise.GetProperty("state").GetProperty("loanInterestSubsidies").GetProperty(loan);
    }
}
