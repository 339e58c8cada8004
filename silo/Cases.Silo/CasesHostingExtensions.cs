using Cases.Domain;
using Cases.Domain.Rules;
using Cases.Runtime.Hosting;
using Cases.Runtime.Storage;
using Cases.Storage.Sqlite;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Cases.Silo;

/// <summary>Wires the silo: options, the SQLite event store, the grain runtime and the health endpoints.</summary>
public static class CasesHostingExtensions
{
    /// <summary>The database file's name inside the data directory.</summary>
    public const string DatabaseFileName = "cases.db";

    /// <summary>Registers the store, its initializer, the runtime and the health checks.</summary>
    public static WebApplicationBuilder AddCases(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(SiloOptions.Section);
        services.AddOptions<SiloOptions>().Bind(section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataDirectory), "Cases:DataDirectory must name a folder.")
            .Validate(o => o.StoreRetryInterval > TimeSpan.Zero, "Cases:StoreRetryInterval must be positive.")
            .ValidateOnStart();
        services.AddOptions<RuntimeOptions>().Bind(section.GetSection("Runtime"));
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton(sp => new StoreInfo("sqlite", DatabasePath(sp)));
        // Registered once, as the interface, so the container disposes it exactly once and after the runtime that uses it.
        services.AddSingleton<IEventStore>(sp => new SqliteEventStore(
            new SqliteStoreOptions
            {
                DatabasePath = sp.GetRequiredService<StoreInfo>().Location,
                Synchronous = sp.GetRequiredService<IOptions<SiloOptions>>().Value.Synchronous,
            },
            sp.GetRequiredService<TimeProvider>()));
        // The rule set is configuration (DESIGN.md): "Cases:Rules" overrides any threshold and names its version.
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection($"{SiloOptions.Section}:Rules").Get<RuleSet>() ?? new RuleSet());
        services.AddSingleton(sp => new Programme(sp.GetRequiredService<RuleSet>()));
        services.AddSingleton(sp =>
        {
            var runtime = new GrainRuntime(
                sp.GetRequiredService<IEventStore>(),
                sp.GetRequiredService<IOptions<RuntimeOptions>>().Value,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<GrainRuntime>>());
            foreach (var decider in sp.GetRequiredService<Programme>().Deciders)
                runtime.Register(decider);
            return runtime;
        });
        services.AddSingleton<StoreInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<StoreInitializer>());
        services.AddSingleton<StreamService>();
        services.AddHostedService(sp => sp.GetRequiredService<StreamService>());

        services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>("store", HealthStatus.Unhealthy, [], TimeSpan.FromSeconds(5))
            .AddCheck<RuntimeHealthCheck>("runtime");
        return builder;
    }

    /// <summary>Maps /health (every check; 503 when Unhealthy) and /health/live (the process answers; no checks).</summary>
    public static WebApplication MapCasesHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync });
        app.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = HealthReportWriter.WriteAsync,
        });
        return app;
    }

    private static string DatabasePath(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<SiloOptions>>().Value;
        var contentRoot = services.GetRequiredService<IHostEnvironment>().ContentRootPath;
        return Path.Combine(Path.GetFullPath(options.DataDirectory, contentRoot), DatabaseFileName);
    }
}
