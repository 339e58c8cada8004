using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Streams;

namespace Cases.Grains.Streams;

/// <summary>Registers the decision streams on a silo: the log-backed persistent stream provider, pulled by Orleans' agents, with implicit subscriptions only.</summary>
public static class DecisionStreams
{
    /// <summary>The stream provider's name; also the prefix of its queue ids and checkpoint names.</summary>
    public const string ProviderName = "decisions";

    /// <summary>Adds the provider and its services; <see cref="DecisionStreamOptions"/> are bound by the caller.</summary>
    public static ISiloBuilder AddDecisionStreams(this ISiloBuilder silo)
    {
        silo.Services.AddSingleton<DecisionRouter>();
        silo.Services.AddSingleton<LogTail>();
        silo.Services.AddSingleton<DecisionStreamMonitor>();
        silo.Services.AddOptions<DecisionStreamOptions>();
        return silo.AddPersistentStreams(ProviderName, LogQueueAdapterFactory.Create, stream =>
        {
            // Targets subscribe implicitly by grain type, so no pub-sub state is kept anywhere.
            stream.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
            stream.ConfigurePullingAgent(agent => agent.Configure<Microsoft.Extensions.Options.IOptions<DecisionStreamOptions>>((pulling, decisions) =>
            {
                pulling.GetQueueMsgsTimerPeriod = decisions.Value.ReadPeriod;
                pulling.StreamInactivityPeriod = decisions.Value.StreamInactivityPeriod;
                // No event is ever dropped: a target failing for minutes is retried until it takes its delivery, in order.
                pulling.MaxEventDeliveryTime = Timeout.InfiniteTimeSpan;
                pulling.BatchContainerBatchSize = 1;
            }));
        });
    }
}
