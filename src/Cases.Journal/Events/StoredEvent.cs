using Orleans;

namespace Cases.Journal.Events;

/// <summary>An event as the store holds it: the envelope of DESIGN.md with its place in the stream, the global log and the hash chain.</summary>
[GenerateSerializer, Immutable, Alias("cases.StoredEvent")]
public sealed record StoredEvent(
    string StreamId,
    long Version,
    long Position,
    Guid EventId,
    string EventType,
    int SchemaVersion,
    string Payload,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    string Actor,
    string CommandId,
    string? CausationId,
    string CorrelationId,
    byte[] Hash);
