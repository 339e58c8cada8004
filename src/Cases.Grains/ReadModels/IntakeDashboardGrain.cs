using Cases.Domain;
using Cases.Domain.ReadModels;
using Cases.Grains.Contracts;
using Cases.Grains.Journaling;
using Orleans;
using Orleans.Runtime;

namespace Cases.Grains.ReadModels;

/// <summary>The Orleans grain of one hour of the intake dashboard.</summary>
[GrainType(IntakeDashboard.GrainType)]
[ImplicitStreamSubscription(IntakeDashboard.GrainType)]
public sealed class IntakeDashboardGrain(Programme programme, [PersistentState("state")] IPersistentState<IntakeHourState> state, GrainJournal journal)
    : ReadModelGrain<IntakeHourState>(programme.ReadModels.IntakeDashboard, state, journal.Store), IIntakeDashboardGrain;
