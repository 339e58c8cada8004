using Orleans;

namespace Cases.Domain.Deciders;

/// <summary>Identifies one grain as <c>type/key</c>, e.g. <c>applicant/P-110105199001011234</c>; also its timeline's stream id.</summary>
[GenerateSerializer, Immutable, Alias("cases.GrainKey")]
public readonly record struct GrainKey
{
    [System.Text.Json.Serialization.JsonConstructor]
    public GrainKey(string type, string key)
    {
        if (string.IsNullOrWhiteSpace(type) || type.Contains('/'))
            throw new ArgumentException("A grain type is a non-empty name without '/'.", nameof(type));
        if (string.IsNullOrWhiteSpace(key))
            throw new ArgumentException("A grain key must not be empty.", nameof(key));
        Type = type;
        Key = key;
    }

    [Id(0)]
    public string Type { get; }

    [Id(1)]
    public string Key { get; }

    /// <summary>The event stream that holds this grain's timeline.</summary>
    public string StreamId => $"{Type}/{Key}";

    /// <summary>Parses the <c>type/key</c> form; the key may itself contain '/'.</summary>
    public static GrainKey Parse(string value)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == value.Length - 1)
            throw new FormatException($"'{value}' is not a grain key of the form type/key.");
        return new GrainKey(value[..slash], value[(slash + 1)..]);
    }

    public override string ToString() => StreamId;
}
