using System.Net.Http.Json;
using static Cases.Silo.Tests.Api.ProgrammeSteps;

namespace Cases.Silo.Tests.Api;

/// <summary>Start-up support programmes over HTTP (Art. 6): opening with a budget, reading commitments, paying awards.</summary>
[Collection(ApiSiloCollection.Name)]
public sealed class SubsidiesApiTests(ApiSilo silo)
{
    // Each test that opens a programme takes a past year of its own (the silo is shared; this year's programme belongs to the grant flow).
    private static int _nextYear = 1999;

    private static int UnusedYear()
    {
        var year = Interlocked.Increment(ref _nextYear);
        Assert.True(year < ThisYear, "The tests ran out of past years to open programmes for.");
        return year;
    }

    [Fact]
    public async Task OfficerOpensAProgrammeAndAuditorsReadItsBudget()
    {
        var year = UnusedYear();

        var opened = await silo.Officer().PostAsJsonAsync("/subsidy-programs", new { year, budgetCny = 3_000_000 });

        Assert.Equal(["ProgrammeOpened"], await EventTypesAsync(opened, 201));
        Assert.Equal($"/subsidy-programs/startup-{year}", opened.Headers.Location?.ToString());
        var programme = (await JsonAsync(await silo.Auditor().GetAsync($"/subsidy-programs/startup-{year}"))).GetProperty("state");
        Assert.Equal(3_000_000, programme.GetProperty("budgetCny").GetInt64());
        Assert.Equal(0, programme.GetProperty("committedCny").GetInt64());
        Assert.Equal(3_000_000, programme.GetProperty("remainingBudgetCny").GetInt64());
    }

    [Fact]
    public async Task OpeningAProgrammeTwiceIs409AndKeepsTheFirstBudget()
    {
        var year = UnusedYear();
        var officer = silo.Officer();
        Assert.Equal(201, (int)(await officer.PostAsJsonAsync("/subsidy-programs", new { year, budgetCny = 100 })).StatusCode);

        await ProblemAsync(await officer.PostAsJsonAsync("/subsidy-programs", new { year, budgetCny = 999_999_999 }), 409, "already-open");

        var programme = (await JsonAsync(await officer.GetAsync($"/subsidy-programs/startup-{year}"))).GetProperty("state");
        Assert.Equal(100, programme.GetProperty("budgetCny").GetInt64());
    }

    [Fact]
    public async Task NegativeBudgetAndImpossibleYearAre400()
    {
        var officer = silo.Officer();

        await FieldErrorsAsync(await officer.PostAsJsonAsync("/subsidy-programs", new { year = 1850, budgetCny = -1 }), "year", "budgetCny");
        await FieldErrorsAsync(await officer.PostAsJsonAsync("/subsidy-programs", new { year = ThisYear + 5, budgetCny = 10 }), "year");
        await FieldErrorsAsync(await officer.PostAsJsonAsync("/subsidy-programs", new { }), "year", "budgetCny");
        await ProblemAsync(await officer.PostAsJsonAsync("/subsidy-programs", new { year = "next", budgetCny = 10 }), 400, "malformed-json");
    }

    [Theory]
    [InlineData("auditor")]
    [InlineData("admin")]
    [InlineData("operator")]
    public async Task OnlyOfficersOpenProgrammes(string role)
    {
        var year = UnusedYear();

        await ProblemAsync(await silo.As(role, "x").PostAsJsonAsync("/subsidy-programs", new { year, budgetCny = 10 }), 403);

        await ProblemAsync(await silo.Officer().GetAsync($"/subsidy-programs/startup-{year}"), 404, "not-found");
    }

    [Fact]
    public async Task ApplicantsAndOperatorsCannotReadProgrammes()
    {
        var (_, applicant) = await RecognisedApplicantAsync(silo);

        await ProblemAsync(await applicant.GetAsync($"/subsidy-programs/startup-{ThisYear}"), 403);
        await ProblemAsync(await silo.As("operator", "zgc-01").GetAsync($"/subsidy-programs/startup-{ThisYear}"), 403);
    }

