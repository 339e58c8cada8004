using Cases.Journal.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cases.Silo;

/// <summary>Healthy when the event store is open and answers a read.</summary>
public sealed class StoreHealthCheck(IEventStore store, StoreInitializer initializer, StoreInfo info) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["provider"] = info.Provider, ["location"] = info.Location };
        if (!initializer.IsOpen)
            return HealthCheckResult.Unhealthy($"The store is not open: {initializer.Failure ?? "still opening"}", data: data);
        try
        {
            await store.CheckHealthAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"The {info.Provider} store answers.", data);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Cancellation is left to the health check service, which reports it as a timeout.
            return HealthCheckResult.Unhealthy(e.Message, e, data);
        }
    }
}
