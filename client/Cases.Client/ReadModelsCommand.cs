using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace Cases.Client;

/// <summary>`cases read-models rebuild`: rebuilds the read models from the journal's log, or checks that the live ones equal a rebuild (admin).</summary>
public static class ReadModelsCommand
{
    /// <summary>Creates the command and its subcommand.</summary>
    public static Command Create(CliContext cli)
    {
        var compareOnly = new Option<bool>("--compare-only") { Description = "Only report which partitions differ from a rebuild; change nothing" };
        var output = OutputFormat.Create("table", "json");
        var rebuild = new Command("rebuild", "Fold the whole log into every read model and replace the partitions that differ; safe while the silo serves.") { compareOnly, output };
        rebuild.WithExamples(
            "cases read-models rebuild --compare-only --token <admin-token>",
            "cases read-models rebuild --token <admin-token>");
        cli.SetAction(rebuild, async (parse, silo, ct) =>
        {
            var headers = new RequestHeaders(cli.RequireToken(parse), null);
            var report = await silo.SendAsync(HttpMethod.Post, $"read-models/rebuild?compareOnly={(parse.GetValue(compareOnly) ? "true" : "false")}", headers, null, ct).ConfigureAwait(false);
            if (parse.GetValue(output) == "json")
                ShowCommand.Write(cli, report, "json");
            else
                Render(cli, report);
            // A compare that found differences is a finding, as a broken chain is for verify.
            return report.Member("liveEqualsRebuilt")?.ValueKind == JsonValueKind.False && parse.GetValue(compareOnly) ? ExitCodes.ReadModelsDiffer : ExitCodes.Success;
        });
        return new Command("read-models", "Look after the read models (queue, dashboard, causation index, …) built from the journal's log.") { rebuild };
    }

    private static void Render(CliContext cli, JsonElement report)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Read model", "Partitions", "Differing");
        foreach (var m in report.Member("readModels")?.EnumerateArray() ?? Enumerable.Empty<JsonElement>())
        {
            var differing = m.Member("differing")?.EnumerateArray().Select(d => d.GetString()).ToList() ?? [];
            table.AddRow(new Text(m.Text("name") ?? ""), new Text(m.Text("partitions") ?? ""), new Text(differing.Count == 0 ? "none" : string.Join(", ", differing)));
        }
        cli.Console.Write(table);
        cli.Console.WriteLine($"{report.Text("events")} events read through position {report.Text("throughPosition")}; "
            + (report.Member("liveEqualsRebuilt")?.ValueKind == JsonValueKind.True ? "the live read models equal the rebuild." : "some partitions differed" + (report.Member("compareOnly")?.ValueKind == JsonValueKind.True ? " (nothing changed)." : " and were replaced.")));
    }
}
