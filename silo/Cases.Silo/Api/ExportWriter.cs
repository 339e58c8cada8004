using System.Text;
using System.Text.Json;
using Cases.Journal.Events;

namespace Cases.Silo.Api;

/// <summary>Writes events as they are read, never holding a whole export: JSON lines (one EventView each) or RFC 4180 CSV through <see cref="CsvCells"/>.</summary>
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
            await writer.WriteAsync(CsvCells.Row(CsvHeader));
        await foreach (var e in events.WithCancellation(ct))
            await writer.WriteAsync(format == Csv ? CsvRow(e) : JsonSerializer.Serialize(EventView.From(e), json) + "\n");
        await writer.FlushAsync(ct);
    }

    /// <summary>One CSV record ending in CRLF; text cells (callers' headers among them) are quoted and defused by <see cref="CsvCells"/>.</summary>
    public static string CsvRow(StoredEvent e) => CsvCells.Row(
    [
        CsvCells.Number(e.Position),
        CsvCells.Text(e.StreamId),
        CsvCells.Number(e.Version),
        CsvCells.Text(e.EventType),
        CsvCells.Instant(e.OccurredAt),
        CsvCells.Instant(e.RecordedAt),
        CsvCells.Text(e.Actor),
        CsvCells.Text(e.CommandId),
        CsvCells.Text(e.CausationId),
        CsvCells.Text(e.CorrelationId),
        Convert.ToHexStringLower(e.Hash),
        CsvCells.Text(e.Payload),
    ]);
}
