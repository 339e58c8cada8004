namespace Cases.Runtime;

/// <summary>Identifies one grain in the cluster as <c>type/key</c>, e.g. <c>applicant/P-110105199001011234</c>.</summary>
public readonly record struct GrainId
{
    [System.Text.Json.Serialization.JsonConstructor]
    public GrainId(string type, string key)
    {
        if (string.IsNullOrWhiteSpace(type) || type.Contains('/'))
            throw new ArgumentException("A grain type is a non-empty name without '/'.", nameof(type));
        if (string.IsNullOrWhiteSpace(key))
            throw new ArgumentException("A grain key must not be empty.", nameof(key));
        Type = type;
        Key = key;
    }

    public string Type { get; }

    public string Key { get; }

    /// <summary>The event stream that holds this grain's timeline.</summary>
    public string StreamId => $"{Type}/{Key}";

    /// <summary>Parses the <c>type/key</c> form; the key may itself contain '/'.</summary>
    public static GrainId Parse(string value)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == value.Length - 1)
            throw new FormatException($"'{value}' is not a grain id of the form type/key.");
        return new GrainId(value[..slash], value[(slash + 1)..]);
    }

    public override string ToString() => StreamId;
}
