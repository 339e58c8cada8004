using System.Text.Json;
using Cases.Journal.Events;
using Cases.Grains.Contracts;

namespace Cases.Silo.Api;

/// <summary>What a client hears back from an accepted command: the grain, its new version, and the events it recorded.</summary>
public sealed record CommandAnswer(string Grain, long Version, bool Retry, IReadOnlyList<EventView> Events)
{
    public static CommandAnswer From(CommandResult result) =>
        new(result.Grain.ToString(), result.Version, result.IsRetry, result.Events.Select(EventView.From).ToList());
}

/// <summary>A stored event as the API shows it, with its envelope and its payload as JSON.</summary>
public sealed record EventView(
    Guid EventId,
    string Stream,
    long Version,
    long Position,
    string Type,
    int SchemaVersion,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    string Actor,
    string CommandId,
    string? CausationId,
    string CorrelationId,
    string Hash,
    JsonElement Payload)
{
    public static EventView From(StoredEvent e)
    {
        using var payload = JsonDocument.Parse(e.Payload);
        return new(e.EventId, e.StreamId, e.Version, e.Position, e.EventType, e.SchemaVersion, e.OccurredAt, e.RecordedAt,
            e.Actor, e.CommandId, e.CausationId, e.CorrelationId, Convert.ToHexStringLower(e.Hash), payload.RootElement.Clone());
    }
}

/// <summary>A grain's state as the API shows it.</summary>
public sealed record StateView<TState>(string Grain, long Version, TState State);
