using Cases.Domain;
using Cases.Domain.Subsidies;
using Cases.Grains.Contracts;
using Cases.Grains.Journaling;
using Orleans;
using Orleans.Streams;

namespace Cases.Grains.Grains;

/// <summary>The Orleans grain of grain type "subsidy-program", hosting <see cref="SubsidyProgramDecider"/> over its journal stream.</summary>
[GrainType(SubsidyProgramDecider.Type)]
[ImplicitStreamSubscription(SubsidyProgramDecider.Type)] // a target of decision streams: deliveries arrive on the stream named like the grain
public sealed class SubsidyProgramGrain(Programme programme, GrainJournal journal)
    : DeciderGrain<SubsidyProgramState, ISubsidyProgramCommand, ISubsidyProgramEvent>(programme.SubsidyPrograms, programme.Rules.Calendar, journal), ISubsidyProgramGrain;
