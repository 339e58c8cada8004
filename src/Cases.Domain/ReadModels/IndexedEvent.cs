using Orleans;

namespace Cases.Domain.ReadModels;

/// <summary>Where an event is in the journal, what caused it and what it caused: one node of the causation index.</summary>
[GenerateSerializer]
public sealed class IndexedEvent
{
    [Id(0)]
    public Guid EventId { get; set; }

    [Id(1)]
    public string StreamId { get; set; } = "";

    [Id(2)]
    public long Version { get; set; }

    [Id(3)]
    public long Position { get; set; }

    /// <summary>The event that caused this one, when its causation id is an event id.</summary>
    [Id(4)]
    public Guid? CausedBy { get; set; }

    /// <summary>The events this one caused, in log order.</summary>
    [Id(5)]
    public List<Guid> Effects { get; set; } = [];
}
