using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Cases.Journal.Events;

/// <summary>Computes the per-stream chain: <c>hash = SHA-256(previous hash || canonical bytes of the event)</c>.</summary>
public static class EventHasher
{
    public const int HashLength = 32;

    /// <summary>The "previous hash" of a stream's first event.</summary>
    public static ReadOnlySpan<byte> Genesis => new byte[HashLength];

    /// <summary>Hashes one event given its stream's previous hash; every store must call this and nothing else.</summary>
    public static byte[] Compute(ReadOnlySpan<byte> previousHash, StoredEvent e)
    {
        if (previousHash.Length != HashLength)
            throw new ArgumentException($"A previous hash has {HashLength} bytes.", nameof(previousHash));
        var buffer = new ArrayBufferWriter<byte>(256 + e.Payload.Length * 2);
        buffer.Write(previousHash);
        WriteCanonical(buffer, e);
        return SHA256.HashData(buffer.WrittenSpan);
    }

    // Length-prefixed UTF-8 fields in a fixed order: no ambiguity between "ab"+"c" and "a"+"bc".
    private static void WriteCanonical(ArrayBufferWriter<byte> buffer, StoredEvent e)
    {
        Field(buffer, e.StreamId);
        Field(buffer, e.Version.ToString(CultureInfo.InvariantCulture));
        Field(buffer, e.EventId.ToString("D"));
        Field(buffer, e.EventType);
        Field(buffer, e.SchemaVersion.ToString(CultureInfo.InvariantCulture));
        Field(buffer, e.OccurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture));
        Field(buffer, e.RecordedAt.UtcTicks.ToString(CultureInfo.InvariantCulture));
        Field(buffer, e.Actor);
        Field(buffer, e.CommandId);
        Field(buffer, e.CausationId ?? string.Empty);
        Field(buffer, e.CorrelationId);
        Field(buffer, e.Payload);
    }

    private static void Field(ArrayBufferWriter<byte> buffer, string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        BinaryPrimitives.WriteInt32BigEndian(buffer.GetSpan(4), length);
        buffer.Advance(4);
        Encoding.UTF8.GetBytes(value, buffer.GetSpan(length));
        buffer.Advance(length);
    }
}
