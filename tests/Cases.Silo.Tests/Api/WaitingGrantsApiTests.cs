using System.Net.Http.Json;
using System.Text.Json;
using static Cases.Silo.Tests.Api.ProgrammeSteps;

namespace Cases.Silo.Tests.Api;

/// <summary>Art. 6 over HTTP: an enterprise reviewed before its year's programme opens gets its start-up grant when it opens.</summary>
[Collection(WaitingGrantsSiloCollection.Name)]
public sealed class WaitingGrantsApiTests(ApiSilo silo)
{
    [Fact]
    public async Task AnEnterpriseReviewedBeforeTheProgrammeOpensGetsItsGrantWhenItOpens()
    {
        var (id, _, founder) = await EnterpriseAsync(silo);
        var programmeUrl = $"/subsidy-programs/startup-{ThisYear}";

        Assert.Equal(200, (int)(await silo.Officer().PostAsJsonAsync($"/enterprises/{id}/review", new { passed = true, reason = "file complete" })).StatusCode);
        var waiting = await EventuallyAsync(() => silo.Auditor().GetAsync(programmeUrl), p => WaitingKeys(p).Contains(id));
        Assert.False(waiting.GetProperty("state").GetProperty("isOpen").GetBoolean());

        var opened = await silo.Officer().PostAsJsonAsync("/subsidy-programs", new { year = ThisYear, budgetCny = 1_000_000 });

        Assert.Equal(["ProgrammeOpened", "GrantAwarded"], await EventTypesAsync(opened, 201));
        var enterprise = await EventuallyAsync(() => founder.GetAsync($"/enterprises/{id}"),
            e => e.GetProperty("state").GetProperty("startupGrant").ValueKind == JsonValueKind.Object);
        var grant = enterprise.GetProperty("state").GetProperty("startupGrant");
        Assert.Equal((true, 100_000L), (grant.GetProperty("awarded").GetBoolean(), grant.GetProperty("amountCny").GetInt64()));
        var programme = await JsonAsync(await silo.Auditor().GetAsync(programmeUrl));
        Assert.Empty(WaitingKeys(programme));
        Assert.Equal(900_000, programme.GetProperty("state").GetProperty("remainingBudgetCny").GetInt64());
    }

    private static List<string?> WaitingKeys(JsonElement programme) =>
        [.. programme.GetProperty("state").GetProperty("waitingRequests").EnumerateArray().Select(w => w.GetProperty("enterpriseKey").GetString())];
}
