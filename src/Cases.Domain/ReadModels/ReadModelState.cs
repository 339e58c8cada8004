using Orleans;

namespace Cases.Domain.ReadModels;

/// <summary>The state of one partition of a read model: what it folded from the log, and the log position it has folded through.</summary>
[GenerateSerializer]
public abstract class ReadModelState
{
    /// <summary>The global position of the last event this partition applied; it never passes the journal's log.</summary>
    [Id(0)]
    public long AppliedThrough { get; set; }
}
