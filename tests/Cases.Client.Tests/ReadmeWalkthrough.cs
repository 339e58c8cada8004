using System.Text;
using System.Text.RegularExpressions;

namespace Cases.Client.Tests;

/// <summary>The `cases` lines of README's ```sh walkthrough blocks, in order, split into arguments as a shell splits them (double quotes only).</summary>
public static partial class ReadmeWalkthrough
{
    /// <summary>The repository root: the nearest folder above the test assembly holding Cases.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cases.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No Cases.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>Each walkthrough line starting with `cases `, without the `cases` word, split into arguments.</summary>
    public static IReadOnlyList<string[]> Commands(string readme)
    {
        var commands = new List<string[]>();
        foreach (Match block in WalkthroughBlock().Matches(readme))
        {
            foreach (var line in block.Groups["body"].Value.Split('\n').Select(l => l.TrimEnd('\r')))
            {
                if (line.StartsWith("cases ", StringComparison.Ordinal))
                    commands.Add([.. Split(line["cases ".Length..])]);
            }
        }
        return commands;
    }

    /// <summary>Splits on spaces outside double quotes; quotes group and are removed (the only shell syntax README's lines use).</summary>
    public static IEnumerable<string> Split(string line)
    {
        var current = new StringBuilder();
        var quoted = false;
        var any = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
                any = true;
            }
            else if (c == ' ' && !quoted)
            {
                if (any || current.Length > 0)
                    yield return current.ToString();
                current.Clear();
                any = false;
            }
            else
            {
                current.Append(c);
            }
        }
        if (quoted)
            throw new FormatException($"Unbalanced quote in README walkthrough line: {line}");
        if (any || current.Length > 0)
            yield return current.ToString();
    }

    [GeneratedRegex(@"^```sh walkthrough\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex WalkthroughBlock();
}
