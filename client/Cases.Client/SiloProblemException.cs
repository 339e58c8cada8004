using System.Text.Json;

namespace Cases.Client;

/// <summary>The silo answered with an error status; holds what its ProblemDetails body said (title, detail, code, field errors).</summary>
public sealed class SiloProblemException(int status, string? title, string? detail, string? code, IReadOnlyDictionary<string, string[]> errors, JsonElement? body)
    : Exception(Describe(status, title, detail, code))
{
    /// <summary>The HTTP status code.</summary>
    public int Status { get; } = status;

    /// <summary>The problem's title, e.g. "Not found.".</summary>
    public string? Title { get; } = title;

    /// <summary>The problem's detail: what exactly was wrong.</summary>
    public string? Detail { get; } = detail;

    /// <summary>The stable problem code the silo sets, e.g. "not-found" or "already-registered".</summary>
    public string? Code { get; } = code;

    /// <summary>Validation errors by field, empty when there are none.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    /// <summary>The whole problem body when it was JSON, for extensions such as caseId.</summary>
    public JsonElement? Body { get; } = body;

    /// <summary>Reads a ProblemDetails body; any other body still yields an exception that names the status.</summary>
    public static SiloProblemException From(int status, string? reason, string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
                if (root.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object)
                {
                    foreach (var field in e.EnumerateObject())
                        errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                            ? field.Value.EnumerateArray().Select(m => m.ToString()).ToArray()
                            : [field.Value.ToString()];
                }
                return new SiloProblemException(status, Text(root, "title") ?? reason, Text(root, "detail"), Text(root, "code"), errors, root.Clone());
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, an empty 401): the status and reason still say what happened.
        }
        return new SiloProblemException(status, reason, null, null, new Dictionary<string, string[]>(), null);
    }

    /// <summary>An extension member of the problem body as text, e.g. "caseId".</summary>
    public string? Extension(string name) => Body is { ValueKind: JsonValueKind.Object } body ? Text(body, name) : null;

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) ? value.ToString() : null;

    private static string Describe(int status, string? title, string? detail, string? code)
    {
        var text = $"{status} {title}".TrimEnd();
        if (!string.IsNullOrWhiteSpace(detail))
            text += $" {detail}";
        return code is null ? text : $"{text} ({code})";
    }
}
