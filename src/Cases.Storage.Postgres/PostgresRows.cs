using Cases.Journal;
using Cases.Journal.Events;
using Cases.Journal.Storage;
using Npgsql;

namespace Cases.Storage.Postgres;

/// <summary>Maps rows to the journal's records; event columns in the order of <see cref="PostgresSchema.EventColumns"/>.</summary>
internal static class PostgresRows
{
    public static StoredEvent Event(NpgsqlDataReader r) => new(
        StreamId: r.GetString(0),
        Version: r.GetInt64(1),
        Position: r.GetInt64(2),
        EventId: r.GetGuid(3),
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

    // Columns from `offset`: first_version, last_version, rejection_code, rejection_message, recorded_at, fingerprint.
    public static StoredCommandOutcome Outcome(string streamId, string commandId, NpgsqlDataReader r, int offset = 0) => new(
        streamId,
        commandId,
        r.GetInt64(offset),
        r.GetInt64(offset + 1),
        r.IsDBNull(offset + 2) ? null : new Rejection(r.GetString(offset + 2), r.GetString(offset + 3)),
        Time(r.GetInt64(offset + 4)),
        r.IsDBNull(offset + 5) ? null : r.GetFieldValue<byte[]>(offset + 5));

    // Columns: version, state_schema, state, taken_at.
    public static Snapshot Snapshot(string streamId, NpgsqlDataReader r) =>
        new(streamId, r.GetInt64(0), r.GetInt32(1), r.GetString(2), Time(r.GetInt64(3)));

    public static DateTimeOffset Time(long utcTicks) => new(utcTicks, TimeSpan.Zero);
}
