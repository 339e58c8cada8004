using Spectre.Console;

namespace Cases.Client.Tests;

/// <summary>Runs the cases CLI in-process with captured, colourless standard output and standard error and a given environment.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>Runs the arguments; the environment holds only the given variables, never the machine's CASES_URL.</summary>
    public static async Task<CliRun> RunAsync(string[] args, HttpMessageHandler? handler = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, Console(output), handler, name => environment?.GetValueOrDefault(name), error: Console(error));
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Error}";

    private static IAnsiConsole Console(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        // Wide enough that no path or message is wrapped.
        console.Profile.Width = 400;
        return console;
    }
}
