using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Cases.Journal;
using Cases.Journal.Storage;

namespace Cases.Storage.Azure;

/// <summary>Maps the journal's records to table entities and back (times as UTC ticks, which the hash chain covers).</summary>
internal static class AzureRows
{
    public static TableEntity Command(StoredCommandOutcome o)
    {
        var entity = new TableEntity(TableKeys.Log, TableKeys.Command(o.StreamId, o.CommandId))
        {
            ["FirstVersion"] = o.FirstVersion,
            ["LastVersion"] = o.LastVersion,
            ["RecordedAt"] = o.RecordedAt.UtcTicks,
        };
        if (o.Rejection is { } r)
            (entity["RejectionCode"], entity["RejectionMessage"]) = (r.Code, r.Message);
        if (o.Fingerprint is { } f)
            entity["Fingerprint"] = f;
        return entity;
    }

    /// <summary>A rough size of a command entity in a transaction's request body.</summary>
    public static int CommandBytes(StoredCommandOutcome o) =>
        300 + 2 * (o.StreamId.Length + o.CommandId.Length + (o.Rejection?.Code.Length ?? 0) + (o.Rejection?.Message.Length ?? 0)) + 2 * (o.Fingerprint?.Length ?? 0);

    public static StoredCommandOutcome Outcome(string streamId, string commandId, TableEntity e) => new(
        streamId,
        commandId,
        e.GetInt64("FirstVersion")!.Value,
        e.GetInt64("LastVersion")!.Value,
        e.GetString("RejectionCode") is { } code ? new Rejection(code, e.GetString("RejectionMessage") ?? "") : null,
        Time(e.GetInt64("RecordedAt")!.Value),
        e.GetBinary("Fingerprint"));

    /// <summary>The stream index row of a chunk: which chunk holds versions [first, last] and the hash at <paramref name="lastVersion"/>.</summary>
    public static TableEntity Index(string streamId, long firstVersion, long lastVersion, long lastPosition, byte[] hash) =>
        new(TableKeys.Log, TableKeys.StreamIndex(streamId, firstVersion))
        {
            ["FirstVersion"] = firstVersion,
            ["LastVersion"] = lastVersion,
            ["LastPosition"] = lastPosition,
            ["Hash"] = hash,
        };

    public static TableEntity Snapshot(Snapshot s)
    {
        var entity = new TableEntity(TableKeys.SnapshotPartition(s.StreamId), TableKeys.SnapshotRow)
        {
            ["Version"] = s.Version,
            ["StateSchema"] = s.StateSchemaVersion,
            ["TakenAt"] = s.TakenAt.UtcTicks,
        };
        // State is UTF-8 in 64 KiB binary slices: a string property holds only 32 K characters.
        var state = Encoding.UTF8.GetBytes(s.State);
        if (state.Length > ChunkCodec.SliceBytes * ChunkCodec.MaxSlices)
            throw new ArgumentException($"The snapshot of {s.StreamId} has {state.Length} bytes; an entity holds {ChunkCodec.SliceBytes * ChunkCodec.MaxSlices}.");
        for (int i = 0, offset = 0; offset < state.Length || i == 0; i++, offset += ChunkCodec.SliceBytes)
            entity[Slice(i)] = state.AsSpan(offset, Math.Min(ChunkCodec.SliceBytes, state.Length - offset)).ToArray();
        return entity;
    }

    public static Snapshot Snapshot(string streamId, TableEntity e)
    {
        using var state = new MemoryStream();
        for (var i = 0; e.GetBinary(Slice(i)) is { } slice; i++)
            state.Write(slice);
        return new Snapshot(streamId, e.GetInt64("Version")!.Value, e.GetInt32("StateSchema")!.Value,
            Encoding.UTF8.GetString(state.GetBuffer(), 0, (int)state.Length), Time(e.GetInt64("TakenAt")!.Value));
    }

    public static DateTimeOffset Time(long utcTicks) => new(utcTicks, TimeSpan.Zero);

    private static string Slice(int i) => "D" + i.ToString(CultureInfo.InvariantCulture);
}
