using System.Text.Json;
using Spectre.Console;

namespace Cases.Client;

/// <summary>Renders any JSON answer readably: plain members as "name: value", events as event tables, the rest as indented JSON.</summary>
public static class AnswerView
{
    /// <summary>Writes the answer to the console.</summary>
    public static void Render(IAnsiConsole console, JsonElement answer)
    {
        if (answer.ValueKind == JsonValueKind.Array)
        {
            RenderMember(console, "items", answer);
            return;
        }
        if (answer.ValueKind != JsonValueKind.Object)
        {
            console.WriteLine(answer.AsText());
            return;
        }
        // Scalars first, as a header; structured members follow in their order.
        foreach (var member in answer.EnumerateObject().Where(m => IsScalar(m.Value)))
            console.WriteLine($"{member.Name}: {member.Value.AsText()}");
        foreach (var member in answer.EnumerateObject().Where(m => !IsScalar(m.Value)))
            RenderMember(console, member.Name, member.Value);
    }

    private static void RenderMember(IAnsiConsole console, string name, JsonElement value)
    {
        if (value.IsEvent())
        {
            console.WriteLine($"{name}:");
            EventTable.Render(console, [value]);
        }
        else if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0 && value.EnumerateArray().All(Json.IsEvent))
        {
            console.WriteLine($"{name} ({value.GetArrayLength()}):");
            EventTable.Render(console, value.EnumerateArray());
        }
        else
        {
            console.WriteLine($"{name}:");
            console.WriteLine(value.Pretty());
        }
    }

    private static bool IsScalar(JsonElement value) => value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array);
}
