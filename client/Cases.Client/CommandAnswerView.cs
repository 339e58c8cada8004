using System.Text.Json;
using Spectre.Console;

namespace Cases.Client;

/// <summary>Prints an accepted command's answer: the grain's new version, whether it was a retry, and the events it recorded.</summary>
public static class CommandAnswerView
{
    /// <summary>Writes the answer to the console.</summary>
    public static void Render(IAnsiConsole console, JsonElement answer)
    {
        console.WriteLine($"{answer.Text("grain")} is at version {answer.Text("version")}{(answer.Member("retry")?.ValueKind == JsonValueKind.True ? " (a retry: nothing new recorded)" : "")}");
        if (answer.Member("events") is { ValueKind: JsonValueKind.Array } events && events.GetArrayLength() > 0)
            EventTable.Render(console, events.EnumerateArray());
    }
}
