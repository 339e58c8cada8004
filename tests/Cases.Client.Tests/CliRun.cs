using Spectre.Console;

namespace Cases.Client.Tests;

/// <summary>Runs the cases CLI in-process with a captured, colourless console and a given environment.</summary>
public sealed record CliRun(int ExitCode, string Output)
{
    /// <summary>Runs the arguments; the environment holds only the given variables, never the machine's CASES_URL.</summary>
    public static async Task<CliRun> RunAsync(string[] args, HttpMessageHandler? handler = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        // Wide enough that no path or message is wrapped.
        console.Profile.Width = 400;
        var code = await CliApp.RunAsync(args, console, handler, name => environment?.GetValueOrDefault(name));
        return new CliRun(code, output.ToString());
    }
}
