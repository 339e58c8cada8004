using Cases.Domain;
using Cases.Domain.ReadModels;
using Cases.Grains.Contracts;
using Cases.Grains.Journaling;
using Orleans;
using Orleans.Runtime;

namespace Cases.Grains.ReadModels;

/// <summary>The Orleans grain of one park's statistics.</summary>
[GrainType(ParkStatistics.GrainType)]
[ImplicitStreamSubscription(ParkStatistics.GrainType)]
public sealed class ParkStatisticsGrain(Programme programme, [PersistentState("state")] IPersistentState<ParkStatisticsState> state, GrainJournal journal)
    : ReadModelGrain<ParkStatisticsState>(programme.ReadModels.ParkStatistics, state, journal.Store), IParkStatisticsGrain;
