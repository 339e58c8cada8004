using Azure.Data.Tables;
using Orleans.Hosting;

namespace Cases.Silo.Clustering;

/// <summary>Orleans' shared state on Azure Storage: Azure Table clustering, and Azure Table grain storage for any non-event-sourced grain state.</summary>
/// <remarks>The journal (events, command outcomes, snapshots, stream checkpoints) is ours (Cases.Storage.Azure); the grains use no reminders today,
/// so no reminder service is registered. Orleans' tables are named apart from the journal's so neither reads the other's rows.</remarks>
public static class AzureHosting
{
    /// <summary>The table of Orleans' membership (silos, their addresses and liveness).</summary>
    public const string ClusteringTable = "casesmembership";

    /// <summary>The table of Orleans grain state written through IPersistentState (the read models).</summary>
    public const string GrainStateTable = "casesgrainstate";

    /// <summary>Uses Azure Table clustering on the account of "Cases:Azure:ConnectionString".</summary>
    public static void UseAzureStorage(ISiloBuilder silo, IConfiguration configuration)
    {
        silo.UseAzureStorageClustering(options =>
        {
            options.TableServiceClient = new TableServiceClient(CasesHostingExtensions.AzureConnectionString(configuration));
            options.TableName = ClusteringTable;
        });
    }

    /// <summary>Makes Azure Table storage the default grain storage, on the account of "Cases:Azure:ConnectionString".</summary>
    public static void UseAzureGrainStorage(ISiloBuilder silo, IConfiguration configuration)
    {
        silo.AddAzureTableGrainStorageAsDefault(options =>
        {
            options.TableServiceClient = new TableServiceClient(CasesHostingExtensions.AzureConnectionString(configuration));
            options.TableName = GrainStateTable;
        });
    }
}
