using System.Text;

namespace Cases.Silo.Api;

/// <summary>A small RFC 4180 reader: records with their first physical line (1-based within the text), cells unquoted.</summary>
public static class CsvRecords
{
    /// <summary>One record; Error says why it could not be read (an unterminated quote).</summary>
    public sealed record Record(int Line, IReadOnlyList<string> Cells, string? Error = null);

    public static List<Record> Read(string text)
    {
        var records = new List<Record>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var line = 1;
        var start = 1;
        var quoted = false;
        var any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                    quoted = false;
                else
                {
                    if (c == '\n')
                        line++;
                    cell.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when cell.Length == 0:
                    quoted = true;
                    any = true;
                    break;
                case ',':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    any = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    cells.Add(cell.ToString());
                    records.Add(new Record(start, [.. cells]));
                    cells.Clear();
                    cell.Clear();
                    any = false;
                    start = ++line;
                    break;
                default:
                    cell.Append(c);
                    any = true;
                    break;
            }
        }
        if (quoted)
            records.Add(new Record(start, [], "has a quoted cell that is never closed"));
        else if (any || cell.Length > 0)
        {
            cells.Add(cell.ToString());
            records.Add(new Record(start, [.. cells]));
        }
        return records;
    }
}
