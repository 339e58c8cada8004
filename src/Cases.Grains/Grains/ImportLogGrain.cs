using Cases.Domain;
using Cases.Domain.Imports;
using Cases.Grains.Contracts;
using Cases.Grains.Journaling;
using Orleans;

namespace Cases.Grains.Grains;

/// <summary>The Orleans grain of grain type "import", hosting <see cref="ImportLogDecider"/> over its journal stream.</summary>
[GrainType(ImportLogDecider.Type)]
public sealed class ImportLogGrain(Programme programme, GrainJournal journal)
    : DeciderGrain<ImportLogState, RecordImport, ImportRecorded>(programme.ImportLogs, programme.Rules.Calendar, journal), IImportLogGrain;
