using System.Globalization;

namespace Cases.Silo.Api;

/// <summary>How every CSV the silo writes builds its cells: RFC 4180 quoting, with spreadsheet formulas defused by a leading apostrophe (the OWASP advice on CSV injection).</summary>
public static class CsvCells
{
    // A spreadsheet reads a cell starting with one of these as a formula; tab and CR because some strip them and read on.
    private const string FormulaStarts = "=+-@\t\r";

    /// <summary>A text cell, always quoted; one a spreadsheet would read as a formula gets a leading apostrophe. Null is an empty cell.</summary>
    public static string Text(string? value)
    {
        if (value is null)
            return "";
        var safe = value.Length > 0 && FormulaStarts.Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }

    /// <summary>A number written by the silo itself, in the invariant culture.</summary>
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A timestamp written by the silo itself, round-trip ISO 8601.</summary>
    public static string Instant(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>One record: the cells joined by commas and ended by CRLF.</summary>
    public static string Row(IEnumerable<string> cells) => string.Join(',', cells) + "\r\n";
}
