using Orleans;

namespace Cases.Domain.ReadModels;

/// <summary>One partition of the causation index: the events whose ids fall in one second of their creation time.</summary>
[GenerateSerializer]
public sealed class CausationIndexState : ReadModelState
{
    [Id(0)]
    public SortedDictionary<Guid, IndexedEvent> Events { get; set; } = [];
}
