using Orleans.Runtime;
using Orleans.Streams;

namespace Cases.Grains.Streams;

/// <summary>One delivery a stored event causes, with its target's stream and the queue that carries it.</summary>
/// <param name="Ordinal">The delivery's place among all deliveries of its cause, so tokens stay unique and ordered.</param>
/// <param name="Delivery">A <see cref="DecisionDelivery"/> to a decider grain, or the stored event itself to a read model's partition.</param>
public sealed record RoutedDelivery(StreamId Target, QueueId Queue, int Ordinal, object Delivery);
