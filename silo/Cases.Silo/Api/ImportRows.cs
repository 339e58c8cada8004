using System.Text.Json;

namespace Cases.Silo.Api;

/// <summary>One record of an import file: its line in the file and its fields by name, blank cells left out.</summary>
public sealed record ImportRow(int Line, IReadOnlyDictionary<string, string> Fields);

/// <summary>A row refused before or after reaching its case: the line, the field at fault ("row" for the whole row) and why.</summary>
public sealed record RefusedRow(int Line, string Field, string Reason);

/// <summary>Reads the rows of a JSON Lines or CSV import body; rows that cannot be read are refused with their line, the rest go on.</summary>
public static class ImportRows
{
    /// <summary>Rows of JSON Lines: one JSON object per line, its members text, numbers or booleans; blank lines are skipped.</summary>
    /// <param name="firstLine">The line number, in the file, of the body's first line (a client sending a file in parts says where each starts).</param>
    public static (List<ImportRow> Rows, List<RefusedRow> Refused) FromJsonLines(string body, int firstLine)
    {
        var rows = new List<ImportRow>();
        var refused = new List<RefusedRow>();
        var lines = body.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].TrimEnd('\r');
            var line = firstLine + i;
            if (string.IsNullOrWhiteSpace(text))
                continue;
            try
            {
                using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 4 });
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                {
                    refused.Add(new RefusedRow(line, "row", "must be a JSON object"));
                    continue;
                }
                var fields = new Dictionary<string, string>(StringComparer.Ordinal);
                string? bad = null;
                foreach (var member in doc.RootElement.EnumerateObject())
                {
                    switch (member.Value.ValueKind)
                    {
                        case JsonValueKind.String:
                            fields[member.Name] = member.Value.GetString()!;
                            break;
                        case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                            fields[member.Name] = member.Value.GetRawText();
                            break;
                        case JsonValueKind.Null:
                            break; // an explicit null is an absent field, as a blank CSV cell is
                        default:
                            bad ??= member.Name;
                            break;
                    }
                }
                if (bad is not null)
                    refused.Add(new RefusedRow(line, bad, "must be text, a number or a boolean"));
                else
                    rows.Add(new ImportRow(line, fields));
            }
            catch (JsonException e)
            {
                refused.Add(new RefusedRow(line, "row", $"is not valid JSON: {e.Message.Split(". ")[0]}"));
            }
        }
        return (rows, refused);
    }

    /// <summary>Rows of RFC 4180 CSV with a header row naming the fields; quoted cells may span lines.</summary>
    /// <param name="firstLine">The line number, in the file, of the body's first data line (the one after the header).</param>
    public static (List<ImportRow> Rows, List<RefusedRow> Refused) FromCsv(string body, int firstLine)
    {
        var rows = new List<ImportRow>();
        var refused = new List<RefusedRow>();
        var records = CsvRecords.Read(body);
        if (records.Count == 0)
            return (rows, refused);
        var header = records[0].Cells.Select(c => c.Trim()).ToArray();
        // Physical lines are counted from the header, so a data line's number is its offset from the first data line.
        var dataStart = records.Count > 1 ? records[1].Line : records[0].Line + 1;
        foreach (var record in records.Skip(1))
        {
            var line = firstLine + record.Line - dataStart;
            if (record.Error is { } error)
            {
                refused.Add(new RefusedRow(line, "row", error));
                continue;
            }
            if (record.Cells.All(string.IsNullOrWhiteSpace))
                continue;
            if (record.Cells.Count != header.Length)
            {
                refused.Add(new RefusedRow(line, "row", $"has {record.Cells.Count} cells; the header names {header.Length}"));
                continue;
            }
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var c = 0; c < header.Length; c++)
            {
                if (!string.IsNullOrWhiteSpace(record.Cells[c]))
                    fields[header[c]] = Undefused(record.Cells[c]);
            }
            rows.Add(new ImportRow(line, fields));
        }
        return (rows, refused);
    }

    // CsvCells writes a cell a spreadsheet would read as a formula with a leading apostrophe; reading takes it off again.
    private static string Undefused(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && "=+-@\t\r".Contains(cell[1], StringComparison.Ordinal) ? cell[1..] : cell;
}
