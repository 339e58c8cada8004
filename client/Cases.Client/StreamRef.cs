using System.CommandLine;

namespace Cases.Client;

/// <summary>A grain's stream named on the command line as type/key, e.g. applicant/P-1 or housing/P-1.</summary>
public sealed record StreamRef(string Type, string Key)
{
    /// <summary>The stream as the path segments type/key, each escaped.</summary>
    public string Path => $"{Uri.EscapeDataString(Type)}/{Uri.EscapeDataString(Key)}";

    public override string ToString() => $"{Type}/{Key}";

    /// <summary>Parses type/key; null when either part is missing.</summary>
    public static StreamRef? TryParse(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && slash < text.Length - 1 && text.IndexOf('/', slash + 1) < 0
            ? new StreamRef(text[..slash], text[(slash + 1)..])
            : null;
    }

    /// <summary>A positional argument that parses type/key and reports a usage error otherwise.</summary>
    public static Argument<StreamRef> Argument(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "type/key",
        CustomParser = r =>
        {
            var text = r.Tokens[0].Value;
            if (TryParse(text) is { } stream)
                return stream;
            r.AddError($"'{text}' is not a stream; expected type/key, e.g. applicant/P-1 or housing/P-1.");
            return null;
        },
    };
}
