using Cases.Domain.ReadModels;

namespace Cases.Grains.Contracts;

/// <summary>One second of the causation index (<see cref="CausationIndex"/>).</summary>
public interface ICausationIndexGrain : IReadModelGrain
{
    /// <summary>The indexed events among the ids (all of this partition), each with its cause and effects; unknown ids are left out.</summary>
    Task<IReadOnlyList<IndexedEvent>> Find(IReadOnlyList<Guid> eventIds);
}
