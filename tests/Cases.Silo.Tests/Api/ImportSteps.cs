using System.Net;
using System.Text;
using System.Text.Json;

namespace Cases.Silo.Tests.Api;

/// <summary>Steps the import tests share: posting a body as JSON Lines or CSV, reading the report, and the repository's example files.</summary>
public static class ImportSteps
{
    public const string JsonLines = "application/x-ndjson";
    public const string Csv = "text/csv";

    public static Task<HttpResponseMessage> PostImportAsync(this HttpClient client, string body, string contentType = JsonLines, string query = "") =>
        client.PostAsync("/imports" + query, new StringContent(body, Encoding.UTF8, contentType));

    /// <summary>Posts and asserts 200, answering the report.</summary>
    public static async Task<JsonElement> ImportOkAsync(this HttpClient client, string body, string contentType = JsonLines, string query = "")
    {
        var response = await client.PostImportAsync(body, contentType, query);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST /imports: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>One JSON Lines row from an anonymous object.</summary>
    public static string Row(object fields) => JsonSerializer.Serialize(fields);

    public static string Lines(params object[] rows) => string.Join('\n', rows.Select(Row)) + "\n";

    /// <summary>A permit row for a new identity document, with a master's degree so Art. 18 path C can hold.</summary>
    public static object PermitRow(string document, string rowId, string decidedOn = "2019-04-17", string name = "Zhang Min") => new
    {
        kind = "permit-issued", source = "test-register", sourceRowId = rowId, decidedOn, identityDocument = document, name,
        nationality = "CN", passport = "Chinese", district = "haidian", permitId = $"RWP-{rowId}",
        degreeLevel = "Master", degreeCountry = "GB", degreeField = "0812", degreeObtainedOn = "2016-07-01",
    };

    public static int Count(this JsonElement report, string name) =>
        report.GetProperty(name) is { ValueKind: JsonValueKind.Array } list ? list.GetArrayLength() : report.GetProperty(name).GetInt32();

    /// <summary>The text of a file in the repository's examples folder.</summary>
    public static string Example(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cases.sln")))
                return File.ReadAllText(Path.Combine(dir.FullName, "examples", "imports", name));
        }
        throw new DirectoryNotFoundException("No Cases.sln above the test assembly.");
    }
}
