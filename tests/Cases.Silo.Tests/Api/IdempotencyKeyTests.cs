using System.Net.Http.Json;
using static Cases.Silo.Tests.Api.ProgrammeSteps;

namespace Cases.Silo.Tests.Api;

/// <summary>An Idempotency-Key on any route: a retry answers the first outcome, a reuse for another request or by another caller answers 422 and nothing of it.</summary>
[Collection(ApiSiloCollection.Name)]
public sealed class IdempotencyKeyTests(ApiSilo silo)
{
    private static string LastYear => new DateOnly(ThisYear - 1, 6, 1).ToString("yyyy-MM-dd");

    [Fact]
    public async Task AKeyReusedWithAnotherBodyIsA422WithoutTheFirstAnswerWhileARetryGetsIt()
    {
        var parkKey = NewId("park");
        var @operator = silo.As("operator", parkKey);
        var key = NewId("team");

        var first = await PostAsync(@operator, $"/parks/{parkKey}/talent-teams", new { teamName = "Photonics group", attractedOn = LastYear }, key);
        var reused = await PostAsync(@operator, $"/parks/{parkKey}/talent-teams", new { teamName = "Battery lab", attractedOn = LastYear }, key);
        var retry = await PostAsync(@operator, $"/parks/{parkKey}/talent-teams", new { teamName = "Photonics group", attractedOn = LastYear }, key);

        Assert.Equal(["TalentTeamRecorded"], await EventTypesAsync(first));
        await ProblemAsync(reused, 422, "idempotency-key-reused");
        Assert.DoesNotContain("Photonics", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True((await JsonAsync(retry)).GetProperty("retry").GetBoolean());
        var park = await JsonAsync(await @operator.GetAsync($"/parks/{parkKey}"));
        Assert.Equal(1, park.GetProperty("state").GetProperty("talentTeams").GetArrayLength());
    }

    [Fact]
    public async Task AKeyReusedByAnotherCallerIsA422EvenWithTheSameBody()
    {
        var parkKey = NewId("park");
        var key = NewId("team");
        var body = new { teamName = "Photonics group", attractedOn = LastYear };
        await JsonAsync(await PostAsync(silo.As("operator", parkKey), $"/parks/{parkKey}/talent-teams", body, key));

        var reused = await PostAsync(silo.Officer(), $"/parks/{parkKey}/talent-teams", body, key);

        await ProblemAsync(reused, 422, "idempotency-key-reused");
        Assert.DoesNotContain("TalentTeamRecorded", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}
