using System.Globalization;
using System.Text;
using System.Text.Json;
using Cases.Journal.Events;

namespace Cases.Silo.Api;

/// <summary>Writes events as they are read, never holding a whole export: JSON lines (one EventView each) or RFC 4180 CSV.</summary>
internal static class ExportWriter
{
    public const string Jsonl = "jsonl";
    public const string Csv = "csv";

    /// <summary>The CSV columns, in order.</summary>
    public static readonly IReadOnlyList<string> CsvHeader =
        ["position", "stream", "version", "type", "occurredAt", "recordedAt", "actor", "commandId", "causationId", "correlationId", "hash", "payload"];

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static string ContentType(string format) => format == Csv ? "text/csv; charset=utf-8; header=present" : "application/x-ndjson; charset=utf-8";

    public static async Task WriteAsync(Stream body, string format, IAsyncEnumerable<StoredEvent> events, JsonSerializerOptions json, CancellationToken ct)
    {
        await using var writer = new StreamWriter(body, Utf8, bufferSize: 16 * 1024, leaveOpen: true);
        if (format == Csv)
            await writer.WriteAsync(string.Join(',', CsvHeader) + "\r\n");
        await foreach (var e in events.WithCancellation(ct))
            await writer.WriteAsync(format == Csv ? CsvRow(e) : JsonSerializer.Serialize(EventView.From(e), json) + "\n");
        await writer.FlushAsync(ct);
    }

    /// <summary>One CSV record ending in CRLF; the payload is always quoted, other fields when they hold a comma, quote or line break.</summary>
    public static string CsvRow(StoredEvent e)
    {
        var fields = new[]
        {
            e.Position.ToString(CultureInfo.InvariantCulture),
            Field(e.StreamId),
            e.Version.ToString(CultureInfo.InvariantCulture),
            Field(e.EventType),
            e.OccurredAt.ToString("O", CultureInfo.InvariantCulture),
            e.RecordedAt.ToString("O", CultureInfo.InvariantCulture),
            Field(e.Actor),
            Field(e.CommandId),
            Field(e.CausationId),
            Field(e.CorrelationId),
            Convert.ToHexStringLower(e.Hash),
            Quote(e.Payload),
        };
        return string.Join(',', fields) + "\r\n";
    }

    private static string Field(string? value) =>
        value is null ? "" : value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? Quote(value) : value;

    private static string Quote(string value) => $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
