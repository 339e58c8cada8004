namespace Cases.Grains.Journaling;

/// <summary>How decider grains persist to the journal; every default is what production runs with.</summary>
public sealed class JournalOptions
{
    /// <summary>A snapshot is stored after at least this many events since the last one, and once they outweigh it (so activation reads at most about twice the state).</summary>
    public int SnapshotEvery { get; set; } = 100;

    /// <summary>Commands queued at one grain are decided one after another and appended together, up to this many.</summary>
    public int MaxCommandsPerTurn { get; set; } = 64;

    /// <summary>How often a turn reloads and re-decides after losing a version race before it gives up.</summary>
    public int MaxConflictRetries { get; set; } = 100;

    /// <summary>Outcomes each grain keeps in memory to answer an immediate retry without a store round-trip.</summary>
    public int RecentOutcomes { get; set; } = 16;
}
