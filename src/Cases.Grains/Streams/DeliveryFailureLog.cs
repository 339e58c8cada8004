using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Streams;

namespace Cases.Grains.Streams;

/// <summary>Logs a delivery the pulling agent stopped retrying; it never faults a subscription, and the queue's checkpoint stays before the delivery.</summary>
/// <remarks>Agents retry a failing target without a time limit, so this is reached only when a silo shuts down mid-delivery; the queue's next owner redelivers.</remarks>
internal sealed class DeliveryFailureLog(ILogger<DeliveryFailureLog> logger) : IStreamFailureHandler
{
    public bool ShouldFaultSubsriptionOnError => false;

    public Task OnDeliveryFailure(GuidId subscriptionId, string streamProviderName, StreamId streamId, StreamSequenceToken? sequenceToken)
    {
        logger.LogWarning("Delivery to {Stream} at {Token} stopped before it landed; it is redelivered from the queue's checkpoint", streamId, sequenceToken);
        return Task.CompletedTask;
    }

    public Task OnSubscriptionFailure(GuidId subscriptionId, string streamProviderName, StreamId streamId, StreamSequenceToken? sequenceToken)
    {
        logger.LogWarning("Subscription of {Stream} failed at {Token}", streamId, sequenceToken);
        return Task.CompletedTask;
    }
}
