using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Cases.Silo.Auth;
using Cases.Silo.Clustering;
using Cases.Silo.WebConsole;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Cases.Silo.Api;

/// <summary>Wires the HTTP API: JSON rules, ProblemDetails for every error, token authentication, role policies, rate limits and OpenAPI.</summary>
public static class ApiHosting
{
    /// <summary>The rate limiter policy that bounds concurrent intakes; excess requests wait in a bounded queue, then get 429.</summary>
    public const string IntakeLimiter = "intake";

    public static WebApplicationBuilder AddCasesApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 1024 * 1024);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.MaxDepth = 32;
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict; // the web defaults read "150" as 150
        });
        // Binding failures become exceptions, so the handler can say which field was wrong instead of a bare 400.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemCodes.Complete);
        services.AddExceptionHandler<CasesExceptionHandler>();
        services.AddSingleton<ProgrammeGrains>();
        // Read when first needed, so test and deployment configuration (Cases:Imports:*) applies.
        services.AddOptions<ImportOptions>().BindConfiguration("Cases:Imports");
        builder.AddCasesAuth();
        services.AddAuthorization(o =>
        {
            foreach (var role in Roles.All)
                o.AddPolicy(role, p => p.RequireRole(role));
            o.AddPolicy(Roles.Auditor + "+admin", p => p.RequireRole(Roles.Auditor, Roles.Admin));
        });
        services.AddRateLimiter(_ => { });
        // Read when first needed, so test and deployment configuration (Cases:Intake:*) applies.
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            o.AddConcurrencyLimiter(IntakeLimiter, l =>
            {
                l.PermitLimit = configuration.GetValue("Cases:Intake:ConcurrencyLimit", 1024);
                l.QueueLimit = configuration.GetValue("Cases:Intake:QueueLimit", 4096);
                l.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
            });
            o.AddPerCaller(configuration);
        });
        services.AddCasesOpenApi();
        builder.AddCasesConsole();
        return builder;
    }

    public static WebApplication MapCasesApi(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestBodyLimit>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<RouteIdGuard>();
        app.UseRateLimiter();
        app.MapCasesOpenApi();
        app.MapAuthApi();
        app.MapApplicantsApi();
        app.MapDisciplinesApi();
        app.MapAuditApi();
        app.MapQueueApi();
        app.MapSearchApi();
        app.MapReadModelsApi();
        app.MapEnterprisesApi();
        app.MapParksApi();
        app.MapHousingApi();
        app.MapSubsidyProgramsApi();
        app.MapImportsApi();
        app.MapDiagnosticsApi();
        app.MapCasesDashboard();
        app.MapCasesConsole();
        return app;
    }
}
