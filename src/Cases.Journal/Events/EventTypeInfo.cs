using System.Text.Json.Nodes;

namespace Cases.Journal.Events;

/// <summary>One registered event type with the upcasters that lift its older payloads to the current schema.</summary>
public sealed class EventTypeInfo(Type clrType, string name, int schemaVersion)
{
    private readonly Dictionary<int, Func<JsonObject, JsonObject>> _upcasters = [];

    public Type ClrType { get; } = clrType;

    public string Name { get; } = name;

    public int SchemaVersion { get; } = schemaVersion;

    /// <summary>Adds the step that turns a payload of <paramref name="fromVersion"/> into one of the next version.</summary>
    public EventTypeInfo UpcastFrom(int fromVersion, Func<JsonObject, JsonObject> step)
    {
        if (fromVersion < 1 || fromVersion >= SchemaVersion)
            throw new ArgumentOutOfRangeException(nameof(fromVersion), $"'{Name}' is at schema {SchemaVersion}; an upcaster starts below it.");
        _upcasters.Add(fromVersion, step);
        return this;
    }

    internal JsonObject Upcast(JsonObject payload, int storedVersion)
    {
        if (storedVersion > SchemaVersion)
            throw new InvalidOperationException($"Stored '{Name}' has schema {storedVersion}, newer than this build's {SchemaVersion}.");
        for (var v = storedVersion; v < SchemaVersion; v++)
        {
            if (!_upcasters.TryGetValue(v, out var step))
                throw new InvalidOperationException($"No upcaster for '{Name}' from schema {v} to {v + 1}.");
            payload = step(payload);
        }
        return payload;
    }
}
