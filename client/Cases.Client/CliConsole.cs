using Spectre.Console;

namespace Cases.Client;

/// <summary>The consoles the real process writes to: data on standard output, errors on standard error.</summary>
public static class CliConsole
{
    /// <summary>Standard output, with colours and 80-column wrapping only on a terminal: pipes and logs get one line per message.</summary>
    public static IAnsiConsole Create() => Create(Console.Out, Console.IsOutputRedirected);

    /// <summary>Standard error, where every error and warning goes, so a redirected standard output holds only data.</summary>
    public static IAnsiConsole CreateError() => Create(Console.Error, Console.IsErrorRedirected);

    private static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Out = new AnsiConsoleOutput(writer),
        });
        if (redirected)
            console.Profile.Width = 1024;
        return console;
    }
}
