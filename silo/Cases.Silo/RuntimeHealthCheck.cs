using Cases.Runtime.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cases.Silo;

/// <summary>Reports how many grain activations the runtime holds; the runtime itself has no failure mode to report yet.</summary>
public sealed class RuntimeHealthCheck(GrainRuntime runtime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var count = runtime.ActivationCount;
        var data = new Dictionary<string, object>
        {
            ["activations"] = count,
            ["activationsCreated"] = runtime.ActivationsCreated,
        };
        return Task.FromResult(HealthCheckResult.Healthy($"{count} activation(s) in memory.", data));
    }
}
