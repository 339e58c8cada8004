using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Cases.Silo.Tests.Api.ProgrammeSteps;

namespace Cases.Silo.Tests.Api;

/// <summary>Names are Chinese, Latin or both; no displayed text carries invisible, format or bidi control characters.</summary>
[Collection(ApiSiloCollection.Name)]
public sealed class DisplayedTextTests(ApiSilo silo)
{
    // Zero-width space, non-joiner and joiner, LTR and RTL marks, the bidi embeddings, overrides and isolates, the Arabic letter mark, BOM, soft hyphen.
    public static readonly string[] Invisible =
    [
        "\u200B", "\u200C", "\u200D", "\u200E", "\u200F", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E",
        "\u2066", "\u2067", "\u2068", "\u2069", "\u061C", "\uFEFF", "\u00AD", "\u2060",
    ];

    [Theory]
    [InlineData("\u674E\u4F1F")] // 李伟
    [InlineData("Jos\u00E9 M\u00FCller-O'Neil")]
    [InlineData("Li Wei \u674E\u4F1F")]
    [InlineData("\u963F\u535C\u675C\u00B7\u70ED\u5408\u66FC")] // 阿卜杜·热合曼
    [InlineData("Siobh\u00E1n O\u2019Brien")]
    public async Task NamesInChineseLatinOrBothAreAccepted(string name)
    {
        var profile = HostileBodies.Profile(NewId("P"));
        profile["name"] = name;

        var created = await silo.Anonymous().PostAsync("/applicants", Json(profile));

        Assert.Equal(201, (int)created.StatusCode);
    }

    [Theory]
    [InlineData("Li Wei 2")]
    [InlineData("<b>Li</b>")]
    [InlineData("Li_Wei")]
    [InlineData("\u0418\u0432\u0430\u043D")] // Cyrillic
    [InlineData("Li \uD83D\uDE00")] // an emoji
    [InlineData("- \u00B7 '")] // separators without a letter
    public async Task ANameWithDigitsSymbolsOrOtherScriptsIsRefusedNamingTheField(string name)
    {
        var profile = HostileBodies.Profile(NewId("P"));
        profile["name"] = name;

        await FieldErrorsAsync(await silo.Anonymous().PostAsync("/applicants", Json(profile)), "name");
    }

    [Fact]
    public async Task InvisibleCharactersAreRefusedInEveryNameOfAnIntake()
    {
        foreach (var hidden in Invisible)
        {
            foreach (var (field, set) in new (string, Action<JsonObject, string>)[]
            {
                ("name", (p, v) => p["name"] = $"Li{v} Wei"),
                ("employer.name", (p, v) => p["employer"]!["name"] = $"Acme{v}"),
                ("degrees[0].field", (p, v) => p["degrees"]![0]!["field"] = $"computer science{v}"),
            })
            {
                var profile = HostileBodies.Profile(NewId("P"));
                set(profile, hidden);
                var response = await silo.Anonymous().PostAsync("/applicants", Json(profile));
                Assert.True((int)response.StatusCode == 400, $"{field} with U+{(int)hidden[0]:X4}: {(int)response.StatusCode}");
                await FieldErrorsAsync(response, field);
            }
        }
    }

    [Fact]
    public async Task ABidiOverrideIsRefusedInReasonsEnterpriseAndTeamNamesAndReferences()
    {
        var (applicant, own) = await RecognisedApplicantAsync(silo);
        await own.PostAsJsonAsync($"/applicants/{applicant}/permits", new { permitId = "permit-1", employerReference = "acme-cert-1" });
        var (enterprise, parkKey, @operator) = await EnterpriseInParkAsync(silo);
        var officer = silo.Officer();
        const string rlo = "\u202E";

        await FieldErrorsAsync(await own.PostAsJsonAsync($"/applicants/{applicant}/dependants", new { dependantId = "s1", relation = "Spouse", name = $"Zhang{rlo} Min" }), "name");
        await FieldErrorsAsync(await own.PostAsJsonAsync($"/applicants/{applicant}/permits", new { permitId = "permit-2", employerReference = $"ref{rlo}" }), "employerReference");
        await FieldErrorsAsync(await officer.PostAsJsonAsync($"/applicants/{applicant}/permits/permit-1/approve", new { reason = $"fine{rlo}txt.exe" }), "reason");
        await FieldErrorsAsync(await own.PostAsJsonAsync("/enterprises", With(Registration(NewId("E"), applicant), "name", $"Quantum{rlo}")), "name");
        await FieldErrorsAsync(await officer.PostAsJsonAsync($"/enterprises/{enterprise}/review", new { passed = true, reason = $"ok{rlo}" }), "reason");
        await FieldErrorsAsync(await @operator.PostAsJsonAsync($"/enterprises/{enterprise}/milestones", new { kind = "Patent", value = 1, reference = $"CN{rlo}1" }), "reference");
        await FieldErrorsAsync(await @operator.PostAsJsonAsync($"/enterprises/{enterprise}/exit", new { reason = $"moved{rlo}" }), "reason");
        await FieldErrorsAsync(await @operator.PostAsJsonAsync($"/parks/{parkKey}/talent-teams", new { teamName = $"Team{rlo}", attractedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-7)).ToString("yyyy-MM-dd") }), "teamName");
    }

    private static JsonObject With(object body, string field, string value)
    {
        var json = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(body))!.AsObject();
        json[field] = value;
        return json;
    }

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}
