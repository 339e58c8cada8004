using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cases.Journal.Events;

/// <summary>Maps a grain's event records to stored type names and schema versions, and upcasts old payloads on load.</summary>
public sealed class EventTypeRegistry<TEvent> where TEvent : notnull
{
    private readonly Dictionary<Type, EventTypeInfo> _byClr = [];
    private readonly Dictionary<string, EventTypeInfo> _byName = new(StringComparer.Ordinal);
    private readonly JsonSerializerOptions _json;

    public EventTypeRegistry(JsonSerializerOptions json) => _json = json;

    /// <summary>Registers an event record under a stable name (defaults to the record's name) and its current schema version.</summary>
    public EventTypeInfo Add<T>(string? name = null, int schemaVersion = 1) where T : TEvent
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(schemaVersion, 1);
        var info = new EventTypeInfo(typeof(T), name ?? typeof(T).Name, schemaVersion);
        if (!_byName.TryAdd(info.Name, info))
            throw new InvalidOperationException($"Event type name '{info.Name}' is registered twice.");
        _byClr.Add(typeof(T), info);
        return info;
    }

    /// <summary>Every registered stored name.</summary>
    public IReadOnlyCollection<string> Names => _byName.Keys;

    /// <summary>The stored name of a registered event record.</summary>
    public string NameOf<T>() where T : TEvent =>
        _byClr.TryGetValue(typeof(T), out var info) ? info.Name : throw new InvalidOperationException($"Event {typeof(T).Name} is not registered.");

    /// <summary>The stored name, schema version and JSON payload of an event.</summary>
    public (string Name, int SchemaVersion, string Payload) Serialize(TEvent e)
    {
        if (!_byClr.TryGetValue(e.GetType(), out var info))
            throw new InvalidOperationException($"Event {e.GetType().Name} is not registered; add it in the decider's RegisterEvents.");
        return (info.Name, info.SchemaVersion, JsonSerializer.Serialize(e, info.ClrType, _json));
    }

    /// <summary>Reads a stored event, upcasting its payload from the stored schema version to the current one.</summary>
    public TEvent Deserialize(string name, int schemaVersion, string payload)
    {
        if (!_byName.TryGetValue(name, out var info))
            throw new InvalidOperationException($"Stored event type '{name}' is not registered.");
        if (schemaVersion == info.SchemaVersion)
            return (TEvent)JsonSerializer.Deserialize(payload, info.ClrType, _json)!;
        var node = JsonNode.Parse(payload)?.AsObject()
            ?? throw new InvalidOperationException($"Stored '{name}' payload is not a JSON object.");
        var upcast = info.Upcast(node, schemaVersion);
        return (TEvent)upcast.Deserialize(info.ClrType, _json)!;
    }
}
