using Cases.Journal.Events;
using Cases.Journal.Storage;
using Npgsql;

namespace Cases.Storage.Postgres;

/// <summary>Builds the batch's statements: rows go as one array per column, so a batch of any size is one INSERT per table.</summary>
internal static class BatchRows
{
    public static NpgsqlBatchCommand Events(string sql, IReadOnlyList<StoredEvent> events) => Command(sql,
        Column(events, e => e.StreamId),
        Column(events, e => e.Version),
        Column(events, e => e.Position),
        Column(events, e => e.EventId),
        Column(events, e => e.EventType),
        Column(events, e => e.SchemaVersion),
        Column(events, e => e.Payload),
        Column(events, e => e.OccurredAt.UtcTicks),
        Column(events, e => e.RecordedAt.UtcTicks),
        Column(events, e => e.Actor),
        Column(events, e => e.CommandId),
        Column(events, e => e.CausationId),
        Column(events, e => e.CorrelationId),
        Column(events, e => e.Hash));

    public static NpgsqlBatchCommand Commands(string sql, IReadOnlyList<StoredCommandOutcome> outcomes) => Command(sql,
        Column(outcomes, o => o.CommandId),
        Column(outcomes, o => o.StreamId),
        Column(outcomes, o => o.FirstVersion),
        Column(outcomes, o => o.LastVersion),
        Column(outcomes, o => o.Rejection?.Code),
        Column(outcomes, o => o.Rejection?.Message),
        Column(outcomes, o => o.RecordedAt.UtcTicks),
        Column(outcomes, o => o.Fingerprint));

    /// <summary>A statement with positional parameters $1, $2, … in the order given.</summary>
    public static NpgsqlBatchCommand Command(string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        return command;
    }

    private static T[] Column<TRow, T>(IReadOnlyList<TRow> rows, Func<TRow, T> value)
    {
        var column = new T[rows.Count];
        for (var i = 0; i < column.Length; i++)
            column[i] = value(rows[i]);
        return column;
    }
}
