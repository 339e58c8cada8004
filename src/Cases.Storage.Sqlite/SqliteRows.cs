using Cases.Journal;
using Cases.Journal.Events;
using Cases.Journal.Storage;
using Microsoft.Data.Sqlite;

namespace Cases.Storage.Sqlite;

/// <summary>Maps rows to the journal's records; columns in the order of <see cref="SqliteSchema.EventColumns"/>.</summary>
internal static class SqliteRows
{
    public static StoredEvent Event(SqliteDataReader r) => new(
        StreamId: r.GetString(0),
        Version: r.GetInt64(1),
        Position: r.GetInt64(2),
        EventId: Guid.Parse(r.GetString(3)),
        EventType: r.GetString(4),
        SchemaVersion: r.GetInt32(5),
        Payload: r.GetString(6),
        OccurredAt: Time(r.GetInt64(7)),
        RecordedAt: Time(r.GetInt64(8)),
        Actor: r.GetString(9),
        CommandId: r.GetString(10),
        CausationId: r.IsDBNull(11) ? null : r.GetString(11),
        CorrelationId: r.GetString(12),
        Hash: r.GetFieldValue<byte[]>(13));

    // Columns in the order of SqliteSchema.CommandColumns.
    public static StoredCommandOutcome Outcome(string streamId, string commandId, SqliteDataReader r) => new(
        streamId,
        commandId,
        r.GetInt64(0),
        r.GetInt64(1),
        r.IsDBNull(2) ? null : new Rejection(r.GetString(2), r.GetString(3)),
        Time(r.GetInt64(4)),
        r.IsDBNull(5) ? null : r.GetFieldValue<byte[]>(5));

    public static DateTimeOffset Time(long utcTicks) => new(utcTicks, TimeSpan.Zero);
}
