namespace Cases.Journal.Events;

/// <summary>An event decided but not yet stored: the store adds version, position, recorded-at and hash.</summary>
public sealed record PendingEvent(
    Guid EventId,
    string EventType,
    int SchemaVersion,
    string Payload,
    DateTimeOffset OccurredAt,
    string Actor,
    string CommandId,
    string? CausationId,
    string CorrelationId);
