using Cases.Domain;
using Cases.Domain.Rules;
using Cases.Runtime.Hosting;
using Cases.Runtime.Storage;
using Cases.Silo.Cluster;
using Cases.Storage.Postgres;
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

        services.AddSingleton(StoreInfoFor);
        // Registered once, as the interface, so the container disposes it exactly once and after the runtime that uses it.
        services.AddSingleton(CreateStore);
        services.AddOptions<ClusterSettings>().BindConfiguration(ClusterSettings.Section);
        services.AddSingleton<ClusterService>();
        services.AddHostedService(sp => sp.GetRequiredService<ClusterService>());
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
            .AddCheck<StoreHealthCheck>("store", HealthStatus.Unhealthy, [Observability.ObservabilityHosting.ReadyTag], TimeSpan.FromSeconds(5))
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

    // "Cases:Store" picks the store: sqlite (the embedded default) or postgres ("Cases:Postgres:ConnectionString", the cluster's shared state).
    private static bool UsesPostgres(IServiceProvider services) =>
        string.Equals(services.GetRequiredService<IConfiguration>()["Cases:Store"], "postgres", StringComparison.OrdinalIgnoreCase);

    private static StoreInfo StoreInfoFor(IServiceProvider services)
    {
        if (!UsesPostgres(services))
            return new StoreInfo("sqlite", DatabasePath(services));
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(PostgresConnectionString(services));
        return new StoreInfo("postgres", $"{connection.Host}:{connection.Port}/{connection.Database}"); // never the password
    }

    private static IEventStore CreateStore(IServiceProvider services)
    {
        var time = services.GetRequiredService<TimeProvider>();
        if (UsesPostgres(services))
        {
            var configuration = services.GetRequiredService<IConfiguration>();
            return new PostgresEventStore(new PostgresStoreOptions
            {
                ConnectionString = PostgresConnectionString(services),
                Schema = configuration["Cases:Postgres:Schema"] ?? "cases",
            }, time);
        }
        return new SqliteEventStore(
            new SqliteStoreOptions
            {
                DatabasePath = services.GetRequiredService<StoreInfo>().Location,
                Synchronous = services.GetRequiredService<IOptions<SiloOptions>>().Value.Synchronous,
            },
            time);
    }

    private static string PostgresConnectionString(IServiceProvider services) =>
        services.GetRequiredService<IConfiguration>()["Cases:Postgres:ConnectionString"] is { Length: > 0 } connection
            ? connection
            : throw new InvalidOperationException("Cases:Store is postgres but Cases:Postgres:ConnectionString (or --connection) is not set.");

    /// <summary>The silo's data folder (database file, signing key), resolved against the content root.</summary>
    public static string DataDirectory(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<SiloOptions>>().Value;
        var contentRoot = services.GetRequiredService<IHostEnvironment>().ContentRootPath;
        return Path.GetFullPath(options.DataDirectory, contentRoot);
    }

    private static string DatabasePath(IServiceProvider services) => Path.Combine(DataDirectory(services), DatabaseFileName);
}
