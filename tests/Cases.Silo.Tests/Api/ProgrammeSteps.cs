using System.Net.Http.Json;
using System.Text.Json;

namespace Cases.Silo.Tests.Api;

/// <summary>What the enterprise, park, housing and subsidy tests do over HTTP to get a case where they need it, and how they read answers.</summary>
public static class ProgrammeSteps
{
    /// <summary>How long a stream effect may take to show before a test gives up.</summary>
    public static readonly TimeSpan StreamDeadline = TimeSpan.FromSeconds(10);

    public static int ThisYear => DateTime.UtcNow.Year;

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>Submits an eligible applicant and has them recognised (Art. 1); answers their key and their own client.</summary>
    public static async Task<(string Key, HttpClient Client)> RecognisedApplicantAsync(ApiSilo silo, string district = "haidian")
    {
        var key = NewId("P");
        var client = await silo.SubmitApplicantAsync(Profiles.Eligible(key, district));
        var recognition = await client.PostAsJsonAsync($"/applicants/{key}/recognition", new { applicationId = "rec-1" });
        Assert.Equal(200, (int)recognition.StatusCode);
        return (key, client);
    }

    /// <summary>The registration body of an enterprise founded by the given applicants.</summary>
    public static object Registration(string id, params string[] founders) => new
    {
        id,
        name = "Quantum Sensing Ltd",
        founderApplicantKeys = founders,
        registeredWithPassport = false,
        registeredCapitalCny = 500_000,
        industry = "integrated-circuits",
        district = "haidian",
    };

    /// <summary>A recognised founder registers a new enterprise; answers its id and the founder's key and client.</summary>
    public static async Task<(string Id, string FounderKey, HttpClient Founder)> EnterpriseAsync(ApiSilo silo)
    {
        var (founderKey, founder) = await RecognisedApplicantAsync(silo);
        var id = NewId("E");
        var registered = await founder.PostAsJsonAsync("/enterprises", Registration(id, founderKey));
        Assert.Equal(201, (int)registered.StatusCode);
        return (id, founderKey, founder);
    }

    /// <summary>A registered enterprise admitted to a new park: its operator proposes, the founder consents; answers the ids and the operator's client.</summary>
    public static async Task<(string Id, string ParkKey, HttpClient Operator)> EnterpriseInParkAsync(ApiSilo silo)
    {
        var (id, _, founder) = await EnterpriseAsync(silo);
        var parkKey = NewId("park");
        var @operator = silo.As("operator", parkKey);
        var proposed = await @operator.PostAsJsonAsync($"/enterprises/{id}/park-admission-proposals", new { parkKey });
        Assert.Equal(200, (int)proposed.StatusCode);
        var consented = await founder.PostAsync($"/enterprises/{id}/park-admission-proposals/{parkKey}/consent", null);
        Assert.Equal(200, (int)consented.StatusCode);
        return (id, parkKey, @operator);
    }

    /// <summary>Opens this year's start-up programme with a large budget unless it is open already (the silo is shared).</summary>
    public static async Task EnsureThisYearsProgrammeAsync(ApiSilo silo)
    {
        var opened = await silo.Officer().PostAsJsonAsync("/subsidy-programs", new { year = ThisYear, budgetCny = 10_000_000_000L });
        Assert.True((int)opened.StatusCode is 201 or 409, $"Opening startup-{ThisYear} answered {(int)opened.StatusCode}.");
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, int status = 200)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"Expected {status}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Asserts a ProblemDetails answer with the status and (when given) the stable code; answers its body.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, int status, string? code = null)
    {
        var body = await JsonAsync(response, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(status, body.GetProperty("status").GetInt32());
        if (code is not null)
            Assert.Equal(code, body.GetProperty("code").GetString());
        return body;
    }

    /// <summary>Asserts a 400 ValidationProblem naming exactly these fields.</summary>
    public static async Task FieldErrorsAsync(HttpResponseMessage response, params string[] fields)
    {
        var body = await ProblemAsync(response, 400);
        var named = body.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ToArray();
        Assert.Equal(fields.Order().ToArray(), named);
    }

    /// <summary>The event types a command answer recorded.</summary>
    public static async Task<string[]> EventTypesAsync(HttpResponseMessage response, int status = 200) =>
        [.. (await JsonAsync(response, status)).GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString()!)];

    /// <summary>Reads until the state satisfies the condition or the deadline passes; stream effects arrive asynchronously.</summary>
    public static async Task<JsonElement> EventuallyAsync(Func<Task<HttpResponseMessage>> read, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow + StreamDeadline;
        string last;
        while (true)
        {
            var response = await read();
            last = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode && JsonDocument.Parse(last).RootElement.Clone() is var body && done(body))
                return body;
            if (DateTime.UtcNow > deadline)
                break;
            await Task.Delay(50);
        }
        Assert.Fail($"The expected state did not arrive within {StreamDeadline.TotalSeconds} s; last answer: {last}");
        return default;
    }
}
