using Cases.Domain;
using Cases.Domain.ReadModels;
using Cases.Grains.Contracts;
using Cases.Grains.Journaling;
using Orleans;
using Orleans.Runtime;

namespace Cases.Grains.ReadModels;

/// <summary>The Orleans grain of one second of the causation index.</summary>
[GrainType(CausationIndex.GrainType)]
[ImplicitStreamSubscription(CausationIndex.GrainType)]
public sealed class CausationIndexGrain(Programme programme, [PersistentState("state")] IPersistentState<CausationIndexState> state, GrainJournal journal)
    : ReadModelGrain<CausationIndexState>(programme.ReadModels.CausationIndex, state, journal.Store), ICausationIndexGrain
{
    /// <inheritdoc />
    public Task<IReadOnlyList<IndexedEvent>> Find(IReadOnlyList<Guid> eventIds) =>
        Task.FromResult<IReadOnlyList<IndexedEvent>>(eventIds.Select(id => State.Events.GetValueOrDefault(id)).OfType<IndexedEvent>().ToList());
}
