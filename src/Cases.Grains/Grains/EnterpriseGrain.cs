using Cases.Domain;
using Cases.Domain.Enterprises;
using Cases.Grains.Contracts;
using Cases.Grains.Journaling;
using Orleans;
using Orleans.Streams;

namespace Cases.Grains.Grains;

/// <summary>The Orleans grain of grain type "enterprise", hosting <see cref="EnterpriseDecider"/> over its journal stream.</summary>
[GrainType(EnterpriseDecider.Type)]
[ImplicitStreamSubscription(EnterpriseDecider.Type)] // a target of decision streams: deliveries arrive on the stream named like the grain
public sealed class EnterpriseGrain(Programme programme, GrainJournal journal)
    : DeciderGrain<EnterpriseState, IEnterpriseCommand, IEnterpriseEvent>(programme.Enterprises, programme.Rules.Calendar, journal), IEnterpriseGrain;
