using Cases.Grains.Journaling;
using Cases.Grains.Streams;

namespace Cases.Grains.Tests.Support;

/// <summary>What a test cluster runs with; the defaults are the production ones, with a short stream poll so waits stay short.</summary>
public sealed record ClusterSettings
{
    public int Silos { get; init; } = 1;

    public Action<JournalOptions> Journal { get; init; } = _ => { };

    public Action<DecisionStreamOptions> Streams { get; init; } = o => o.PollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>Orleans' grain collection: idle activations older than this are deactivated.</summary>
    public TimeSpan? IdleTimeout { get; init; }

    /// <summary>How often Orleans looks for idle activations.</summary>
    public TimeSpan? CollectionInterval { get; init; }

    /// <summary>Any further silo configuration, e.g. membership tuning or a silo without decision streams.</summary>
    public Action<ISiloBuilder> Silo { get; init; } = _ => { };
}
