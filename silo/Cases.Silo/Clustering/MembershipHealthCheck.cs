using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace Cases.Silo.Clustering;

/// <summary>Ready once Orleans' membership protocol lists this silo as Active; not ready while it joins, after it is declared dead, or while it shuts down.</summary>
public sealed class MembershipHealthCheck(ILocalSiloDetails silo, IClusterMembershipService membership) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = membership.CurrentSnapshot;
        var status = snapshot.GetSiloStatus(silo.SiloAddress);
        var data = new Dictionary<string, object>
        {
            ["silo"] = silo.SiloAddress.ToString(),
            ["status"] = status.ToString(),
            ["activeSilos"] = snapshot.Members.Values.Count(m => m.Status == SiloStatus.Active),
            ["membershipVersion"] = snapshot.Version.Value,
        };
        // Only an Active silo owns grains and stream queues; any other status must not take traffic.
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy("Active in the cluster's membership.", data)
            : HealthCheckResult.Unhealthy($"Membership lists this silo as {status}.", data: data));
    }
}
