namespace Cases.Runtime.Hosting;

/// <summary>Tuning of a silo's grain runtime; every default is what production runs with.</summary>
public sealed class RuntimeOptions
{
    /// <summary>An activation unused this long is deactivated so memory stays bounded.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for.</summary>
    public TimeSpan CollectionInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A snapshot is stored after this many events since the last one.</summary>
    public int SnapshotEvery { get; set; } = 100;

    /// <summary>Commands queued at one activation are decided one after another and appended together, up to this many.</summary>
    public int MaxCommandsPerTurn { get; set; } = 64;

    /// <summary>How often a turn reloads and re-decides after losing a version race before it gives up.</summary>
    public int MaxConflictRetries { get; set; } = 100;

    /// <summary>Outcomes each activation keeps in memory to answer an immediate retry without a store round-trip.</summary>
    public int RecentOutcomesPerActivation { get; set; } = 16;
}
