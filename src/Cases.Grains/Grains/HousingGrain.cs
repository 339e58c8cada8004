using Cases.Domain;
using Cases.Domain.Housing;
using Cases.Grains.Contracts;
using Cases.Grains.Journaling;
using Orleans;
using Orleans.Streams;

namespace Cases.Grains.Grains;

/// <summary>The Orleans grain of grain type "housing", hosting <see cref="HousingDecider"/> over its journal stream.</summary>
[GrainType(HousingDecider.Type)]
[ImplicitStreamSubscription(HousingDecider.Type)] // a target of decision streams: deliveries arrive on the stream named like the grain
public sealed class HousingGrain(Programme programme, GrainJournal journal)
    : DeciderGrain<HousingState, IHousingCommand, IHousingEvent>(programme.Housing, programme.Rules.Calendar, journal), IHousingGrain;
