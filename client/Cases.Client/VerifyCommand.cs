using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace Cases.Client;

/// <summary>`cases verify [type/key]`: recomputes hash chains (one stream, or the whole store) and exits 10 when history was altered.</summary>
public static class VerifyCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext cli)
    {
        var stream = StreamRef.Argument("stream", "One grain's stream; the whole store when omitted");
        stream.Arity = ArgumentArity.ZeroOrOne;
        var reason = AccessReason.Create();
        var output = OutputFormat.Create("table", "json");
        var command = new Command("verify", "Verify hash chains: one stream, or every stream in the store; exit 10 when any is broken.") { stream, reason, output };
        command.WithExamples("cases verify --token <auditor-token>", "cases verify applicant/<applicant> --token <auditor-token>");
        cli.SetAction(command, async (parse, silo, ct) =>
        {
            var target = parse.GetValue(stream);
            var headers = new RequestHeaders(cli.RequireToken(parse), parse.GetValue(reason));
            var answer = await silo.GetAsync(target is null ? "audit/verify" : $"audit/streams/{target.Path}/verify", headers, ct).ConfigureAwait(false);
            var broken = target is null
                ? answer.Member("broken") is { ValueKind: JsonValueKind.Array } list ? list.EnumerateArray().ToList() : []
                : answer.Member("intact")?.ValueKind == JsonValueKind.False ? [answer] : [];
            var intact = answer.Member("intact")?.ValueKind != JsonValueKind.False && broken.Count == 0;
            if (parse.GetValue(output) == "json")
            {
                ShowCommand.Write(cli, answer, "json");
                return intact ? ExitCodes.Success : ExitCodes.Tampered;
            }
            if (target is not null)
                cli.Console.WriteLine($"{answer.Text("stream") ?? target.ToString()}: {answer.Text("eventsChecked") ?? "?"} event(s) checked.");
            if (broken.Count > 0)
            {
                var table = new Table().Border(TableBorder.Rounded).AddColumns("Stream", "Broken at version", "Problem");
                foreach (var b in broken)
                    table.AddRow(new Text(b.Text("stream") ?? ""), new Text(b.Text("brokenAtVersion") ?? ""), new Text(b.Text("problem") ?? ""));
                cli.Console.Write(table);
            }
            if (intact)
                cli.Console.MarkupLine($"[green]intact[/]: {(target is null ? "every hash chain in the store" : "the hash chain")} matches its events.");
            else
                cli.Console.MarkupLine("[red]TAMPERED[/]: a stored event does not match its hash chain.");
            return intact ? ExitCodes.Success : ExitCodes.Tampered;
        });
        return command;
    }
}
