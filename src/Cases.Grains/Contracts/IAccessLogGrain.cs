using Cases.Domain.Audit;

namespace Cases.Grains.Contracts;

/// <summary>The record of staff reads of one applicant's personal data, with their reasons; keyed by the grain key of its "access-log" stream.</summary>
public interface IAccessLogGrain : IDeciderGrain<AccessLogState, RecordAccess>;
