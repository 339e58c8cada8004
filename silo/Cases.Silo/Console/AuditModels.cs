using Cases.Domain.ReadModels;
using Cases.Journal.Events;

namespace Cases.Silo.WebConsole;

/// <summary>The audit page: the case, the reason given, its timeline, the state as of an instant, a trace and a verification.</summary>
/// <param name="AccessLogOf">The applicant whose access log the page links to (an applicant's case shown to an auditor or admin), or null.</param>
/// <param name="Causes">The timeline's causes that are events of this log, by id, as the causation index holds them.</param>
public sealed record AuditModel(
    string Type, string Key, string? Reason, string? AsOfText, string? Message, bool MayVerify,
    IReadOnlyList<TimelineRow> Timeline, StateShown? State, IReadOnlyList<TraceNode>? Trace, ChainVerification? Verification,
    string? AccessLogOf = null, IReadOnlyDictionary<Guid, IndexedEvent>? Causes = null);

/// <summary>A replayed state: the version and instant it reflects, and the state as indented JSON.</summary>
public sealed record StateShown(DateTimeOffset AsOf, long Version, DateTimeOffset LastRecordedAt, string Json);

/// <summary>One event of a causation chain: its place (cause, traced, effect at a depth) and the case it belongs to.</summary>
public sealed record TraceNode(string Role, int Depth, string StreamId, long Version, string EventType, Guid EventId, DateTimeOffset RecordedAt);

/// <summary>The access log page: who read an applicant's personal data, when, why and what.</summary>
public sealed record AccessLogModel(string ApplicantKey, IReadOnlyList<Cases.Domain.Audit.PersonalDataAccessed> Records);

/// <summary>What a timeline shows of an event's cause: its text, and the link to its trace when the cause is an event of this log.</summary>
public sealed record CauseLink(string Text, string? Href);
