namespace Cases.Silo.Clustering;

/// <summary>How the silo runs Orleans, bound from "Cases:Orleans"; Orleans' membership tuning is bound from "Cases:Orleans:Membership".</summary>
public sealed class OrleansSettings
{
    /// <summary>The configuration section these settings are bound from.</summary>
    public const string Section = "Cases:Orleans";

    /// <summary>The section bound onto Orleans' ClusterMembershipOptions (ProbeTimeout, NumMissedProbesLimit, NumVotesForDeathDeclaration, TableRefreshTimeout, …).</summary>
    public const string MembershipSection = Section + ":Membership";

    /// <summary>Silos with the same cluster id form one cluster.</summary>
    public string ClusterId { get; set; } = "cases";

    /// <summary>Stable across deployments of this platform.</summary>
    public string ServiceId { get; set; } = "cases";

    /// <summary>This silo's name in the membership table and the dashboard; empty lets Orleans name it (Kubernetes hosting uses the pod's name).</summary>
    public string SiloName { get; set; } = "";

    /// <summary>"localhost" (one silo, no shared service), "postgres" (Orleans membership in the PostgreSQL store) or "azure" (Orleans' Azure Table clustering); empty follows Cases:Store.</summary>
    public string Clustering { get; set; } = "";

    /// <summary>The port silos talk to each other on; 0 takes a free one (the membership table publishes whatever was taken).</summary>
    public int SiloPort { get; set; }

    /// <summary>The port Orleans clients connect to; 0 runs no gateway (the API, the console and the CLI reach grains inside the silo).</summary>
    public int GatewayPort { get; set; }

    /// <summary>The address other silos reach this one at: an IP address or a host name resolved at start (in Kubernetes, the pod's IP).</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>Whether to use Orleans' Kubernetes hosting (pod name, pod IP and ids from the environment; dead pods removed from membership).</summary>
    public bool Kubernetes { get; set; }

    /// <summary>A grain unused this long is deactivated so memory stays bounded.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle grains are looked for (at least twice per idle timeout).</summary>
    public TimeSpan CollectionInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Whether the Orleans Dashboard is served to admins at /admin/orleans.</summary>
    public bool Dashboard { get; set; } = true;

    /// <summary>Whether the silo uses Orleans' Azure Table membership, given the store it runs on.</summary>
    public bool UsesAzure(bool storeIsAzure) => Clustering.Length == 0
        ? storeIsAzure
        : string.Equals(Clustering, "azure", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the silo uses PostgreSQL membership, given the store it runs on.</summary>
    public bool UsesPostgres(bool storeIsPostgres) => Clustering.Length == 0
        ? storeIsPostgres
        : string.Equals(Clustering, "postgres", StringComparison.OrdinalIgnoreCase);
}
