using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Cases.Silo.Cluster;

/// <summary>Healthy when clustering is off, or when this silo has joined the membership table and its heartbeats are landing.</summary>
public sealed class MembershipHealthCheck(ClusterService cluster, IOptions<ClusterSettings> settings) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var options = settings.Value;
        if (!options.Enabled)
            return Task.FromResult(HealthCheckResult.Healthy("Clustering is off: the silo runs alone."));
        if (cluster.View is null || cluster.LastHeartbeatAt is not { } last)
            return Task.FromResult(HealthCheckResult.Unhealthy("The silo has not joined the cluster yet."));
        var silent = DateTimeOffset.UtcNow - last;
        var data = new Dictionary<string, object> { ["lastHeartbeatAt"] = last, ["liveSilos"] = cluster.View.Live.Count };
        // Past DeadAfter the others treat this silo as dead and own its grains, so it must not take traffic.
        return Task.FromResult(silent > options.DeadAfter
            ? HealthCheckResult.Unhealthy($"No heartbeat has landed for {silent.TotalSeconds:F0} s.", data: data)
            : HealthCheckResult.Healthy("Joined the cluster; heartbeats are landing.", data));
    }
}
