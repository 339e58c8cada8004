using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Azure.Data.Tables;
using Cases.Journal.Events;

namespace Cases.Storage.Azure;

/// <summary>Packs consecutive events of one stream into one table entity (deflated JSON in binary properties), and unpacks them.</summary>
/// <remarks>One entity per append instead of one per event: a partition serves about 2,000 entities/s and a transaction holds 100,
/// so packing is what lets a turn of many events, and a group commit of many turns, fit the limits of the real service.</remarks>
internal static class ChunkCodec
{
    /// <summary>A binary property holds at most 64 KiB.</summary>
    public const int SliceBytes = 64 * 1024;

    /// <summary>Slices per entity: 14 × 64 KiB leaves room under the 1 MiB entity limit for the other properties and keys.</summary>
    public const int MaxSlices = 14;

    /// <summary>Events whose estimated JSON exceeds this go into the next chunk, so a deflated chunk always fits its slices.</summary>
    public const int RawChunkBudget = 800 * 1024;

    private const int Format = 1;

    /// <summary>A rough size of an event's JSON, to split an append's events into chunks before encoding them.</summary>
    public static int EstimateRaw(StoredEvent e) =>
        160 + 2 * (e.Payload.Length + e.EventType.Length + e.Actor.Length + e.CommandId.Length + (e.CausationId?.Length ?? 0) + e.CorrelationId.Length);

    /// <summary>The chunk entity of <paramref name="events"/> (one stream, consecutive versions and positions), and its encoded data size.</summary>
    public static (TableEntity Entity, int Bytes) Encode(IReadOnlyList<StoredEvent> events)
    {
        var first = events[0];
        var last = events[^1];
        var data = Compress(events);
        var slices = (data.Length + SliceBytes - 1) / SliceBytes;
        if (slices > MaxSlices)
            throw new ArgumentException($"Events {first.StreamId}@{first.Version}..{last.Version} take {data.Length} bytes deflated; one chunk holds {MaxSlices * SliceBytes}.");
        var entity = new TableEntity(TableKeys.Log, TableKeys.Chunk(last.Position))
        {
            ["Stream"] = first.StreamId,
            ["FirstVersion"] = first.Version,
            ["FirstPosition"] = first.Position,
            ["Count"] = events.Count,
            ["RecordedAt"] = first.RecordedAt.UtcTicks,
            ["Format"] = Format,
        };
        for (var i = 0; i < slices; i++)
            entity["D" + i.ToString(CultureInfo.InvariantCulture)] = data.AsSpan(i * SliceBytes, Math.Min(SliceBytes, data.Length - i * SliceBytes)).ToArray();
        return (entity, data.Length + 256);
    }

    /// <summary>The events of a chunk entity, in version order.</summary>
    public static List<StoredEvent> Decode(TableEntity entity)
    {
        var format = entity.GetInt32("Format");
        if (format != Format)
            throw new InvalidDataException($"Chunk {entity.RowKey} has format {format}; this build reads {Format}.");
        var stream = entity.GetString("Stream");
        var version = entity.GetInt64("FirstVersion")!.Value;
        var position = entity.GetInt64("FirstPosition")!.Value;
        var recordedAt = new DateTimeOffset(entity.GetInt64("RecordedAt")!.Value, TimeSpan.Zero);
        using var document = JsonDocument.Parse(Decompress(entity));
        var events = new List<StoredEvent>(document.RootElement.GetArrayLength());
        foreach (var e in document.RootElement.EnumerateArray())
        {
            events.Add(new StoredEvent(stream, version++, position++, e[0].GetGuid(), e[1].GetString()!, e[2].GetInt32(), e[3].GetString()!,
                new DateTimeOffset(e[4].GetInt64(), TimeSpan.Zero), recordedAt, e[5].GetString()!, e[6].GetString()!,
                e[7].ValueKind == JsonValueKind.Null ? null : e[7].GetString(), e[8].GetString()!, e[9].GetBytesFromBase64()));
        }
        return events;
    }

    private static byte[] Compress(IReadOnlyList<StoredEvent> events)
    {
        using var buffer = new MemoryStream();
        using (var deflate = new DeflateStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var json = new Utf8JsonWriter(deflate))
        {
            json.WriteStartArray();
            foreach (var e in events)
            {
                json.WriteStartArray();
                json.WriteStringValue(e.EventId);
                json.WriteStringValue(e.EventType);
                json.WriteNumberValue(e.SchemaVersion);
                json.WriteStringValue(e.Payload);
                json.WriteNumberValue(e.OccurredAt.UtcTicks);
                json.WriteStringValue(e.Actor);
                json.WriteStringValue(e.CommandId);
                if (e.CausationId is null)
                    json.WriteNullValue();
                else
                    json.WriteStringValue(e.CausationId);
                json.WriteStringValue(e.CorrelationId);
                json.WriteBase64StringValue(e.Hash);
                json.WriteEndArray();
            }
            json.WriteEndArray();
        }
        return buffer.ToArray();
    }

    private static byte[] Decompress(TableEntity entity)
    {
        using var compressed = new MemoryStream();
        for (var i = 0; entity.TryGetValue("D" + i.ToString(CultureInfo.InvariantCulture), out var slice) && slice is not null; i++)
            compressed.Write(slice is BinaryData b ? b.ToArray() : (byte[])slice);
        compressed.Position = 0;
        using var deflate = new DeflateStream(compressed, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        deflate.CopyTo(raw);
        return raw.ToArray();
    }
}
