using System.Text.Json;
using Spectre.Console;

namespace Cases.Client;

/// <summary>Renders stored events (EventView) as a table: version, type, when, who, ids and a payload summary.</summary>
public static class EventTable
{
    private const int PayloadWidth = 120;

    /// <summary>An empty table with the event columns after any leading ones; add rows with <see cref="AddRow"/>.</summary>
    public static Table Create(params string[] leading) =>
        new Table().Border(TableBorder.Rounded).AddColumns([.. leading, "Stream", "Ver", "Type", "Occurred", "Actor", "Event id", "Caused by", "Payload"]);

    /// <summary>Adds one event as a row, after the leading cells.</summary>
    public static void AddRow(Table table, JsonElement e, params string[] leading)
    {
        var payload = e.Member("payload")?.OneLine() ?? "";
        if (payload.Length > PayloadWidth)
            payload = payload[..(PayloadWidth - 1)] + "…";
        string[] cells =
        [
            .. leading,
            e.Text("stream") ?? "",
            e.Text("version") ?? "",
            e.Text("type") ?? "",
            e.Text("occurredAt") ?? "",
            e.Text("actor") ?? "",
            e.Text("eventId") ?? "",
            e.Text("causationId") ?? "",
            payload,
        ];
        table.AddRow(cells.Select(c => new Text(c)));
    }

    /// <summary>Writes the events as one table.</summary>
    public static void Render(IAnsiConsole console, IEnumerable<JsonElement> events)
    {
        var table = Create();
        foreach (var e in events)
            AddRow(table, e);
        console.Write(table);
    }
}
