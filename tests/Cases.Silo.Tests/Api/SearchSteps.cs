using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cases.Silo.Tests.Api;

/// <summary>What the search tests share: intake under a chosen name, a search that waits for the index, and the hits' keys.</summary>
public static class SearchSteps
{
    /// <summary>A word no other test uses, of letters only as names hold (the hex digits of a new GUID as the letters g to p).</summary>
    public static string UniqueWord(string prefix) =>
        prefix + string.Concat(Guid.NewGuid().ToString("N")[..16].Select(c => char.IsAsciiDigit(c) ? (char)('g' + (c - '0')) : c));

    /// <summary>An eligible applicant's intake body under another name.</summary>
    public static JsonObject Named(string identityDocument, string name)
    {
        var body = JsonSerializer.SerializeToNode(Profiles.Eligible(identityDocument))!.AsObject();
        body["name"] = name;
        return body;
    }

    /// <summary>Submits an applicant under the name; answers their key.</summary>
    public static async Task<string> ApplicantNamedAsync(ApiSilo silo, string name)
    {
        var key = AuditSteps.NewId("P");
        await silo.SubmitApplicantAsync(Named(key, name));
        return key;
    }

    /// <summary>GET /search as an officer with a reason, asserting 200.</summary>
    public static Task<JsonElement> SearchAsync(ApiSilo silo, string q, string reason = "search test") =>
        silo.Officer().WithReason(reason).GetOkAsync($"/search?q={Uri.EscapeDataString(q)}&limit=50");

    /// <summary>Searches until the condition holds for the results' keys: the index follows the journal asynchronously.</summary>
    public static Task<JsonElement> SearchUntilAsync(ApiSilo silo, string q, Func<List<string>, bool> done, string what) =>
        AuditSteps.PollAsync(() => SearchAsync(silo, q), body => done(Keys(body)), what);

    /// <summary>The keys of the results, in order.</summary>
    public static List<string> Keys(JsonElement body) =>
        body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("key").GetString()!).ToList();

    /// <summary>A registered enterprise of a recognised founder under the name; answers its id.</summary>
    public static async Task<string> EnterpriseNamedAsync(ApiSilo silo, string name)
    {
        var (founderKey, founder) = await ProgrammeSteps.RecognisedApplicantAsync(silo);
        var id = AuditSteps.NewId("E");
        var body = JsonSerializer.SerializeToNode(ProgrammeSteps.Registration(id, founderKey))!.AsObject();
        body["name"] = name;
        var registered = await founder.PostAsJsonAsync("/enterprises", body);
        Assert.Equal(201, (int)registered.StatusCode);
        return id;
    }
}
