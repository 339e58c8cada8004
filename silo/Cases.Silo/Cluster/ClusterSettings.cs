namespace Cases.Silo.Cluster;

/// <summary>The silo's part in a cluster, bound from "Cases:Cluster"; a cluster needs the shared PostgreSQL store.</summary>
public sealed class ClusterSettings
{
    public const string Section = "Cases:Cluster";

    public bool Enabled { get; set; }

    /// <summary>This silo's id in the membership table; generated when empty.</summary>
    public string SiloId { get; set; } = "";

    /// <summary>The base address other silos reach this one at, e.g. http://127.0.0.1:5081/.</summary>
    public string Address { get; set; } = "";

    /// <summary>The shared secret silos present on the internal endpoint (header X-Cases-Cluster-Key).</summary>
    public string Secret { get; set; } = "";

    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A silo silent for longer than this is dead and its grains move to the survivors.</summary>
    public TimeSpan DeadAfter { get; set; } = TimeSpan.FromSeconds(10);
}
