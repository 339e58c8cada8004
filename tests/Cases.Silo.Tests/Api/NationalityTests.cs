using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Cases.Silo.Tests.Api.AuditSteps;

namespace Cases.Silo.Tests.Api;

/// <summary>Art. 1 judges the nationality held when going abroad, Art. 17 the passport held now; intake takes both facts.</summary>
[Collection(ApiSiloCollection.Name)]
public sealed class NationalityTests(ApiSilo silo)
{
    [Fact]
    public async Task AReturneeNaturalisedAbroadIsRecognisedAndTheReasonSaysWhichNationality()
    {
        var id = NewId("P");
        var profile = HostileBodies.Profile(id);
        (profile["nationality"], profile["nationalityAtDeparture"], profile["passport"]) = ("US", "CN", "Foreign");
        var client = await silo.SubmitApplicantAsync(profile);

        var recognition = await client.PostAsJsonAsync($"/applicants/{id}/recognition", new { applicationId = "rec-1" });

        Assert.Equal(HttpStatusCode.OK, recognition.StatusCode);
        var body = await recognition.Content.ReadAsStringAsync();
        Assert.Contains("went abroad as a Chinese national (nationality when going abroad CN, now US)", body, StringComparison.Ordinal);
        var evaluation = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("events")[0].GetProperty("payload").GetProperty("evaluation");
        Assert.True(evaluation.GetProperty("passed").GetBoolean(), body);
    }

    [Fact]
    public async Task AChineseNationalWithAForeignPassportIsA400ThatSaysWhatToRecord()
    {
        var profile = HostileBodies.Profile(NewId("P"));
        profile["passport"] = "Foreign";

        var response = await silo.Anonymous().PostAsJsonAsync("/applicants", (JsonNode)profile);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("nationalityAtDeparture", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
