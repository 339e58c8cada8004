using System.Net.Http.Json;
using static Cases.Silo.Tests.Api.ProgrammeSteps;

namespace Cases.Silo.Tests.Api;

/// <summary>Art. 10 talent-introduction preference (an officer's finding) and loan interest subsidy requests (Art. 6; item 7) over HTTP.</summary>
[Collection(ApiSiloCollection.Name)]
public sealed class EnterprisesFindingsTests(ApiSilo silo)
{
    [Fact]
    public async Task OfficerEvaluatesTalentPreferenceAndTheEnterpriseShowsIt()
    {
        var (id, _, founder) = await EnterpriseAsync(silo);

        var evaluated = await silo.Officer().PostAsJsonAsync($"/enterprises/{id}/talent-preference", new { businessScopeInLineWithIndustrialOrientation = true });

        Assert.Equal(["TalentIntroductionPreferenceEvaluated"], await EventTypesAsync(evaluated));
        var preference = (await JsonAsync(await founder.GetAsync($"/enterprises/{id}"))).GetProperty("state").GetProperty("talentIntroductionPreference");
        // No tax is recorded for the past three years, so Art. 10 is not met.
        Assert.False(preference.GetProperty("passed").GetBoolean());
    }

    [Fact]
    public async Task TalentPreferenceWithoutTheFindingIs400()
    {
        var (id, _, _) = await EnterpriseAsync(silo);

        await FieldErrorsAsync(await silo.Officer().PostAsJsonAsync($"/enterprises/{id}/talent-preference", new { }), "businessScopeInLineWithIndustrialOrientation");
    }

    [Fact]
    public async Task TalentPreferenceOfAnUnknownEnterpriseIs404()
    {
        var response = await silo.Officer().PostAsJsonAsync($"/enterprises/{NewId("E")}/talent-preference", new { businessScopeInLineWithIndustrialOrientation = true });

        await ProblemAsync(response, 404, "not-found");
    }

    [Fact]
    public async Task FoundersCannotEvaluateTheirOwnTalentPreference()
    {
        var (id, _, founder) = await EnterpriseAsync(silo);

        var response = await founder.PostAsJsonAsync($"/enterprises/{id}/talent-preference", new { businessScopeInLineWithIndustrialOrientation = true });

        await ProblemAsync(response, 403);
    }

    [Fact]
    public async Task FounderRequestsLoanInterestSubsidy()
    {
        var (id, _, founder) = await EnterpriseAsync(silo);

        var requested = await founder.PostAsJsonAsync($"/enterprises/{id}/loan-interest-subsidies",
            new { loanReference = "ICBC-1", principalCny = 1_000_000, interestCny = 40_000, coveragePercent = 50, ipBacked = true });

        var answer = await JsonAsync(requested);
        var payload = answer.GetProperty("events")[0].GetProperty("payload");
        Assert.Equal(20_000, payload.GetProperty("requestedAmountCny").GetInt64());
    }

    [Fact]
    public async Task SameLoanTwiceIs409()
    {
        var (id, _, founder) = await EnterpriseAsync(silo);
        var body = new { loanReference = "BOC-7", principalCny = 500_000, interestCny = 20_000, coveragePercent = 100, ipBacked = false };
        Assert.Equal(200, (int)(await founder.PostAsJsonAsync($"/enterprises/{id}/loan-interest-subsidies", body)).StatusCode);

        var again = await silo.Officer().PostAsJsonAsync($"/enterprises/{id}/loan-interest-subsidies", body);

        await ProblemAsync(again, 409, "loan-already-requested");
    }

    [Fact]
    public async Task LoanRequestErrorsAreNamedByField()
    {
        var (id, _, founder) = await EnterpriseAsync(silo);

        var response = await founder.PostAsJsonAsync($"/enterprises/{id}/loan-interest-subsidies",
            new { loanReference = new string('r', 129), principalCny = -1, interestCny = 0, coveragePercent = 101, ipBacked = false });

        await FieldErrorsAsync(response, "loanReference", "principalCny", "interestCny", "coveragePercent");
    }

    [Fact]
    public async Task ApplicantWhoIsNotAFounderCannotRequestALoanSubsidy()
    {
        var (id, _, _) = await EnterpriseAsync(silo);
        var (_, outsider) = await RecognisedApplicantAsync(silo);

        var response = await outsider.PostAsJsonAsync($"/enterprises/{id}/loan-interest-subsidies",
            new { loanReference = "L-1", principalCny = 100, interestCny = 10, coveragePercent = 100, ipBacked = false });

        await ProblemAsync(response, 403, "forbidden");
    }

    [Theory]
    [InlineData("auditor")]
    [InlineData("operator")]
    public async Task AuditorsAndOperatorsCannotRequestLoanSubsidies(string role)
    {
        var (id, _, _) = await EnterpriseAsync(silo);

        var response = await silo.As(role, "x").PostAsJsonAsync($"/enterprises/{id}/loan-interest-subsidies",
            new { loanReference = "L-1", principalCny = 100, interestCny = 10, coveragePercent = 100, ipBacked = false });

        await ProblemAsync(response, 403);
    }

    [Fact]
    public async Task LoanRequestForAnUnknownEnterpriseIs404()
    {
        var response = await silo.Officer().PostAsJsonAsync($"/enterprises/{NewId("E")}/loan-interest-subsidies",
            new { loanReference = "L-1", principalCny = 100, interestCny = 10, coveragePercent = 100, ipBacked = false });

        await ProblemAsync(response, 404, "not-found");
    }
}
