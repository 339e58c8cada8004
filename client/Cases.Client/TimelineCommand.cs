using System.CommandLine;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Spectre.Console;

namespace Cases.Client;

/// <summary>`cases timeline type/key`: every event of a grain, page by page, as a table or as JSON lines.</summary>
public static class TimelineCommand
{
    /// <summary>How many events one page asks for.</summary>
    public const int PageSize = 500;

    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext cli)
    {
        var stream = StreamRef.Argument("stream", "The grain, e.g. applicant/P-1 or housing/P-1");
        var json = new Option<bool>("--json") { Description = "The same as --output json" };
        var output = OutputFormat.Create("table", "json");
        var reason = AccessReason.Create();
        var command = new Command("timeline", "Show every event of a grain's timeline, oldest first.") { stream, json, output, reason };
        command.WithExamples("cases timeline applicant/<applicant> --reason audit --token <auditor-token>", "cases timeline housing/<applicant> --output json --reason audit --token <auditor-token>");
        cli.SetAction(command, async (parse, silo, ct) =>
        {
            var target = parse.GetRequiredValue(stream);
            var headers = new RequestHeaders(cli.RequireToken(parse), parse.GetValue(reason));
            var events = ReadAllAsync(silo, target, headers, ct);
            if (parse.GetValue(json) || parse.GetValue(output) == "json")
            {
                // One line per event as it arrives, so a long timeline is never held in memory.
                await foreach (var e in events.ConfigureAwait(false))
                    cli.Console.Profile.Out.Writer.WriteLine(e.OneLine());
                cli.Console.Profile.Out.Writer.Flush();
                return ExitCodes.Success;
            }
            var table = EventTable.Create();
            var count = 0;
            await foreach (var e in events.ConfigureAwait(false))
            {
                EventTable.AddRow(table, e);
                count++;
            }
            cli.Console.Write(table);
            cli.Console.WriteLine($"{target}: {count} event(s).");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Reads the stream's events page after page until the silo says there are no more.</summary>
    public static async IAsyncEnumerable<JsonElement> ReadAllAsync(
        SiloClient silo, StreamRef stream, RequestHeaders headers, [EnumeratorCancellation] CancellationToken ct)
    {
        long from = 1;
        while (true)
        {
            var page = await silo.GetAsync($"audit/streams/{stream.Path}/events?fromVersion={from}&limit={PageSize}", headers, ct).ConfigureAwait(false);
            var events = page.Member("events") is { ValueKind: JsonValueKind.Array } array ? array : default;
            if (events.ValueKind != JsonValueKind.Array || events.GetArrayLength() == 0)
                yield break;
            foreach (var e in events.EnumerateArray())
                yield return e;
            // A next version that does not move forward would loop for ever; it ends the read instead.
            if (page.Member("nextFromVersion") is not { ValueKind: JsonValueKind.Number } next || next.GetInt64() <= from)
                yield break;
            from = next.GetInt64();
        }
    }
}
