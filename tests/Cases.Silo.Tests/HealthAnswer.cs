using System.Net;
using System.Text.Json;

namespace Cases.Silo.Tests;

/// <summary>A health endpoint's HTTP status and parsed JSON body.</summary>
public sealed record HealthAnswer(HttpStatusCode Code, JsonElement Body)
{
    /// <summary>The overall status the body reports.</summary>
    public string? Status => Body.GetProperty("status").GetString();

    /// <summary>The named check's entry; fails the test if it is missing.</summary>
    public JsonElement Check(string name) =>
        Body.GetProperty("checks").EnumerateArray().SingleOrDefault(c => c.GetProperty("name").GetString() == name) is { ValueKind: JsonValueKind.Object } check
            ? check
            : throw new Xunit.Sdk.XunitException($"No '{name}' check in {Body}");

    /// <summary>GETs the path and parses the answer.</summary>
    public static async Task<HealthAnswer> GetAsync(HttpClient client, string path = "/health")
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return new HealthAnswer(response.StatusCode, json.RootElement.Clone());
    }
}
