using Cases.Domain;
using Cases.Domain.Rules;
using Cases.Journal.Storage;
using Cases.Silo.Clustering;
using Cases.Storage.Azure;
using Cases.Storage.Postgres;
using Cases.Storage.Sqlite;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Cases.Silo;

/// <summary>Wires the silo: options, the event store, Orleans with the programme's grains over it, and the health endpoints.</summary>
public static class CasesHostingExtensions
{
    /// <summary>The database file's name inside the data directory.</summary>
    public const string DatabaseFileName = "cases.db";

    /// <summary>The SQLite file of Orleans grain state (the read models') inside the data directory, apart from the journal's.</summary>
    public const string GrainStateFileName = SqliteGrainStateTable.FileName;

    /// <summary>Registers the store, its initializer, Orleans and the health checks.</summary>
    public static WebApplicationBuilder AddCases(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(SiloOptions.Section);
        services.AddOptions<SiloOptions>().Bind(section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataDirectory), "Cases:DataDirectory must name a folder.")
            .Validate(o => o.StoreRetryInterval > TimeSpan.Zero, "Cases:StoreRetryInterval must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton(StoreInfoFor);
        // Registered once, as the interface, so the container disposes it exactly once and after Orleans, which uses it.
        services.AddSingleton(CreateStore);
        // The default grain storage's table on SQLite and PostgreSQL (Azure uses Orleans' Azure Table storage); the container disposes it after Orleans.
        services.AddSingleton(CreateGrainStateTable);
        // The rule set is configuration (DESIGN.md): "Cases:Rules" overrides any threshold and names its version.
        services.AddOptions<RuleSet>().Bind(builder.Configuration.GetSection($"{SiloOptions.Section}:Rules"))
            .Validate(r => TimeZoneInfo.TryFindSystemTimeZoneById(r.TimeZone, out _), "Cases:Rules:TimeZone must name a time zone this machine knows (an IANA id such as Asia/Shanghai).")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<RuleSet>>().Value);
        services.AddSingleton<CityClock>();
        services.AddSingleton(sp => new Programme(sp.GetRequiredService<RuleSet>()));
        // Started before Orleans (hosted services start in order), so the grains and the stream queues find the store open.
        services.AddSingleton<StoreInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<StoreInitializer>());
        builder.AddCasesOrleans();

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

    /// <summary>The shared PostgreSQL store's connection string ("Cases:Postgres:ConnectionString", or --connection).</summary>
    public static string PostgresConnectionString(IConfiguration configuration) =>
        configuration["Cases:Postgres:ConnectionString"] is { Length: > 0 } connection
            ? connection
            : throw new InvalidOperationException("Cases:Store is postgres but Cases:Postgres:ConnectionString (or --connection) is not set.");

    /// <summary>The PostgreSQL schema that holds the journal and the membership table.</summary>
    public static string PostgresSchema(IConfiguration configuration) => configuration["Cases:Postgres:Schema"] ?? "cases";

    /// <summary>The Azure Storage account's connection string ("Cases:Azure:ConnectionString", or --connection with --store azure); <c>UseDevelopmentStorage=true</c> is a local Azurite.</summary>
    public static string AzureConnectionString(IConfiguration configuration) =>
        configuration["Cases:Azure:ConnectionString"] is { Length: > 0 } connection
            ? connection
            : throw new InvalidOperationException("Cases:Store is azure but Cases:Azure:ConnectionString (or --connection) is not set.");

    /// <summary>The table that holds the journal on Azure Storage.</summary>
    public static string AzureTable(IConfiguration configuration) => configuration["Cases:Azure:Table"] ?? "casesjournal";

    /// <summary>Whether "Cases:Store" picks Azure Storage (Tables; Azurite in development) for the journal and Orleans' shared state.</summary>
    public static bool StoreIsAzure(IConfiguration configuration) =>
        string.Equals(configuration["Cases:Store"], "azure", StringComparison.OrdinalIgnoreCase);

    /// <summary>The silo's data folder (database file, signing key), resolved against the content root.</summary>
    public static string DataDirectory(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<SiloOptions>>().Value;
        var contentRoot = services.GetRequiredService<IHostEnvironment>().ContentRootPath;
        return Path.GetFullPath(options.DataDirectory, contentRoot);
    }

    /// <summary>Whether "Cases:Store" picks PostgreSQL ("Cases:Postgres:ConnectionString", the cluster's shared state) over the embedded SQLite default.</summary>
    public static bool StoreIsPostgres(IConfiguration configuration) =>
        string.Equals(configuration["Cases:Store"], "postgres", StringComparison.OrdinalIgnoreCase);

    private static bool UsesPostgres(IServiceProvider services) => StoreIsPostgres(services.GetRequiredService<IConfiguration>());

    private static StoreInfo StoreInfoFor(IServiceProvider services)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        if (StoreIsAzure(configuration))
        {
            var tables = new Azure.Data.Tables.TableServiceClient(AzureConnectionString(configuration));
            return new StoreInfo("azure", $"{tables.Uri.GetLeftPart(UriPartial.Path).TrimEnd('/')}/{AzureTable(configuration)}"); // never the key
        }
        if (!UsesPostgres(services))
            return new StoreInfo("sqlite", DatabasePath(services));
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(PostgresConnectionString(services.GetRequiredService<IConfiguration>()));
        return new StoreInfo("postgres", $"{connection.Host}:{connection.Port}/{connection.Database}"); // never the password
    }

    private static IEventStore CreateStore(IServiceProvider services)
    {
        var time = services.GetRequiredService<TimeProvider>();
        if (StoreIsAzure(services.GetRequiredService<IConfiguration>()))
        {
            var configuration = services.GetRequiredService<IConfiguration>();
            return new AzureEventStore(new AzureStoreOptions
            {
                ConnectionString = AzureConnectionString(configuration),
                TableName = AzureTable(configuration),
            }, time);
        }
        if (UsesPostgres(services))
        {
            var configuration = services.GetRequiredService<IConfiguration>();
            return new PostgresEventStore(new PostgresStoreOptions
            {
                ConnectionString = PostgresConnectionString(configuration),
                Schema = PostgresSchema(configuration),
            }, time);
        }
        // Built by the options factory, so a host (a test silo) can Configure<SqliteStoreOptions>, e.g. its WAL flush.
        var sqlite = services.GetRequiredService<IOptionsFactory<SqliteStoreOptions>>().Create(Options.DefaultName);
        sqlite.DatabasePath = services.GetRequiredService<StoreInfo>().Location;
        sqlite.Synchronous = services.GetRequiredService<IOptions<SiloOptions>>().Value.Synchronous;
        return new SqliteEventStore(sqlite, time);
    }

    private static IGrainStateTable CreateGrainStateTable(IServiceProvider services)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var time = services.GetRequiredService<TimeProvider>();
        if (StoreIsAzure(configuration))
            throw new InvalidOperationException("On Azure Storage grain state is Orleans' Azure Table grain storage; there is no grain state table of ours.");
        if (UsesPostgres(services))
        {
            return new PostgresGrainStateTable(new PostgresStoreOptions
            {
                ConnectionString = PostgresConnectionString(configuration),
                Schema = PostgresSchema(configuration),
            }, time);
        }
        return new SqliteGrainStateTable(Path.Combine(DataDirectory(services), GrainStateFileName), time: time);
    }

    private static string DatabasePath(IServiceProvider services) => Path.Combine(DataDirectory(services), DatabaseFileName);
}
