using Spectre.Console;

namespace Cases.Client;

/// <summary>The console the real process writes to.</summary>
public static class CliConsole
{
    /// <summary>Standard output, with colours and 80-column wrapping only on a terminal: pipes and logs get one line per message.</summary>
    public static IAnsiConsole Create()
    {
        var redirected = Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Out = new AnsiConsoleOutput(Console.Out),
        });
        if (redirected)
            console.Profile.Width = 1024;
        return console;
    }
}
