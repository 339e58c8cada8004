using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Runtime.CompilerServices;

namespace Cases.Client;

/// <summary>Examples per command, and the help action that prints them and the exit codes after System.CommandLine's own help.</summary>
public static class CliHelp
{
    private static readonly ConditionalWeakTable<Command, string[]> ExamplesOf = new();

    /// <summary>The exit codes as `cases --help` and every command's help list them.</summary>
    public static readonly (int Code, string Meaning)[] ExitCodeList =
    [
        (ExitCodes.Success, "success"),
        (ExitCodes.Unhealthy, "the silo is Degraded or Unhealthy (health)"),
        (ExitCodes.Unreachable, "the silo cannot be reached, timed out, or is not a Cases silo"),
        (ExitCodes.Invalid, "the silo refused the request as malformed or invalid (400, 422)"),
        (ExitCodes.Unauthenticated, "no token, or the silo did not accept it (401)"),
        (ExitCodes.Forbidden, "the token's role or subject may not do this (403)"),
        (ExitCodes.NotFound, "no such case, stream or event (404)"),
        (ExitCodes.Conflict, "the request conflicts with the case's state (409), or show --until gave up"),
        (ExitCodes.Unavailable, "overloaded or store down (429, 503); retry later"),
        (ExitCodes.ServerError, "the silo failed (other 5xx) or answered unexpectedly"),
        (ExitCodes.Tampered, "verify found a hash chain that does not match its events"),
        (ExitCodes.LoadErrors, "load finished but some requests failed"),
        (ExitCodes.ImportRefusals, "import finished but some rows were refused"),
        (ExitCodes.ReadModelsDiffer, "read-models rebuild --compare-only found partitions that differ"),
        (ExitCodes.Usage, "the command line itself was wrong"),
    ];

    /// <summary>Attaches example command lines to the command; returns the command for chaining.</summary>
    public static Command WithExamples(this Command command, params string[] examples)
    {
        ExamplesOf.AddOrUpdate(command, examples);
        return command;
    }

    /// <summary>The examples attached to the command (empty when none).</summary>
    public static IReadOnlyList<string> Examples(Command command) => ExamplesOf.TryGetValue(command, out var e) ? e : [];

    /// <summary>Replaces the root's help action with one that adds Examples and Exit codes sections.</summary>
    public static void Install(RootCommand root)
    {
        foreach (var option in root.Options)
        {
            if (option is HelpOption { Action: HelpAction inner } help)
                help.Action = new ExamplesHelpAction(inner);
        }
    }

    private sealed class ExamplesHelpAction(HelpAction inner) : SynchronousCommandLineAction
    {
        // As System.CommandLine's own help: `cases decide --help` is help, not a missing-argument error.
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var code = inner.Invoke(parseResult);
            var output = parseResult.InvocationConfiguration.Output;
            var examples = Examples(parseResult.CommandResult.Command);
            if (examples.Count > 0)
            {
                output.WriteLine("Examples:");
                foreach (var example in examples)
                    output.WriteLine($"  {example}");
                output.WriteLine();
            }
            output.WriteLine("Exit codes:");
            foreach (var (exit, meaning) in ExitCodeList)
                output.WriteLine($"  {exit,-4}{meaning}");
            output.WriteLine();
            return code;
        }
    }
}
