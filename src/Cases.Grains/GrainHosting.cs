using Cases.Grains.Journaling;
using Cases.Grains.Streams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cases.Grains;

/// <summary>Adds what the programme's grains need on a silo; the host registers the <c>IEventStore</c> and the <c>Programme</c> (its rule set).</summary>
public static class GrainHosting
{
    /// <summary>The journal the grains persist to, this silo's activity, the decision streams and the read models' rebuilder.</summary>
    public static ISiloBuilder AddProgrammeGrains(this ISiloBuilder silo)
    {
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.TryAddSingleton<JournalActivity>();
        silo.Services.TryAddSingleton<GrainJournal>();
        silo.Services.AddOptions<JournalOptions>();
        silo.Services.TryAddSingleton<ReadModels.ReadModelRebuilder>();
        return silo.AddDecisionStreams();
    }
}
