using System.Text;

namespace Cases.Client;

/// <summary>One part of an import file as one request sends it: the body, the file line of its first row, and the bytes it covers.</summary>
public sealed record ImportChunk(string Body, int FirstLine, long Bytes);

/// <summary>Cuts an import file into parts the silo takes in one request, at record boundaries, without reading the whole file at once.</summary>
/// <remarks>A CSV part repeats the header row; a quoted CSV cell spanning lines stays in one part.</remarks>
public static class ImportChunks
{
    /// <summary>At most this many rows per request; the silo takes 1,000.</summary>
    public const int MaxRows = 500;

    /// <summary>At most this many characters per request, well under the silo's 1 MiB body limit.</summary>
    public const int MaxChars = 512 * 1024;

    public static async IAsyncEnumerable<ImportChunk> ReadAsync(TextReader reader, bool csv, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        string? header = null;
        var body = new StringBuilder();
        var rows = 0;
        long bytes = 0;
        var line = 0;
        var first = 0;
        var record = new StringBuilder();
        var recordLine = 0;
        while (await reader.ReadLineAsync(ct).ConfigureAwait(false) is { } text)
        {
            line++;
            bytes += Encoding.UTF8.GetByteCount(text) + 1;
            if (record.Length == 0)
                recordLine = line;
            record.Append(text).Append('\n');
            // An odd number of quotes so far means a quoted cell goes on on the next line.
            if (csv && record.ToString().Count(c => c == '"') % 2 == 1)
                continue;
            var complete = record.ToString();
            record.Clear();
            if (csv && header is null)
            {
                header = complete;
                continue;
            }
            if (rows > 0 && (rows >= MaxRows || body.Length + complete.Length > MaxChars))
            {
                yield return new ImportChunk((header ?? "") + body, first, bytes - Encoding.UTF8.GetByteCount(complete));
                body.Clear();
                rows = 0;
                bytes = Encoding.UTF8.GetByteCount(complete);
            }
            if (rows == 0)
                first = recordLine;
            body.Append(complete);
            rows++;
        }
        if (record.Length > 0)
        {
            // An unterminated quote: sent as it is, for the silo to refuse with its line.
            if (rows == 0)
                first = recordLine;
            body.Append(record);
            rows++;
        }
        if (rows > 0)
            yield return new ImportChunk((header ?? "") + body, first, bytes);
    }
}
