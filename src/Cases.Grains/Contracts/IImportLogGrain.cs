using Cases.Domain.Imports;

namespace Cases.Grains.Contracts;

/// <summary>The record of one import request: its admin, source, digest and report; keyed by the import's id.</summary>
public interface IImportLogGrain : IDeciderGrain<ImportLogState, RecordImport>;
