using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace Cases.Client;

/// <summary>`cases queue`: the applications awaiting an officer, oldest first, by kind and district (officer, auditor, admin).</summary>
public static class QueueCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext cli)
    {
        var kind = new Option<string?>("--kind") { Description = "Only one kind of application" };
        kind.AcceptOnlyFromAmong("permit", "household-registration");
        var district = new Option<string?>("--district") { Description = "Only applicants of this home district, e.g. haidian" };
        var after = new Option<long>("--after") { Description = "Start after this log position (the nextAfter a page printed)", DefaultValueFactory = _ => 0 };
        var limit = new Option<int>("--limit") { Description = "Applications per page (1-200)", DefaultValueFactory = _ => 20 };
        var reason = AccessReason.Create();
        var output = OutputFormat.Create("table", "json");
        var command = new Command("queue", "List the applications that passed their rules and await an officer, oldest first.") { kind, district, after, limit, reason, output };
        command.WithExamples(
            "cases queue --reason \"morning review\" --token <officer-token>",
            "cases queue --kind household-registration --district haidian --limit 50 --reason \"district review\" --token <officer-token>");
        cli.SetAction(command, async (parse, silo, ct) =>
        {
            var headers = new RequestHeaders(cli.RequireToken(parse), parse.GetValue(reason));
            var query = $"queue?after={parse.GetValue(after)}&limit={parse.GetValue(limit)}"
                + (parse.GetValue(kind) is { } k ? $"&kind={Uri.EscapeDataString(k)}" : "")
                + (parse.GetValue(district) is { } d ? $"&district={Uri.EscapeDataString(d)}" : "");
            var page = await silo.GetAsync(query, headers, ct).ConfigureAwait(false);
            if (parse.GetValue(output) == "json")
                ShowCommand.Write(cli, page, "json");
            else
                Render(cli, page);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Render(CliContext cli, JsonElement page)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Kind", "Applicant", "Application", "Recorded", "District", "Rules");
        foreach (var a in page.Member("applications")?.EnumerateArray() ?? Enumerable.Empty<JsonElement>())
        {
            table.AddRow(new Text(a.Text("kind") ?? ""), new Text(a.Text("applicantKey") ?? ""), new Text(a.Text("applicationId") ?? ""),
                new Text(a.Text("appliedAt") ?? ""), new Text(a.Text("district") ?? "—"), new Text(a.Text("ruleSetVersion") ?? ""));
        }
        cli.Console.Write(table);
        var next = page.Text("nextAfter");
        cli.Console.WriteLine($"{page.Text("total") ?? "0"} awaiting in all{(next is null ? "." : $"; next page: --after {next}")}");
    }
}
