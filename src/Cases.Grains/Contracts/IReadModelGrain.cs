using Cases.Domain.ReadModels;
using Orleans;

namespace Cases.Grains.Contracts;

/// <summary>One partition of a read model: its state folded from the journal's log, never ahead of it.</summary>
public interface IReadModelGrain : IGrainWithStringKey
{
    /// <summary>The partition's state and the log position it has applied through.</summary>
    Task<ReadModelState> GetState();

    /// <summary>Brings a state rebuilt from the log up to what this partition has applied, answers whether the two agree, and keeps the rebuilt one unless <paramref name="compareOnly"/>.</summary>
    Task<bool> Rebuilt(ReadModelState rebuilt, bool compareOnly);
}
