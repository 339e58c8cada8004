using System.CommandLine;
using Cases.Client.Load;
using Spectre.Console;

namespace Cases.Client;

/// <summary>Builds the cases command tree and runs it against an injectable console, HTTP handler and environment.</summary>
public static class CliApp
{
    /// <summary>The root command with every subcommand; output goes to the console, HTTP through the handler if given.</summary>
    public static RootCommand Build(IAnsiConsole console, HttpMessageHandler? handler = null, Func<string, string?>? environment = null)
    {
        var cli = new CliContext(console, handler, environment ?? Environment.GetEnvironmentVariable);
        var root = new RootCommand("Cases: work with a Cases silo from the command line.");
        root.Add(cli.Connection.Url);
        root.Add(cli.Connection.Timeout);
        root.Add(cli.Token);
        root.Add(HealthCommand.Create(cli.Connection, console, handler));
        root.Add(SubmitCommand.Create(cli));
        root.Add(DecideCommand.Create(cli));
        root.Add(ShowCommand.Create(cli));
        root.Add(TimelineCommand.Create(cli));
        root.Add(AsOfCommand.Create(cli));
        root.Add(TraceCommand.Create(cli));
        root.Add(VerifyCommand.Create(cli));
        root.Add(ExportCommand.Create(cli));
        root.Add(ParkCommand.Create(cli));
        root.Add(LoanCommand.Create(cli));
        root.Add(LoadCommand.Create(cli));
        root.Add(ImportCommand.Create(cli));
        return root;
    }

    /// <summary>Parses and runs the arguments; returns the process exit code (see <see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(
        string[] args,
        IAnsiConsole console,
        HttpMessageHandler? handler = null,
        Func<string, string?>? environment = null,
        CancellationToken ct = default)
    {
        var parse = Build(console, handler, environment).Parse(args);
        // Help and parse errors go to the same console as everything else, so tests and pipes see them.
        using var writer = new AnsiConsoleWriter(console);
        var code = await parse.InvokeAsync(new InvocationConfiguration { Output = writer, Error = writer }, ct).ConfigureAwait(false);
        return parse.Errors.Count > 0 ? ExitCodes.Usage : code;
    }
}
