using System.Text.Json;
using System.Text.Json.Nodes;
using static Cases.Silo.Tests.Api.ProgrammeSteps;

namespace Cases.Silo.Tests.Api;

/// <summary>GET /disciplines serves intake forms the national catalogue of disciplines, anonymously and in bounded answers.</summary>
[Collection(ApiSiloCollection.Name)]
public sealed class DisciplinesApiTests(ApiSilo silo)
{
    [Fact]
    public async Task AnEnglishNameFindsTheSubjectWithItsCodeNamesCategoryAndClassWithoutAToken()
    {
        var body = await JsonAsync(await silo.Anonymous().GetAsync("/disciplines?q=computer%20science"));

        Assert.Equal("2022", body.GetProperty("catalogue").GetString());
        Assert.Equal(1, body.GetProperty("edition").GetInt32());
        Assert.Equal("2024.3", body.GetProperty("ruleSetVersion").GetString());
        var first = body.GetProperty("disciplines")[0];
        Assert.Equal("0812", first.GetProperty("code").GetString());
        Assert.Equal("计算机科学与技术", first.GetProperty("chinese").GetString());
        Assert.Equal("Computer Science and Technology", first.GetProperty("english").GetString());
        Assert.Equal("Academic", first.GetProperty("kind").GetString());
        Assert.Equal("08", first.GetProperty("category").GetProperty("code").GetString());
        Assert.Equal("工学", first.GetProperty("category").GetProperty("chinese").GetString());
        Assert.Equal("Stem", first.GetProperty("classification").GetString());
    }

    [Fact]
    public async Task AChineseQueryFindsEverySubjectHoldingItTheExactMatchFirst()
    {
        var body = await JsonAsync(await silo.Anonymous().GetAsync($"/disciplines?q={Uri.EscapeDataString("医学")}"));

        var codes = Codes(body);
        Assert.Equal("10", codes[0]);
        Assert.Contains("1002", codes);
        Assert.Contains("0831", codes); // 生物医学工程
        Assert.Equal("Medical", body.GetProperty("disciplines")[0].GetProperty("classification").GetString());
    }

    [Fact]
    public async Task AnEmptyQueryListsTheWholeCatalogueInCodeOrder()
    {
        var body = await JsonAsync(await silo.Anonymous().GetAsync("/disciplines?q="));

        var codes = Codes(body);
        Assert.Equal(14 + 117 + 67, body.GetProperty("total").GetInt32());
        Assert.Equal(14 + 117 + 67, codes.Length);
        Assert.Equal(["01", "0101", "0151", "02"], codes[..4]);
        Assert.Equal("1452", codes[^1]);
    }

    [Fact]
    public async Task TheLimitBoundsTheAnswerWhileTheTotalCountsEveryMatch()
    {
        var body = await JsonAsync(await silo.Anonymous().GetAsync($"/disciplines?q={Uri.EscapeDataString("工程")}&limit=5"));

        Assert.Equal(5, Codes(body).Length);
        Assert.True(body.GetProperty("total").GetInt32() > 20);
    }

    [Fact]
    public async Task AQueryMatchingNothingAnswersAnEmptyList()
    {
        var body = await JsonAsync(await silo.Anonymous().GetAsync("/disciplines?q=xyzzy"));

        Assert.Equal(0, body.GetProperty("total").GetInt32());
        Assert.Empty(Codes(body));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=251", "limit")]
    [InlineData("limit=-3", "limit")]
    public async Task ALimitOutsideItsRangeIsA400NamingIt(string query, string field)
    {
        await FieldErrorsAsync(await silo.Anonymous().GetAsync($"/disciplines?{query}"), field);
    }

    [Fact]
    public async Task AnOverlongQueryIsA400NamingIt()
    {
        await FieldErrorsAsync(await silo.Anonymous().GetAsync($"/disciplines?q={new string('x', 101)}"), "q");
    }

    [Fact]
    public async Task IntakeRefusesAnUnknownDisciplineNamingTheFieldAndWhereToLookItUp()
    {
        var profile = HostileBodies.Profile(NewId("P"));
        profile["degrees"]![0]!["field"] = "basket weaving";
        profile["researchAbroad"] = new JsonArray(new JsonObject
        {
            ["kind"] = "PostDoctoral", ["field"] = "alchemy", ["from"] = "2020-01-01", ["to"] = "2021-06-01",
        });

        var response = await silo.Anonymous().PostAsync("/applicants", Json(profile));

        var body = await ProblemAsync(response, 400);
        Assert.Equal(["degrees[0].field", "researchAbroad[0].field"], body.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        var message = body.GetProperty("errors").GetProperty("degrees[0].field")[0].GetString();
        Assert.Contains("'basket weaving' is not a discipline of the national catalogue (2022)", message, StringComparison.Ordinal);
        Assert.Contains("GET /disciplines?q=basket%20weaving", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IntakeKeepsTheFieldAsWrittenAndStoresTheCodeItResolvesTo()
    {
        var id = NewId("P");
        var profile = HostileBodies.Profile(id);
        profile["degrees"]![0]!["field"] = "Ｃｏｍｐｕｔｅｒ  Science";
        var created = await silo.Anonymous().PostAsync("/applicants", Json(profile));
        Assert.Equal(201, (int)created.StatusCode);
        var token = (await JsonAsync(created, 201)).GetProperty("token").GetString();
        var own = silo.Factory.CreateClient();
        own.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var degree = (await JsonAsync(await own.GetAsync($"/applicants/{id}"))).GetProperty("state").GetProperty("profile").GetProperty("degrees")[0];

        Assert.Equal("Ｃｏｍｐｕｔｅｒ  Science", degree.GetProperty("field").GetString());
        Assert.Equal("0812", degree.GetProperty("disciplineCode").GetString());
    }

    private static string[] Codes(JsonElement body) =>
        [.. body.GetProperty("disciplines").EnumerateArray().Select(d => d.GetProperty("code").GetString()!)];

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}
