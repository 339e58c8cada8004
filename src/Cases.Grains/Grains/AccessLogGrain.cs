using Cases.Domain;
using Cases.Domain.Audit;
using Cases.Grains.Contracts;
using Cases.Grains.Journaling;
using Orleans;

namespace Cases.Grains.Grains;

/// <summary>The Orleans grain of grain type "accesslog", hosting <see cref="AccessLogDecider"/> over its journal stream.</summary>
[GrainType(AccessLogDecider.Type)]
public sealed class AccessLogGrain(Programme programme, GrainJournal journal)
    : DeciderGrain<AccessLogState, RecordAccess, PersonalDataAccessed>(programme.AccessLogs, programme.Rules.Calendar, journal), IAccessLogGrain;
