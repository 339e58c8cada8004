using System.Globalization;
using System.Text;

namespace Cases.Storage.Azure;

/// <summary>The journal table's partition and row keys; stream and command ids are escaped into the characters Azure Tables allow in keys.</summary>
/// <remarks>
/// Everything that must commit together lives in the one <see cref="Log"/> partition (an entity-group transaction spans one partition):
/// <c>!head</c> the log head, <c>L{last position}</c> event chunks, <c>S|{stream}|{inverted first version}</c> the stream index,
/// <c>C|{stream}|{command}</c> command outcomes. Snapshots and checkpoints need no atomicity with appends and live in other partitions.
/// </remarks>
internal static class TableKeys
{
    public const string Log = "log";
    public const string LogHead = "!head";
    public const string Checkpoints = "checkpoint";
    public const string SnapshotRow = "snapshot";

    /// <summary>The row of the chunk whose last event has this position; fixed width so rows sort by position.</summary>
    public static string Chunk(long lastPosition) => "L" + Number(lastPosition);

    /// <summary>The prefix of a stream's index rows.</summary>
    public static string StreamPrefix(string streamId) => "S|" + Escape(streamId) + "|";

    /// <summary>The index row of a stream's chunk starting at <paramref name="firstVersion"/>; versions are inverted so the newest row sorts first and is the head.</summary>
    /// <remarks>Every stream's first chunk starts at version 1, so adding row 1 fails if the stream has events: a new stream needs no read.</remarks>
    public static string StreamIndex(string streamId, long firstVersion) => StreamPrefix(streamId) + Number(long.MaxValue - firstVersion);

    /// <summary>The first row key after a stream's index rows ('}' follows '|').</summary>
    public static string StreamEnd(string streamId) => "S|" + Escape(streamId) + "}";

    public static string Command(string streamId, string commandId) => "C|" + Escape(streamId) + "|" + Escape(commandId);

    public static string SnapshotPartition(string streamId) => "P|" + Escape(streamId);

    public static string Checkpoint(string name) => Escape(name);

    public static string Number(long value) => value.ToString("D19", CultureInfo.InvariantCulture);

    // Keys may not hold '/', '\', '#', '?' or control characters; '|' separates our key parts and '~' starts an escape.
    public static string Escape(string value)
    {
        var plain = true;
        foreach (var c in value)
            plain &= IsPlain(c);
        if (plain)
            return value;
        var builder = new StringBuilder(value.Length + 16);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.IsAscii && IsPlain((char)rune.Value))
            {
                builder.Append((char)rune.Value);
                continue;
            }
            var length = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..length])
                builder.Append('~').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }

    private static bool IsPlain(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_' or '.' or ':' or '@' or '=' or '+' or ',' or ';' or '!' or '$' or '(' or ')' or '*';
}
