using Spectre.Console;

namespace Cases.Client;

/// <summary>Renders a health report as a table of checks and a one-line verdict.</summary>
public static class HealthView
{
    /// <summary>Writes the report of the silo at the address to the console.</summary>
    public static void Render(IAnsiConsole console, Uri address, HealthReport report)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Check", "Status", "Description", "Details");
        foreach (var check in report.Checks)
        {
            var details = check.Data is null ? "" : string.Join('\n', check.Data.Select(d => $"{d.Key}: {d.Value}"));
            table.AddRow(new Text(check.Name), Status(check.Status), new Text(check.Description ?? ""), new Text(details));
        }
        console.Write(table);
        console.Write(new Text($"Silo {address} is "));
        console.Write(Status(report.Status));
        console.WriteLine($" ({report.DurationMs:0.#} ms).");
    }

    private static Markup Status(string status)
    {
        var color = status switch
        {
            "Healthy" => "green",
            "Degraded" => "yellow",
            _ => "red",
        };
        return new Markup($"[{color}]{Markup.Escape(status)}[/]");
    }
}
