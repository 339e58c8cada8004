using Cases.Domain;
using Cases.Domain.Parks;
using Cases.Grains.Contracts;
using Cases.Grains.Journaling;
using Orleans;
using Orleans.Streams;

namespace Cases.Grains.Grains;

/// <summary>The Orleans grain of grain type "park", hosting <see cref="ParkDecider"/> over its journal stream.</summary>
[GrainType(ParkDecider.Type)]
[ImplicitStreamSubscription(ParkDecider.Type)] // a target of decision streams: deliveries arrive on the stream named like the grain
public sealed class ParkGrain(Programme programme, GrainJournal journal)
    : DeciderGrain<ParkState, IParkCommand, IParkEvent>(programme.Parks, programme.Rules.Calendar, journal), IParkGrain;
