using System.Net;
using System.Net.Sockets;
using Cases.Grains;
using Cases.Grains.Journaling;
using Cases.Grains.Storage;
using Cases.Grains.Streams;
using Cases.Storage.Postgres.Clustering;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Hosting;

namespace Cases.Silo.Clustering;

/// <summary>Co-hosts Orleans in the silo: membership (localhost, Orleans' protocol over PostgreSQL, or Azure Table clustering), the grains' journal, the default grain storage, the decision streams and the dashboard.</summary>
public static class OrleansHosting
{
    /// <summary>The section bound onto the decision streams' options.</summary>
    public const string StreamsSection = "Cases:Streams";

    /// <summary>The section bound onto the grains' journal options.</summary>
    public const string GrainsSection = "Cases:Grains";

    /// <summary>Adds Orleans to the silo, with its membership in the shared PostgreSQL store when the silo runs on it.</summary>
    public static WebApplicationBuilder AddCasesOrleans(this WebApplicationBuilder builder)
    {
        // Read at registration, because they choose which services exist; every other setting is bound lazily from the final configuration.
        var early = builder.Configuration.GetSection(OrleansSettings.Section).Get<OrleansSettings>() ?? new OrleansSettings();
        builder.Services.AddOptions<OrleansSettings>().BindConfiguration(OrleansSettings.Section);
        builder.Services.AddOptions<JournalOptions>().BindConfiguration(GrainsSection);
        builder.Services.AddOptions<DecisionStreamOptions>().BindConfiguration(StreamsSection);
        builder.UseOrleans(silo =>
        {
            ConfigureIdentity(silo);
            // Grain calls carry the caller's W3C trace context, so a request's trace continues into the grains it calls.
            silo.AddActivityPropagation();
            if (early.UsesAzure(CasesHostingExtensions.StoreIsAzure(builder.Configuration)))
                AzureHosting.UseAzureStorage(silo, builder.Configuration);
            else if (early.UsesPostgres(CasesHostingExtensions.StoreIsPostgres(builder.Configuration)))
            {
                silo.Services.AddPostgresMembership(_ => { });
                silo.Services.AddOptions<PostgresClusteringOptions>().Configure<IConfiguration>((membership, configuration) =>
                {
                    membership.ConnectionString = CasesHostingExtensions.PostgresConnectionString(configuration);
                    membership.Schema = CasesHostingExtensions.PostgresSchema(configuration);
                });
            }
            else
                silo.UseDevelopmentClustering(options => options.Configure<IOptions<EndpointOptions>>((membership, endpoint) =>
                    membership.PrimarySiloEndpoint = new IPEndPoint(endpoint.Value.AdvertisedIPAddress, endpoint.Value.SiloPort)));
            // Grain state follows the store (not the clustering choice): Orleans' Azure Table storage on Azure, else our table beside the journal.
            if (CasesHostingExtensions.StoreIsAzure(builder.Configuration))
                AzureHosting.UseAzureGrainStorage(silo, builder.Configuration);
            else
                silo.AddTableGrainStorageAsDefault();
            silo.Services.AddOptions<ClusterMembershipOptions>().BindConfiguration(OrleansSettings.MembershipSection);
            silo.Services.AddOptions<GrainCollectionOptions>().Configure<IOptions<OrleansSettings>>((collection, settings) =>
            {
                collection.CollectionAge = settings.Value.IdleTimeout;
                // Orleans needs the age above the quantum; a short idle timeout is looked for at least twice per timeout.
                collection.CollectionQuantum = TimeSpan.FromTicks(Math.Min(settings.Value.CollectionInterval.Ticks, settings.Value.IdleTimeout.Ticks / 2));
            });
            silo.AddProgrammeGrains();
            if (early.Kubernetes)
                silo.UseKubernetesHosting();
            if (early.Dashboard)
                silo.AddDashboard();
        });
        return builder;
    }

    /// <summary>Serves the Orleans Dashboard at /admin/orleans to admins only (a bearer token, or the console's sign-in).</summary>
    public static WebApplication MapCasesDashboard(this WebApplication app)
    {
        if (app.Configuration.GetValue($"{OrleansSettings.Section}:{nameof(OrleansSettings.Dashboard)}", true))
        {
            app.MapOrleansDashboard("/admin/orleans")
                .RequireAuthorization(p => p.AddAuthenticationSchemes(WebConsole.ConsoleHosting.Scheme).RequireRole(Auth.Roles.Admin))
                .ExcludeFromDescription();
        }
        return app;
    }

    private static void ConfigureIdentity(ISiloBuilder silo)
    {
        silo.Services.AddOptions<ClusterOptions>().Configure<IOptions<OrleansSettings>>((cluster, settings) =>
        {
            cluster.ClusterId = settings.Value.ClusterId;
            cluster.ServiceId = settings.Value.ServiceId;
        });
        silo.Services.AddOptions<Orleans.Configuration.SiloOptions>().Configure<IOptions<OrleansSettings>>((options, settings) =>
        {
            if (settings.Value.SiloName.Length > 0)
                options.SiloName = settings.Value.SiloName;
        });
        silo.Services.AddOptions<EndpointOptions>().Configure<IOptions<OrleansSettings>>((endpoint, settings) =>
        {
            var address = Resolve(settings.Value.AdvertisedAddress);
            endpoint.AdvertisedIPAddress = address;
            endpoint.SiloPort = settings.Value.SiloPort != 0 ? settings.Value.SiloPort : FreePort(address);
            endpoint.GatewayPort = settings.Value.GatewayPort;
        });
    }

    // An address or a host name (a compose service name); Orleans advertises an IP address.
    private static IPAddress Resolve(string address) => IPAddress.TryParse(address, out var ip)
        ? ip
        : Dns.GetHostAddresses(address).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
            ?? throw new InvalidOperationException($"Cases:Orleans:AdvertisedAddress '{address}' resolves to no IPv4 address.");

    // The membership table publishes the port each silo took, so a silo without a fixed port is as reachable as one with.
    private static int FreePort(IPAddress address)
    {
        using var listener = new TcpListener(address, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
