using System.Text.Json;
using Cases.Silo.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Cases.Silo.Api;

/// <summary>The OpenAPI document (summaries and descriptions from the handlers' XML comments, who may call, the bearer scheme, ProblemDetails errors, examples) and its interactive reference.</summary>
public static class OpenApiDocumentation
{
    /// <summary>Whether the silo serves the interactive API reference at <see cref="ReferencePath"/> (default on, as dev mode is).</summary>
    public const string ReferenceKey = "Cases:Api:Reference";

    /// <summary>Where the interactive API reference is served.</summary>
    public const string ReferencePath = "/api-reference";

    private const string BearerScheme = "Bearer";
    private const string Problem = "ProblemDetails";
    private const string ProblemJson = "application/problem+json";

    public static IServiceCollection AddCasesOpenApi(this IServiceCollection services) => services.AddOpenApi(o =>
    {
        o.AddDocumentTransformer(Describe);
        o.AddOperationTransformer(DescribeAccessAndErrors);
        o.AddSchemaTransformer(AddExample);
    });

    /// <summary>Serves the document at /openapi/v1.json and, unless <see cref="ReferenceKey"/> is false, the Scalar reference over it.</summary>
    public static WebApplication MapCasesOpenApi(this WebApplication app)
    {
        app.MapOpenApi();
        if (app.Configuration.GetValue(ReferenceKey, true))
        {
            // No fonts, telemetry or AI agent from elsewhere: the reference runs on what the silo serves, under a per-request script nonce.
            app.MapScalarApiReference(ReferencePath, o => o
                .WithTitle("Cases API")
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .WithNonce()
                .AddPreferredSecuritySchemes([BearerScheme]));
        }
        return app;
    }

    private static Task Describe(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info.Title = "Cases";
        document.Info.Description =
            "Cases of a city's overseas-talent programmes: applicants, enterprises, parks, housing and subsidies, each a timeline of decisions that auditors can replay and verify. "
            + "Staff and applicants present a bearer token (`Authorization: Bearer <token>`); online intake needs none. "
            + "Every error is an RFC 7807 ProblemDetails with a `code`; a 503 carries `Retry-After`, so retry with the same `Idempotency-Key`.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A token from POST /auth/tokens (admin), from intake's answer (the applicant's own), or logged by a silo in dev mode.",
        };
        return Task.CompletedTask;
    }

    private static async Task DescribeAccessAndErrors(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var roles = RolesOf(metadata);
        var secured = roles is not null;
        var who = roles switch
        {
            null => "Anyone may call it, without a token.",
            [] => "Any caller with a valid token may call it.",
            _ => $"Who may call it: {string.Join(", ", roles)}.",
        };
        operation.Description = string.IsNullOrWhiteSpace(operation.Description) ? who : $"{operation.Description}\n\n{who}";

        var problem = await ProblemSchemaAsync(context, ct);
        operation.Responses ??= new OpenApiResponses();
        if (secured)
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] });
            AddProblem(operation, "401", "No token, or one that is expired, revoked or not ours.", problem);
            AddProblem(operation, "403", "The token's role (or subject) may not do this.", problem);
        }
        AddProblem(operation, "4XX", "A refusal; `code` names it (e.g. `permit-not-applied`, `not-found`).", problem);
        AddProblem(operation, "503", "The store or the case's grain is unavailable for now; retry after `Retry-After` seconds.", problem);
    }

    // Null: anonymous. Empty: any authenticated caller. Otherwise the roles the endpoint's policies name.
    private static List<string>? RolesOf(IList<object> metadata)
    {
        if (metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<AuthorizationPolicy>().Any())
            return null;
        var named = metadata.OfType<IAuthorizeData>().SelectMany(a => (a.Roles?.Split(',') ?? []).Append(a.Policy ?? ""));
        var required = metadata.OfType<AuthorizationPolicy>().SelectMany(p => p.Requirements.OfType<Microsoft.AspNetCore.Authorization.Infrastructure.RolesAuthorizationRequirement>())
            .SelectMany(r => r.AllowedRoles);
        return [.. named.Concat(required).SelectMany(r => r.Split('+')).Select(r => r.Trim()).Where(Roles.All.Contains).Distinct(StringComparer.Ordinal)];
    }

    private static async Task<IOpenApiSchema> ProblemSchemaAsync(OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var document = context.Document ?? throw new InvalidOperationException("The operation transformer runs without its document.");
        if (document.Components?.Schemas?.ContainsKey(Problem) != true)
        {
            var schema = (OpenApiSchema)await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, ct);
            schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
            schema.Properties["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What went wrong, for programs: e.g. `permit-not-applied`, `store-unavailable`." };
            document.AddComponent(Problem, schema);
        }
        return new OpenApiSchemaReference(Problem, document);
    }

    private static void AddProblem(OpenApiOperation operation, string status, string description, IOpenApiSchema schema)
    {
        if (operation.Responses!.ContainsKey(status))
            return;
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new() { Schema = schema } },
        };
    }

    private static Task AddExample(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (ApiExamples.Requests.TryGetValue(context.JsonTypeInfo.Type, out var example))
        {
            var json = context.ApplicationServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
            schema.Examples = [JsonSerializer.SerializeToNode(example, example.GetType(), json)!];
        }
        return Task.CompletedTask;
    }
}
