using System.Text.Encodings.Web;
using System.Text.Json;

namespace Cases.Client;

/// <summary>Small helpers for reading the silo's JSON answers without binding them to types the silo owns.</summary>
public static class Json
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The member's value (case-insensitive name), or null when absent or JSON null.</summary>
    public static JsonElement? Member(this JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
            return null;
        foreach (var member in element.EnumerateObject())
        {
            if (member.NameEquals(name) || string.Equals(member.Name, name, StringComparison.OrdinalIgnoreCase))
                return member.Value.ValueKind == JsonValueKind.Null ? null : member.Value;
        }
        return null;
    }

    /// <summary>The member as text (strings unquoted, other values as JSON), or null.</summary>
    public static string? Text(this JsonElement element, string name) => element.Member(name) is { } value ? value.AsText() : null;

    /// <summary>A value as text: strings unquoted, everything else as compact JSON.</summary>
    public static string AsText(this JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : JsonSerializer.Serialize(value, Compact);

    /// <summary>The value as indented JSON.</summary>
    public static string Pretty(this JsonElement value) => JsonSerializer.Serialize(value, Indented);

    /// <summary>The value as one line of JSON.</summary>
    public static string OneLine(this JsonElement value) => JsonSerializer.Serialize(value, Compact);

    /// <summary>Whether the value looks like a stored event (the API's EventView).</summary>
    public static bool IsEvent(this JsonElement value) =>
        value.ValueKind == JsonValueKind.Object && value.Member("eventId") is not null && value.Member("type") is not null;
}
