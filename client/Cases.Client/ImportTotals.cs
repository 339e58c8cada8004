using System.Text.Json;

namespace Cases.Client;

/// <summary>The silo's import reports of every part of a file, added up.</summary>
public sealed class ImportTotals
{
    /// <summary>A refused row as the report lists it.</summary>
    public sealed record Refusal(int Line, string Field, string Reason);

    /// <summary>A row left for a person to decide, as the report lists it.</summary>
    public sealed record Decision(int Line, string Grain, string Code, string Reason);

    public int Rows { get; private set; }

    public int Imported { get; private set; }

    public int AlreadyImported { get; private set; }

    /// <summary>The silo's record of each part, GET /imports/{id}.</summary>
    public List<string> ImportIds { get; } = [];

    public List<Refusal> Refused { get; } = [];

    public List<Decision> ToDecide { get; } = [];

    /// <summary>Adds one part's report.</summary>
    public void Add(JsonElement report)
    {
        if (report.TryGetProperty("importId", out var id) && id.GetString() is { Length: > 0 } importId)
            ImportIds.Add(importId);
        Rows += report.GetProperty("rows").GetInt32();
        Imported += report.GetProperty("imported").GetInt32();
        AlreadyImported += report.GetProperty("alreadyImported").GetInt32();
        foreach (var r in report.GetProperty("refused").EnumerateArray())
            Refused.Add(new Refusal(r.GetProperty("line").GetInt32(), r.GetProperty("field").GetString() ?? "", r.GetProperty("reason").GetString() ?? ""));
        foreach (var d in report.GetProperty("toDecide").EnumerateArray())
            ToDecide.Add(new Decision(d.GetProperty("line").GetInt32(), d.GetProperty("grain").GetString() ?? "", d.GetProperty("code").GetString() ?? "", d.GetProperty("reason").GetString() ?? ""));
    }
}
