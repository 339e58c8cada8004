using Orleans;
using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Streams;

namespace Cases.Grains.Streams;

/// <summary>The deliveries one read of the log makes to one target, in log order; delivered as one batch, so a hot target decides them in one turn.</summary>
[GenerateSerializer, Alias("cases.DeliveryContainer")]
public sealed class DeliveryContainer : IBatchContainer
{
    /// <summary>Creates a container of deliveries whose first cause is at <paramref name="firstPosition"/>.</summary>
    public DeliveryContainer(StreamId streamId, long firstPosition, int ordinal, List<object> items)
    {
        StreamId = streamId;
        Token = new EventSequenceTokenV2(firstPosition, ordinal);
        Items = items;
    }

    /// <summary>The target's stream: namespace = grain type, key = grain key.</summary>
    [Id(0)]
    public StreamId StreamId { get; private set; }

    /// <summary>Position of the first delivery's cause in the global log, and that delivery's place among its cause's deliveries.</summary>
    [Id(1)]
    public EventSequenceTokenV2 Token { get; private set; }

    /// <summary>The deliveries (commands to a decider, or events to a read model), in the log order of their causes.</summary>
    [Id(2)]
    public List<object> Items { get; private set; }

    /// <summary>The global position of the first delivery's cause; the queue's checkpoint cannot pass it before the container is delivered.</summary>
    public long FirstPosition => Token.SequenceNumber;

    /// <inheritdoc />
    public StreamSequenceToken SequenceToken => Token;

    /// <inheritdoc />
    public IEnumerable<Tuple<T, StreamSequenceToken>> GetEvents<T>() =>
        Items.OfType<T>().Select((item, i) => Tuple.Create(item, (StreamSequenceToken)Token.CreateSequenceTokenForEvent(Token.EventIndex + i)));

    /// <inheritdoc />
    public bool ImportRequestContext() => false;
}
