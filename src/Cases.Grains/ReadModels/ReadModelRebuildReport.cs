namespace Cases.Grains.ReadModels;

/// <summary>What a rebuild read and found: the events folded, the log position it read through, and per read model the partitions that differed from the live ones.</summary>
public sealed record ReadModelRebuildReport(long Events, long ThroughPosition, bool CompareOnly, IReadOnlyList<RebuiltReadModel> ReadModels)
{
    /// <summary>Whether every rebuilt partition equalled the live one.</summary>
    public bool LiveEqualsRebuilt => ReadModels.All(m => m.Differing.Count == 0);
}

/// <summary>One read model's part of a rebuild: how many partitions it has and which differed from the live model.</summary>
public sealed record RebuiltReadModel(string Name, int Partitions, IReadOnlyList<string> Differing);