    [Fact]
    public async Task UnknownProgrammeIs404ForReadsAndPayments()
    {
        await ProblemAsync(await silo.Admin().GetAsync("/subsidy-programs/startup-1900"), 404, "not-found");
        await ProblemAsync(await silo.Officer().PostAsJsonAsync("/subsidy-programs/startup-1900/payments", new { enterpriseKey = "E-1" }), 404, "not-found");
    }

    [Fact]
    public async Task OfficerPaysAnAwardedGrantOnce()
    {
        var id = await EnterpriseWithGrantAsync();
        var officer = silo.Officer();

        var paid = await officer.PostAsJsonAsync($"/subsidy-programs/startup-{ThisYear}/payments", new { enterpriseKey = id });
        var again = await officer.PostAsJsonAsync($"/subsidy-programs/startup-{ThisYear}/payments", new { enterpriseKey = id });

        Assert.Equal(["GrantPaid"], await EventTypesAsync(paid));
        await ProblemAsync(again, 409, "grant-already-paid");
        var grant = (await JsonAsync(await officer.GetAsync($"/subsidy-programs/startup-{ThisYear}"))).GetProperty("state").GetProperty("grants").GetProperty(id);
        Assert.True(grant.GetProperty("paid").GetBoolean());
    }

    [Fact]
    public async Task PayingAnEnterpriseWithoutAnAwardIs409()
    {
        await EnsureThisYearsProgrammeAsync(silo);

        var response = await silo.Officer().PostAsJsonAsync($"/subsidy-programs/startup-{ThisYear}/payments", new { enterpriseKey = NewId("E") });

        await ProblemAsync(response, 409, "grant-not-awarded");
    }

    [Fact]
    public async Task PayingALoanSubsidyThatWasNeverCommittedIs409()
    {
        await EnsureThisYearsProgrammeAsync(silo);

        var response = await silo.Officer().PostAsJsonAsync($"/subsidy-programs/startup-{ThisYear}/payments", new { enterpriseKey = NewId("E"), loanReference = "L-1", amountCny = 10 });

        await ProblemAsync(response, 409, "loan-not-committed");
    }

    [Fact]
    public async Task PaymentErrorsAreNamedByField()
    {
        var officer = silo.Officer();
        var url = $"/subsidy-programs/startup-{ThisYear}/payments";

        await FieldErrorsAsync(await officer.PostAsJsonAsync(url, new { enterpriseKey = "", amountCny = 5 }), "enterpriseKey", "amountCny");
        await FieldErrorsAsync(await officer.PostAsJsonAsync(url, new { enterpriseKey = "E-1", loanReference = "L-1", amountCny = -5 }), "amountCny");
        await FieldErrorsAsync(await officer.PostAsJsonAsync(url, new { enterpriseKey = "E-1", loanReference = "L-1" }), "amountCny");
    }

    [Fact]
    public async Task AuditorCannotPay()
    {
        var id = await EnterpriseWithGrantAsync();

        await ProblemAsync(await silo.Auditor().PostAsJsonAsync($"/subsidy-programs/startup-{ThisYear}/payments", new { enterpriseKey = id }), 403);

        var grant = (await JsonAsync(await silo.Auditor().GetAsync($"/subsidy-programs/startup-{ThisYear}"))).GetProperty("state").GetProperty("grants").GetProperty(id);
        Assert.False(grant.GetProperty("paid").GetBoolean());
    }

    // A reviewed enterprise whose start-up grant the streams have brought back from this year's programme.
    private async Task<string> EnterpriseWithGrantAsync()
    {
        await EnsureThisYearsProgrammeAsync(silo);
        var (id, _, founder) = await EnterpriseAsync(silo);
        Assert.Equal(200, (int)(await silo.Officer().PostAsJsonAsync($"/enterprises/{id}/review", new { passed = true, reason = "complete" })).StatusCode);
        await EventuallyAsync(() => founder.GetAsync($"/enterprises/{id}"),
            e => e.GetProperty("state").GetProperty("startupGrant").ValueKind == System.Text.Json.JsonValueKind.Object);
        return id;
    }
}
