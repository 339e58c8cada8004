using System.CommandLine;
using Cases.Client.Load;
using Spectre.Console;

namespace Cases.Client;

/// <summary>Builds the cases command tree and runs it against injectable consoles, HTTP handler and environment.</summary>
public static class CliApp
{
    /// <summary>The root command with every subcommand; data goes to the console, errors to the error console, HTTP through the handler if given.</summary>
    public static RootCommand Build(IAnsiConsole console, HttpMessageHandler? handler = null, Func<string, string?>? environment = null, IAnsiConsole? error = null)
    {
        var cli = new CliContext(console, error ?? console, handler, environment ?? Environment.GetEnvironmentVariable);
        var root = new RootCommand("Cases: work with a Cases silo from the command line.");
        root.Add(cli.Connection.Url);
        root.Add(cli.Connection.Timeout);
        root.Add(cli.Token);
        root.Add(HealthCommand.Create(cli.Connection, console, cli.Error, handler));
        root.Add(TokenCommand.Create(cli));
        root.Add(SubmitCommand.Create(cli));
        root.Add(ApplicantCommand.Create(cli));
        root.Add(DecideCommand.Create(cli));
        root.Add(HousingCommand.Create(cli));
        root.Add(EnterpriseCommand.Create(cli));
        root.Add(ProgrammeCommand.Create(cli));
        root.Add(ShowCommand.Create(cli));
        root.Add(TimelineCommand.Create(cli));
        root.Add(AsOfCommand.Create(cli));
        root.Add(TraceCommand.Create(cli));
        root.Add(QueueCommand.Create(cli));
        root.Add(ReadModelsCommand.Create(cli));
        root.Add(VerifyCommand.Create(cli));
        root.Add(ExportCommand.Create(cli));
        root.Add(AccessCommand.Create(cli));
        root.Add(SearchCommand.Create(cli));
        root.Add(ParkCommand.Create(cli));
        root.Add(LoanCommand.Create(cli));
        root.Add(LoadCommand.Create(cli));
        root.Add(ImportCommand.Create(cli));
        root.Add(CompletionCommand.Create(cli));
        CliHelp.Install(root);
        return root;
    }

    /// <summary>Parses and runs the arguments; returns the process exit code (see <see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(
        string[] args,
        IAnsiConsole console,
        HttpMessageHandler? handler = null,
        Func<string, string?>? environment = null,
        CancellationToken ct = default,
        IAnsiConsole? error = null)
    {
        error ??= console;
        // No response files: `@3` is a version (cases as-of … @3), never a file of arguments.
        var parse = Build(console, handler, environment, error).Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        // Help goes to standard output (it was asked for); parse errors to standard error with the other errors.
        using var output = new AnsiConsoleWriter(console);
        using var errors = new AnsiConsoleWriter(error);
        var code = await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = errors }, ct).ConfigureAwait(false);
        return parse.Errors.Count > 0 ? ExitCodes.Usage : code;
    }
}
