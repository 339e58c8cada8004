using Cases.Grains.Contracts;
using Orleans;

namespace Cases.Grains.Streams;

/// <summary>A command a subscription sends to its target grain because of a stored event, with the metadata that makes it exactly-once.</summary>
/// <param name="TraceParent">The W3C trace context of the command that stored the cause, when this silo saw it committed; the effect's work joins that trace.</param>
/// <remarks>The command id is <c>{subscription}:{event id}</c> and the causation id the event's id, so the target's inbox drops a redelivery.</remarks>
[GenerateSerializer, Immutable, Alias("cases.DecisionDelivery")]
public sealed record DecisionDelivery(object Command, CommandMeta Meta, string? TraceParent = null);
