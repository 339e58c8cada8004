using Cases.Grains.Journaling;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace Cases.Silo;

/// <summary>Reports the Orleans silo's status and how many decider grains it holds; unhealthy once Orleans declared this silo dead or stopped it.</summary>
public sealed class RuntimeHealthCheck(ILocalSiloDetails silo, IClusterMembershipService membership, JournalActivity activity) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
        var data = new Dictionary<string, object>
        {
            ["silo"] = silo.SiloAddress.ToString(),
            ["status"] = status.ToString(),
            ["activations"] = activity.Activations,
            ["activationsCreated"] = activity.ActivationsCreated,
        };
        var result = status is SiloStatus.Dead or SiloStatus.Stopping or SiloStatus.ShuttingDown
            ? HealthCheckResult.Unhealthy($"Orleans reports this silo {status}.", data: data)
            : HealthCheckResult.Healthy($"Silo {status}; {activity.Activations} grain activation(s) in memory.", data);
        return Task.FromResult(result);
    }
}
