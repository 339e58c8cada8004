using Cases.Domain;
using Cases.Domain.Deciders;
using Cases.Domain.ReadModels;
using Cases.Grains.Contracts;
using Cases.Journal.Events;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Streams;

namespace Cases.Grains.Streams;

/// <summary>Turns stored events into the deliveries <c>ProgrammeSubscriptions</c> declares, each on its target's stream and queue.</summary>
/// <remarks>Queues partition the deliveries by target, so all of one target's deliveries travel in one queue in global log order: a housing case
/// always hears "open" before the allocation that an office decided because of the same approval.</remarks>
public sealed class DecisionRouter
{
    private readonly IReadOnlyList<Subscription> _subscriptions;
    private readonly IReadOnlyList<Projection> _readModels;

    /// <summary>Creates the router of a programme's subscriptions over the configured number of queues.</summary>
    public DecisionRouter(Programme programme, IOptions<DecisionStreamOptions> options)
    {
        _subscriptions = programme.Subscriptions;
        _readModels = programme.ReadModels.All;
        var duplicate = _subscriptions.GroupBy(s => s.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"Subscription name '{duplicate.Key}' is used twice.", nameof(programme));
        Queues = options.Value.Queues;
        Mapper = new HashRingBasedStreamQueueMapper(new HashRingStreamQueueMapperOptions { TotalQueueCount = Queues }, DecisionStreams.ProviderName);
        EventTypes = _subscriptions.Select(s => s.EventType).Concat(_readModels.SelectMany(m => m.EventTypes)).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The number of queues.</summary>
    public int Queues { get; }

    /// <summary>Maps a target's stream to its queue; Orleans' hash ring, so the queues also balance over silos.</summary>
    public HashRingBasedStreamQueueMapper Mapper { get; }

    /// <summary>The stored event types any subscription or read model wants; the store filters the log by them.</summary>
    public IReadOnlyCollection<string> EventTypes { get; }

    /// <summary>Whether any subscription wants this event (cheap: no payload is read).</summary>
    public bool IsSubscribed(StoredEvent e)
    {
        foreach (var subscription in _subscriptions)
        {
            if (subscription.Matches(e))
                return true;
        }
        foreach (var model in _readModels)
        {
            if (model.Matches(e))
                return true;
        }
        return false;
    }

    /// <summary>Every delivery the event causes, in subscription order, then the event itself to each read-model partition it changes.</summary>
    public IEnumerable<RoutedDelivery> Route(StoredEvent e)
    {
        var ordinal = 0;
        foreach (var subscription in _subscriptions)
        {
            if (!subscription.Matches(e))
                continue;
            foreach (var delivery in subscription.Route(e))
            {
                var target = StreamId.Create(delivery.Target.Type, delivery.Target.Key);
                var meta = new CommandMeta(
                    CommandId: subscription.CommandIdFor(e),
                    Actor: $"stream:{subscription.Name}",
                    CorrelationId: e.CorrelationId,
                    CausationId: e.EventId.ToString("D"),
                    Now: e.OccurredAt);
                yield return new RoutedDelivery(target, Mapper.GetQueueForStream(target), ordinal++, new DecisionDelivery(delivery.Command, meta));
            }
        }
        foreach (var model in _readModels)
        {
            if (!model.Matches(e))
                continue;
            foreach (var partition in model.PartitionsOf(e).Distinct(StringComparer.Ordinal))
            {
                var target = StreamId.Create(model.Name, partition);
                yield return new RoutedDelivery(target, Mapper.GetQueueForStream(target), ordinal++, e);
            }
        }
    }
}
