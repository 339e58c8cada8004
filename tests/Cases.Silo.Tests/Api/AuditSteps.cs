using System.Net.Http.Json;
using System.Text.Json;

namespace Cases.Silo.Tests.Api;

/// <summary>Steps the intake and audit tests share: unique ids, JSON answers, reasoned reads, bounded polling and an approved permit.</summary>
public static class AuditSteps
{
    /// <summary>How long a test waits for stream deliveries before failing.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>The client with an X-Access-Reason header on every request, as officers and auditors send when reading personal data.</summary>
    public static HttpClient WithReason(this HttpClient client, string reason)
    {
        client.DefaultRequestHeaders.Add("X-Access-Reason", reason);
        return client;
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(text.Length > 0, $"{(int)response.StatusCode} with an empty body");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>GETs and asserts 200, answering the JSON body.</summary>
    public static async Task<JsonElement> GetOkAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>POSTs JSON and asserts success, answering the JSON body.</summary>
    public static async Task<JsonElement> PostOkAsync(this HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Evaluates until the condition holds or the deadline passes; answers the last value.</summary>
    public static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (true)
        {
            var value = await read();
            if (done(value))
                return value;
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Gave up waiting for {what} after {Deadline.TotalSeconds} s.");
            await Task.Delay(50);
        }
    }

    /// <summary>Registers an eligible applicant, has them recognised and apply for a permit, and has an officer approve it; answers the PermitApproved event.</summary>
    public static async Task<JsonElement> ApprovedPermitAsync(ApiSilo silo, string applicant, string district)
    {
        var own = await silo.SubmitApplicantAsync(Profiles.Eligible(applicant, district));
        await own.PostOkAsync($"/applicants/{applicant}/recognition", new { applicationId = "rec-1" });
        await own.PostOkAsync($"/applicants/{applicant}/permits", new { permitId = "permit-1", employerReference = "acme-cert-1" });
        var approved = await silo.Officer().PostOkAsync($"/applicants/{applicant}/permits/permit-1/approve", new { reason = "Art. 4 conditions met" });
        return approved.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "PermitApproved");
    }

    /// <summary>The event types of a JSON array of EventViews, in order.</summary>
    public static List<string> Types(this JsonElement events) => events.EnumerateArray().Select(e => e.GetProperty("type").GetString()!).ToList();
}
