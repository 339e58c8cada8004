using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace Cases.Client;

/// <summary>`cases park statistics park`: the park's figures from its read model, as one table of figures or as JSON.</summary>
public static class ParkStatisticsCommand
{
    /// <summary>Creates the subcommand.</summary>
    public static Command Create(CliContext cli)
    {
        var park = new Argument<string>("park") { Description = "The park's key, e.g. zgc-01" };
        var output = OutputFormat.Create("table", "json");
        var command = new Command("statistics", "Show a park's statistics: enterprises by stage, admissions and exits by year, milestone totals, talent teams, evaluations.") { park, output };
        command.WithExamples("cases park statistics zgc-01 --token <operator-token>", "cases park statistics zgc-01 --output json --token <officer-token>");
        cli.SetAction(command, async (parse, silo, ct) =>
        {
            var key = parse.GetRequiredValue(park);
            var answer = await silo.GetAsync($"parks/{Uri.EscapeDataString(key)}/statistics", new RequestHeaders(cli.RequireToken(parse)), ct).ConfigureAwait(false);
            if (parse.GetValue(output) == "json")
                ShowCommand.Write(cli, answer, "json");
            else
                Render(cli.Console, answer);
            return ExitCodes.Success;
        });
        return command;
    }

    // Every figure on a row of its own, named by its path (enterprises.incubating, talentTeams.byYear.2026, …), in the answer's order.
    private static void Render(IAnsiConsole console, JsonElement answer)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Figure", "Value");
        foreach (var (path, value) in Flatten(answer, ""))
            table.AddRow(new Text(path), new Text(value));
        console.Write(table);
    }

    private static IEnumerable<(string Path, string Value)> Flatten(JsonElement e, string path) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Flatten(p.Value, path.Length == 0 ? p.Name : $"{path}.{p.Name}")),
        JsonValueKind.Array when e.EnumerateArray().All(x => x.Member("year") is not null) =>
            e.EnumerateArray().SelectMany(x => Flatten(x, $"{path}.{x.Text("year")}")).Where(f => !f.Path.EndsWith(".year", StringComparison.Ordinal)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany((x, i) => Flatten(x, $"{path}[{i}]")),
        JsonValueKind.Null => [(path, "-")],
        _ => [(path, e.AsText())],
    };
}
