using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace Cases.Client;

/// <summary>`cases search query --reason …`: applicants, enterprises and parks by case id, identity document, name or park (officer, auditor, admin).</summary>
public static class SearchCommand
{
    /// <summary>The most results one search lists; the silo refuses more.</summary>
    public const int MaxLimit = 50;

    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext cli)
    {
        var query = new Argument<string>("query")
        {
            Description = "What to look for: a case id, an identity document (case, width, spaces and '-' do not matter), a name (张伟, or Li Wei), an enterprise name or a park",
        };
        var reason = AccessReason.Create();
        var limit = new Option<int>("--limit") { Description = $"How many cases to list at most (1-{MaxLimit})", HelpName = "n", DefaultValueFactory = _ => 20 };
        limit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > MaxLimit)
                r.AddError($"--limit must be between 1 and {MaxLimit}.");
        });
        var output = OutputFormat.Create("table", "json");
        var command = new Command("search", "Find cases by case id, identity document, name, enterprise name or park; each applicant listed has the read recorded.")
        {
            query, reason, limit, output,
        };
        command.WithExamples(
            "cases search 张伟 --reason \"caller asked about their case\" --token <officer-token>",
            "cases search \"p 110105199001011234\" --reason \"document check\" --token <auditor-token>",
            "cases search zgc-01 --reason \"park review\" --limit 5 --output json --token <officer-token>");
        cli.SetAction(command, async (parse, silo, ct) =>
        {
            var path = $"search?q={Uri.EscapeDataString(parse.GetRequiredValue(query))}&limit={parse.GetValue(limit).ToString(CultureInfo.InvariantCulture)}";
            var answer = await silo.GetAsync(path, new RequestHeaders(cli.RequireToken(parse), parse.GetValue(reason)), ct).ConfigureAwait(false);
            if (parse.GetValue(output) == "json")
                ShowCommand.Write(cli, answer, "json");
            else
                Render(cli, answer);
            return ExitCodes.Success;
        });
        return command;
    }

    // One row per case found, in the silo's order (exact key matches first, then by name); the case column is what `cases show` takes.
    private static void Render(CliContext cli, JsonElement answer)
    {
        var results = answer.Member("results") is { ValueKind: JsonValueKind.Array } r ? r.EnumerateArray().ToList() : [];
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Case", "Name", "District", "Park", "Exact");
        foreach (var hit in results)
        {
            string[] cells = [$"{hit.Text("kind")}/{hit.Text("key")}", hit.Text("name") ?? "", hit.Text("district") ?? "", hit.Text("park") ?? "", hit.Text("exactKey") == "true" ? "key" : ""];
            table.AddRow(cells.Select(c => new Text(c)));
        }
        cli.Console.Write(table);
        cli.Console.WriteLine(answer.Member("more") is { ValueKind: JsonValueKind.True }
            ? $"{results.Count} case(s) listed; more may match: narrow the search."
            : $"{results.Count} case(s) found.");
    }
}
