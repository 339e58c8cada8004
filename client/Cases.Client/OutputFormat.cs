using System.CommandLine;

namespace Cases.Client;

/// <summary>The --output option of reads: a table for people, JSON for scripts.</summary>
public static class OutputFormat
{
    /// <summary>A new --output option accepting the given formats; the first is the default.</summary>
    public static Option<string> Create(params string[] formats)
    {
        var option = new Option<string>("--output")
        {
            Description = $"{string.Join(", ", formats[..^1])} or {formats[^1]} (default {formats[0]})",
            HelpName = "format",
            DefaultValueFactory = _ => formats[0],
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }
}
