using Cases.Domain;
using Cases.Domain.Housing;
using Cases.Grains.Contracts;
using Cases.Grains.Journaling;
using Orleans;
using Orleans.Streams;

namespace Cases.Grains.Grains;

/// <summary>The Orleans grain of grain type "housing-office", hosting <see cref="HousingOfficeDecider"/> over its journal stream.</summary>
[GrainType(HousingOfficeDecider.Type)]
[ImplicitStreamSubscription(HousingOfficeDecider.Type)] // a target of decision streams: deliveries arrive on the stream named like the grain
public sealed class HousingOfficeGrain(Programme programme, GrainJournal journal)
    : DeciderGrain<HousingOfficeState, IHousingOfficeCommand, IHousingOfficeEvent>(programme.HousingOffices, programme.Rules.Calendar, journal), IHousingOfficeGrain;
