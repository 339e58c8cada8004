using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using static Cases.Silo.Tests.Api.ProgrammeSteps;

namespace Cases.Silo.Tests.Api;

/// <summary>Numbers are JSON numbers, every amount and count has an upper bound a person could plausibly enter, and no total overflows.</summary>
[Collection(ApiSiloCollection.Name)]
public sealed class NumberInputTests(ApiSilo silo)
{
    private const long Trillion = 1_000_000_000_000;

    [Fact]
    public async Task NumbersSentAsStringsAreRefusedNamingTheField()
    {
        var (applicant, _) = await RecognisedApplicantAsync(silo);
        var (enterprise, _, @operator) = await EnterpriseInParkAsync(silo);
        var intake = HostileBodies.Profile(NewId("P"));
        intake["degrees"]![0]!["universityRank"] = "150";
        var registration = Body(Registration(NewId("E"), applicant));
        registration["registeredCapitalCny"] = "500000";

        foreach (var (path, response) in new[]
        {
            ("$.degrees[0].universityRank", await silo.Anonymous().PostAsync("/applicants", Json(intake))),
            ("$.registeredCapitalCny", await silo.Officer().PostAsync("/enterprises", Json(registration))),
            ("$.value", await @operator.PostAsync($"/enterprises/{enterprise}/milestones", Raw("""{"kind":"Patent","value":"2"}"""))),
            ("$.budgetCny", await silo.Officer().PostAsync("/subsidy-programs", Raw("""{"year":2001,"budgetCny":"1000"}"""))),
            ("$.year", await silo.Officer().PostAsync($"/parks/{NewId("park")}/evaluations", Raw("""{"year":"2025"}"""))),
        })
        {
            var problem = await ProblemAsync(response, 400, "malformed-json");
            Assert.StartsWith(path, problem.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task EveryAmountAndCountAboveItsBoundIsRefusedNamingTheBound()
    {
        var (applicant, _) = await RecognisedApplicantAsync(silo);
        var (enterprise, _, @operator) = await EnterpriseInParkAsync(silo);
        var officer = silo.Officer();
        var intake = HostileBodies.Profile(NewId("P"));
        intake["degrees"]![0]!["universityRank"] = 30_001;
        var registration = Body(Registration(NewId("E"), applicant));
        registration["registeredCapitalCny"] = Trillion + 1;
        var milestones = $"/enterprises/{enterprise}/milestones";
        var loans = $"/enterprises/{enterprise}/loan-interest-subsidies";

        foreach (var (field, bound, response) in new[]
        {
            ("degrees[0].universityRank", "30000", await silo.Anonymous().PostAsync("/applicants", Json(intake))),
            ("registeredCapitalCny", "1000000000000", await officer.PostAsync("/enterprises", Json(registration))),
            ("value", "1000000000000", await @operator.PostAsJsonAsync(milestones, new { kind = "FundingRound", value = Trillion + 1 })),
            ("value", "1000000000000", await @operator.PostAsJsonAsync(milestones, new { kind = "Revenue", value = Trillion + 1, year = ThisYear })),
            ("value", "1000000000000", await @operator.PostAsJsonAsync(milestones, new { kind = "TaxPaid", value = Trillion + 1, year = ThisYear })),
            ("value", "10000", await @operator.PostAsJsonAsync(milestones, new { kind = "Patent", value = 10_001 })),
            ("value", "10000000", await @operator.PostAsJsonAsync(milestones, new { kind = "StaffCount", value = 10_000_001 })),
            ("principalCny", "1000000000000", await officer.PostAsJsonAsync(loans, new { loanReference = "L-1", principalCny = Trillion + 1, interestCny = 10, coveragePercent = 50, ipBacked = false })),
            ("interestCny", "1000000000000", await officer.PostAsJsonAsync(loans, new { loanReference = "L-1", principalCny = 10, interestCny = Trillion + 1, coveragePercent = 50, ipBacked = false })),
            ("budgetCny", "1000000000000", await officer.PostAsJsonAsync("/subsidy-programs", new { year = ThisYear + 1, budgetCny = Trillion + 1 })),
            ("amountCny", "1000000000000", await officer.PostAsJsonAsync($"/subsidy-programs/startup-{ThisYear}/payments", new { enterpriseKey = enterprise, loanReference = "L-1", amountCny = Trillion + 1 })),
        })
        {
            var body = await ProblemAsync(response, 400);
            var messages = body.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()).ToList();
            Assert.Contains(messages, m => m!.Contains(bound, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task AMilestoneOf2To63NeverShowsANegativeFundingTotalOnTheRosterOrItsCsv()
    {
        var (enterprise, parkKey, @operator) = await EnterpriseInParkAsync(silo);
        var milestones = $"/enterprises/{enterprise}/milestones";
        await @operator.PostOkAsync(milestones, new { kind = "FundingRound", value = Trillion });
        await @operator.PostOkAsync(milestones, new { kind = "FundingRound", value = Trillion });

        foreach (var value in new[] { "9223372036854775807", "9223372036854775808", "9223372036854775806", "1e19", "-9223372036854775808" })
            await ProblemAsync(await @operator.PostAsync(milestones, Raw($$"""{"kind":"FundingRound","value":{{value}}}""")), 400);
        // Deliveries keep each source's order, so once this staff count shows, every earlier milestone has reached the roster.
        await @operator.PostOkAsync(milestones, new { kind = "StaffCount", value = 7 });
        var park = await EventuallyAsync(() => @operator.GetAsync($"/parks/{parkKey}"),
            p => p.GetProperty("state").GetProperty("roster").GetProperty(enterprise).GetProperty("staffCount").ValueKind == JsonValueKind.Number);

        Assert.Equal(2 * Trillion, park.GetProperty("state").GetProperty("roster").GetProperty(enterprise).GetProperty("fundingRaisedCny").GetInt64());
        Assert.Equal(2 * Trillion, (await JsonAsync(await @operator.GetAsync($"/enterprises/{enterprise}"))).GetProperty("state").GetProperty("fundingRaisedCny").GetInt64());
        var csv = await @operator.GetStringAsync($"/console/parks/{parkKey}/roster.csv");
        var row = csv.Split('\n').Single(line => line.StartsWith($"\"{enterprise}\"", StringComparison.Ordinal));
        Assert.Equal("2000000000000", row.Split(',')[5]);
    }

    private static JsonObject Body(object body) => JsonNode.Parse(JsonSerializer.Serialize(body))!.AsObject();

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private static StringContent Raw(string json) => new(json, Encoding.UTF8, "application/json");
}
