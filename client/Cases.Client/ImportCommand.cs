using System.CommandLine;
using System.Text;
using System.Text.Json;
using Spectre.Console;

namespace Cases.Client;

/// <summary>`cases import FILE`: sends decisions taken before the platform to POST /imports in parts; prints the summary and the rows refused or to decide.</summary>
public static class ImportCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext cli)
    {
        var file = new Argument<FileInfo>("file") { Description = "The import file: JSON Lines, or CSV with a header row" };
        var format = new Option<string?>("--format") { Description = "jsonl or csv; by default csv for a .csv file and jsonl otherwise", HelpName = "format" };
        format.AcceptOnlyFromAmong("jsonl", "csv");
        var source = new Option<string?>("--source") { Description = "The source system of rows that name none", HelpName = "name" };
        var report = new Option<FileInfo?>("--report") { Description = "Write the refused rows and the rows to decide to this file (JSON) instead of standard output", HelpName = "file" };
        var command = new Command("import", "Import decisions taken before the platform (permits, household registrations, park admissions, grants); an admin's token.")
        {
            file, format, source, report,
        };
        command.Description += $"\n\nExits 0 when no row was refused (rows to decide are listed, not refused), {ExitCodes.ImportRefusals} when some were.";
        command.WithExamples(
            "cases import examples/imports/haidian-register-2019.jsonl",
            "cases import register.csv --source chaoyang-register --report refused.json");
        cli.SetAction(command, async (parse, silo, ct) =>
        {
            var path = parse.GetRequiredValue(file);
            var csv = (parse.GetValue(format) ?? (path.Extension.Equals(".csv", StringComparison.OrdinalIgnoreCase) ? "csv" : "jsonl")) == "csv";
            var headers = new RequestHeaders(cli.RequireToken(parse));
            var query = parse.GetValue(source) is { } name ? $"&source={Uri.EscapeDataString(name)}" : "";
            var total = new ImportTotals();
            using var reader = Open(path);
            await WithProgressAsync(path, async advance =>
            {
                await foreach (var chunk in ImportChunks.ReadAsync(reader, csv, ct).ConfigureAwait(false))
                {
                    var content = new StringContent(chunk.Body, Encoding.UTF8, csv ? "text/csv" : "application/x-ndjson");
                    total.Add(await silo.SendAsync(HttpMethod.Post, $"imports?firstLine={chunk.FirstLine}{query}", headers, content, ct).ConfigureAwait(false));
                    advance(chunk.Bytes);
                }
            }).ConfigureAwait(false);
            Render(cli.Console, total, path.Name);
            if (parse.GetValue(report) is { } reportFile)
            {
                await File.WriteAllTextAsync(reportFile.FullName, JsonSerializer.Serialize(new { refused = total.Refused, toDecide = total.ToDecide },
                    new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }), ct).ConfigureAwait(false);
                cli.Console.MarkupLineInterpolated($"Wrote the refused rows and the rows to decide to {reportFile.FullName}.");
            }
            else
                RenderRows(cli.Console, total);
            return total.Refused.Count > 0 ? ExitCodes.ImportRefusals : ExitCodes.Success;
        });
        return command;
    }

    private static StreamReader Open(FileInfo path)
    {
        try
        {
            return new StreamReader(path.FullName, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"cannot read {path.FullName}: {e.Message}");
        }
    }

    // The bar is drawn on standard error and only on a terminal, so standard output stays the summary alone and pipes see no escapes.
    private static async Task WithProgressAsync(FileInfo path, Func<Action<long>, Task> work)
    {
        if (Console.IsErrorRedirected)
        {
            await work(_ => { }).ConfigureAwait(false);
            return;
        }
        var stderr = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        await stderr.Progress().StartAsync(async context =>
        {
            var task = context.AddTask(path.Name, maxValue: Math.Max(1, path.Length));
            await work(bytes => task.Increment(bytes)).ConfigureAwait(false);
            task.Value = task.MaxValue;
        }).ConfigureAwait(false);
    }

    private static void Render(IAnsiConsole console, ImportTotals total, string name)
    {
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow(new Text("file"), new Text(name));
        grid.AddRow(new Text("rows"), new Text(total.Rows.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        grid.AddRow(new Text("imported"), new Text(total.Imported.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        grid.AddRow(new Text("already imported"), new Text(total.AlreadyImported.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        grid.AddRow(new Text("refused"), new Text(total.Refused.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        grid.AddRow(new Text("to decide"), new Text(total.ToDecide.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        grid.AddRow(new Text("recorded as"), new Text(string.Join(", ", total.ImportIds.Select(id => $"import/{id}"))));
        console.Write(grid);
    }

    private static void RenderRows(IAnsiConsole console, ImportTotals total)
    {
        foreach (var r in total.Refused)
            console.WriteLine($"line {r.Line}: refused: {r.Field} {r.Reason}");
        foreach (var d in total.ToDecide)
            console.WriteLine($"line {d.Line}: to decide ({d.Code}, {d.Grain}): {d.Reason}");
    }
}
