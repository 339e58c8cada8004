using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cases.Silo.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cases.Silo.Tests.Api;

/// <summary>The OpenAPI document explains itself: what each operation does, who may call it, how it fails, and what to send.</summary>
[Collection(ApiSiloCollection.Name)]
public sealed class OpenApiTests(ApiSilo silo)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    [Fact]
    public async Task EveryOperationHasASummaryAndADescription()
    {
        var operations = Operations(await DocumentAsync()).ToList();

        Assert.True(operations.Count > 40, $"only {operations.Count} operations are documented");
        Assert.Empty(operations.Where(o => Text(o.Operation, "summary") == "" || Text(o.Operation, "description") == "").Select(o => o.Name));
        Assert.DoesNotContain(operations, o => o.Name.Contains("/admin/orleans", StringComparison.Ordinal) || o.Name.Contains("/console", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SecuredOperationsNameTheBearerSchemeAndTheirRolesWhileOnlineIntakeNeedsNoToken()
    {
        var document = await DocumentAsync();
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        var approve = Operation(document, "/applicants/{id}/permits/{permitId}/approve", "post");
        var intake = Operation(document, "/applicants", "post");

        Assert.Equal(("http", "bearer"), (Text(scheme, "type"), Text(scheme, "scheme")));
        Assert.Equal("Bearer", approve.GetProperty("security")[0].EnumerateObject().Single().Name);
        Assert.Contains("Who may call it: officer.", Text(approve, "description"), StringComparison.Ordinal);
        Assert.False(intake.TryGetProperty("security", out _));
        Assert.Contains("without a token", Text(intake, "description"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorResponsesAreProblemDetailsWithACode()
    {
        var document = await DocumentAsync();
        var problem = document.GetProperty("components").GetProperty("schemas").GetProperty("ProblemDetails");

        Assert.True(problem.GetProperty("properties").TryGetProperty("code", out _));
        foreach (var (name, operation) in Operations(document))
        {
            var responses = operation.GetProperty("responses");
            foreach (var status in new[] { "4XX", "503" })
            {
                var schema = responses.GetProperty(status).GetProperty("content").GetProperty("application/problem+json").GetProperty("schema");
                Assert.True(Text(schema, "$ref") == "#/components/schemas/ProblemDetails", $"{name} {status}");
            }
            if (operation.TryGetProperty("security", out _))
                Assert.True(responses.TryGetProperty("401", out _) && responses.TryGetProperty("403", out _), $"{name} lacks 401/403");
        }
    }

    [Fact]
    public async Task EveryRequestExampleIsABodyTheApiAccepts()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");
        var json = silo.Factory.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

        foreach (var type in ApiExamples.Requests.Keys)
        {
            var example = schemas.GetProperty(type.Name).GetProperty("examples")[0];
            // The API's own reader, which refuses unknown members and quoted numbers, reads the documented example back.
            Assert.Equal(JsonSerializer.Serialize(ApiExamples.Requests[type], type, json), JsonSerializer.Serialize(example.Deserialize(type, json), type, json));
        }
        var profile = ApiExamples.Profile with { IdentityDocument = $"P-{Guid.NewGuid():N}"[..20] };
        var created = await silo.Anonymous().PostAsJsonAsync("/applicants", profile, json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    public async Task TheInteractiveReferenceIsServedUnderAScriptNonceAndCanBeSwitchedOff()
    {
        var page = await silo.Anonymous().GetAsync("/api-reference/");
        await using var off = silo.Factory.WithWebHostBuilder(b => b.UseSetting(OpenApiDocumentation.ReferenceKey, "false"));
        var gone = await off.CreateClient().GetAsync("/api-reference/");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var policy = string.Join(" ", page.Headers.GetValues("Content-Security-Policy"));
        var nonce = policy.Split("'nonce-")[1].Split('\'')[0];
        Assert.Contains($"nonce=\"{nonce}\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy.Split("script-src")[1].Split(';')[0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    private async Task<JsonElement> DocumentAsync()
    {
        using var response = await silo.Anonymous().GetAsync("/openapi/v1.json");
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static IEnumerable<(string Name, JsonElement Operation)> Operations(JsonElement document) =>
        from path in document.GetProperty("paths").EnumerateObject()
        from method in path.Value.EnumerateObject()
        where Methods.Contains(method.Name)
        select ($"{method.Name.ToUpperInvariant()} {path.Name}", method.Value);

    private static JsonElement Operation(JsonElement document, string path, string method) =>
        document.GetProperty("paths").GetProperty(path).GetProperty(method);

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}
