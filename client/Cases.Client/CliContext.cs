using System.CommandLine;
using Spectre.Console;

namespace Cases.Client;

/// <summary>What every command shares: the connection and token options, the console, the HTTP handler, and one way of reporting failures.</summary>
public sealed class CliContext
{
    /// <summary>The environment variable that supplies the token when --token is not given.</summary>
    public const string TokenVariable = "CASES_TOKEN";

    private readonly Func<string, string?> _environment;

    /// <summary>Creates the shared options; defaults are read through the environment lookup.</summary>
    public CliContext(IAnsiConsole console, IAnsiConsole error, HttpMessageHandler? handler, Func<string, string?> environment)
    {
        Console = console;
        Error = error;
        Handler = handler;
        _environment = environment;
        Connection = new ConnectionOptions(environment);
        Token = new Option<string?>("--token")
        {
            Description = $"A bearer token (applicant, officer, auditor, operator or admin); ${TokenVariable} is used when it is not given",
            HelpName = "token",
            Recursive = true,
        };
    }

    /// <summary>Where data goes (standard output).</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Where errors go (standard error), so they never end up in a redirected export.</summary>
    public IAnsiConsole Error { get; }

    /// <summary>The HTTP handler for tests; null for real sockets.</summary>
    public HttpMessageHandler? Handler { get; }

    /// <summary>The --url and --timeout options.</summary>
    public ConnectionOptions Connection { get; }

    /// <summary>The --token option.</summary>
    public Option<string?> Token { get; }

    /// <summary>The token from --token, else from CASES_TOKEN (read here, not as the option's default, so help never prints it); null when neither is set.</summary>
    public string? TokenOf(ParseResult parse) =>
        parse.GetValue(Token) is { Length: > 0 } token ? token : _environment(TokenVariable) is { Length: > 0 } variable ? variable : null;

    /// <summary>The token, or a <see cref="CliInputException"/> saying how to give one.</summary>
    public string RequireToken(ParseResult parse) =>
        TokenOf(parse) is { } token
            ? token
            : throw new CliInputException(
                $"this command needs a token: pass --token <token> or set {TokenVariable} (the silo logs dev tokens at start; an admin issues others with `cases token issue`).",
                ExitCodes.Unauthenticated);

    /// <summary>Runs the action with a client for the silo; problems, unreachable silos and bad input become a message and their exit code.</summary>
    public void SetAction(Command command, Func<ParseResult, SiloClient, CancellationToken, Task<int>> action)
    {
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                using var silo = Connection.CreateClient(parse, Handler);
                return await action(parse, silo, ct).ConfigureAwait(false);
            }
            catch (SiloProblemException problem)
            {
                ProblemView.Render(Error, problem);
                return ExitCodes.ForStatus(problem.Status);
            }
            catch (SiloUnreachableException e)
            {
                Error.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
                return ExitCodes.Unreachable;
            }
            catch (CliInputException e)
            {
                Error.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
                return e.ExitCode;
            }
        });
    }
}
