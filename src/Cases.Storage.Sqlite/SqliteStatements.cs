using Cases.Runtime;
using Cases.Runtime.Events;
using Cases.Runtime.Storage;
using Microsoft.Data.Sqlite;

namespace Cases.Storage.Sqlite;

/// <summary>The writer's prepared statements, made once and reused for every group commit.</summary>
internal sealed class SqliteStatements : IDisposable
{
    private readonly SqliteCommand _nextPosition;
    private readonly SqliteCommand _head;
    private readonly SqliteCommand _findCommand;
    private readonly SqliteCommand _insertEvent;
    private readonly SqliteCommand _insertCommand;
    private readonly SqliteCommand _upsertSnapshot;
    private readonly SqliteCommand _deleteCommand;
    private readonly SqliteCommand _dataVersion;
    private readonly SqliteCommand[] _all;

    public SqliteStatements(SqliteConnection connection)
    {
        _nextPosition = Make(connection, "SELECT COALESCE(MAX(position), 0) + 1 FROM events");
        _head = Make(connection, "SELECT version, hash FROM events WHERE stream_id = $s ORDER BY version DESC LIMIT 1", "$s");
        _findCommand = Make(connection,
            "SELECT first_version, last_version, rejection_code, rejection_message, recorded_at FROM commands WHERE stream_id = $s AND command_id = $c",
            "$s", "$c");
        _insertEvent = Make(connection,
            $"INSERT INTO events (position, stream_id, version, event_id, event_type, schema_version, payload, occurred_at, recorded_at, actor, command_id, causation_id, correlation_id, hash) " +
            "VALUES ($p, $s, $v, $id, $t, $sv, $pl, $oa, $ra, $a, $c, $ca, $co, $h)",
            "$p", "$s", "$v", "$id", "$t", "$sv", "$pl", "$oa", "$ra", "$a", "$c", "$ca", "$co", "$h");
        // A command id seen before inserts nothing: the insert is also the duplicate check.
        _insertCommand = Make(connection,
            "INSERT INTO commands (stream_id, command_id, first_version, last_version, rejection_code, rejection_message, recorded_at) VALUES ($s, $c, $f, $l, $rc, $rm, $ra) " +
            "ON CONFLICT (command_id, stream_id) DO NOTHING",
            "$s", "$c", "$f", "$l", "$rc", "$rm", "$ra");
        _deleteCommand = Make(connection, "DELETE FROM commands WHERE stream_id = $s AND command_id = $c", "$s", "$c");
        _dataVersion = Make(connection, "PRAGMA data_version");
        _upsertSnapshot = Make(connection,
            "INSERT INTO snapshots (stream_id, version, state_schema, state, taken_at) VALUES ($s, $v, $ss, $st, $ta) " +
            "ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, state_schema = excluded.state_schema, state = excluded.state, taken_at = excluded.taken_at " +
            "WHERE excluded.version > snapshots.version",
            "$s", "$v", "$ss", "$st", "$ta");
        _all = [_nextPosition, _head, _findCommand, _insertEvent, _insertCommand, _upsertSnapshot, _deleteCommand, _dataVersion];
    }

    public void Enlist(SqliteTransaction tx)
    {
        foreach (var c in _all)
            c.Transaction = tx;
    }

    public long NextPosition() => (long)_nextPosition.ExecuteScalar()!;

    public (long Version, byte[] Hash) Head(string streamId)
    {
        _head.Parameters[0].Value = streamId;
        using var r = _head.ExecuteReader();
        return r.Read() ? (r.GetInt64(0), r.GetFieldValue<byte[]>(1)) : (0L, EventHasher.Genesis.ToArray());
    }

    public StoredCommandOutcome? FindCommand(string streamId, string commandId)
    {
        _findCommand.Parameters[0].Value = streamId;
        _findCommand.Parameters[1].Value = commandId;
        using var r = _findCommand.ExecuteReader();
        return r.Read() ? SqliteRows.Outcome(streamId, commandId, r) : null;
    }

    public void InsertEvent(StoredEvent e)
    {
        var p = _insertEvent.Parameters;
        p[0].Value = e.Position;
        p[1].Value = e.StreamId;
        p[2].Value = e.Version;
        p[3].Value = e.EventId.ToString("D");
        p[4].Value = e.EventType;
        p[5].Value = e.SchemaVersion;
        p[6].Value = e.Payload;
        p[7].Value = e.OccurredAt.UtcTicks;
        p[8].Value = e.RecordedAt.UtcTicks;
        p[9].Value = e.Actor;
        p[10].Value = e.CommandId;
        p[11].Value = (object?)e.CausationId ?? DBNull.Value;
        p[12].Value = e.CorrelationId;
        p[13].Value = e.Hash;
        _insertEvent.ExecuteNonQuery();
    }

    /// <summary>Changes whenever another connection (another process) commits to the database.</summary>
    public long DataVersion() => (long)_dataVersion.ExecuteScalar()!;

    public void DeleteCommand(string streamId, string commandId)
    {
        _deleteCommand.Parameters[0].Value = streamId;
        _deleteCommand.Parameters[1].Value = commandId;
        _deleteCommand.ExecuteNonQuery();
    }

    /// <summary>Records a command's outcome; false if the command id was recorded before (nothing is written then).</summary>
    public bool TryInsertCommand(string streamId, string commandId, long first, long last, Rejection? rejection, DateTimeOffset recordedAt)
    {
        var p = _insertCommand.Parameters;
        p[0].Value = streamId;
        p[1].Value = commandId;
        p[2].Value = first;
        p[3].Value = last;
        p[4].Value = (object?)rejection?.Code ?? DBNull.Value;
        p[5].Value = (object?)rejection?.Message ?? DBNull.Value;
        p[6].Value = recordedAt.UtcTicks;
        return _insertCommand.ExecuteNonQuery() == 1;
    }

    public void UpsertSnapshot(Snapshot s)
    {
        var p = _upsertSnapshot.Parameters;
        p[0].Value = s.StreamId;
        p[1].Value = s.Version;
        p[2].Value = s.StateSchemaVersion;
        p[3].Value = s.State;
        p[4].Value = s.TakenAt.UtcTicks;
        _upsertSnapshot.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var c in _all)
            c.Dispose();
    }

    private static SqliteCommand Make(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        return command;
    }
}
