using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace Cases.Client;

/// <summary>`cases trace eventId`: an event with what caused it and what it caused, across grains (auditor).</summary>
public static class TraceCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext cli)
    {
        var eventId = new Argument<string>("event")
        {
            Description = "The event's id (a GUID, as timeline shows it), or its stream and version, e.g. applicant/<applicant>@4",
            Validators =
            {
                r =>
                {
                    var text = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
                    if (!Guid.TryParse(text, out _) && EventAt.TryParse(text) is null)
                        r.AddError($"'{text}' is not an event; expected its id (a GUID) or type/key@version, e.g. applicant/P-1@4.");
                },
            },
        };
        var reason = AccessReason.Create();
        var output = OutputFormat.Create("table", "json");
        var command = new Command("trace", "Follow a decision across grains: the event, its causes and its effects.") { eventId, reason, output };
        command.WithExamples(
            "cases trace applicant/<applicant>@4 --reason \"why was housing allocated\" --token <auditor-token>",
            "cases trace <event> --reason audit --token <auditor-token>");
        cli.SetAction(command, async (parse, silo, ct) =>
        {
            var headers = new RequestHeaders(cli.RequireToken(parse), parse.GetValue(reason));
            var text = parse.GetRequiredValue(eventId);
            var id = Guid.TryParse(text, out var guid)
                ? guid.ToString()
                : EventAt.TryParse(text) is var (stream, version)
                    ? (await EventAt.ReadAsync(silo, stream, version, headers, ct).ConfigureAwait(false)).Text("eventId")
                    : text;
            var trace = await silo.GetAsync($"audit/events/{id}/trace", headers, ct).ConfigureAwait(false);
            if (parse.GetValue(output) == "json")
                ShowCommand.Write(cli, trace, "json");
            else
                Render(cli, trace);
            return ExitCodes.Success;
        });
        return command;
    }

    // One table, in causal order: causes from the root down, the event, then its effects with their depth.
    private static void Render(CliContext cli, JsonElement trace)
    {
        if (trace.Member("event") is not { } traced)
        {
            AnswerView.Render(cli.Console, trace);
            return;
        }
        var table = EventTable.Create("Relation", "Depth");
        var causes = trace.Member("causes") is { ValueKind: JsonValueKind.Array } c ? c.EnumerateArray().ToList() : [];
        foreach (var (cause, i) in causes.Select((e, i) => (e, i)))
            EventTable.AddRow(table, cause, "cause", (i - causes.Count).ToString(System.Globalization.CultureInfo.InvariantCulture));
        EventTable.AddRow(table, traced, "event", "0");
        var effects = trace.Member("effects") is { ValueKind: JsonValueKind.Array } f ? f.EnumerateArray().ToList() : [];
        foreach (var effect in effects)
            EventTable.AddRow(table, effect.Member("event") ?? effect, "effect", effect.Text("depth") ?? "");
        cli.Console.Write(table);
        cli.Console.WriteLine($"{causes.Count} cause(s), {effects.Count} effect(s).");
    }
}
