using Cases.Journal;
using Cases.Journal.Events;
using Cases.Journal.Storage;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Cases.Storage.Sqlite;

/// <summary>The writer's prepared statements, made once and reused for every group commit.</summary>
internal sealed class SqliteStatements : IDisposable
{
    private readonly RawStatement _nextPosition;
    private readonly RawStatement _head;
    private readonly RawStatement _findCommand;
    private readonly RawStatement _insertEvent;
    private readonly RawStatement _insertCommand;
    private readonly RawStatement _deleteCommand;
    private readonly RawStatement _upsertSnapshot;
    private readonly RawStatement _dataVersion;
    private readonly RawStatement _saveCheckpoint;

    public SqliteStatements(SqliteConnection connection)
    {
        _nextPosition = new(connection, "SELECT COALESCE(MAX(position), 0) + 1 FROM events");
        _head = new(connection, "SELECT version, hash FROM events WHERE stream_id = ?1 ORDER BY version DESC LIMIT 1");
        _findCommand = new(connection,
            $"SELECT {SqliteSchema.CommandColumns} FROM commands WHERE command_id = ?1 AND stream_id = ?2");
        _insertEvent = new(connection,
            $"INSERT INTO events ({SqliteSchema.EventColumns}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
        // A command id seen before inserts nothing: the insert is also the duplicate check.
        _insertCommand = new(connection,
            "INSERT INTO commands (command_id, stream_id, first_version, last_version, rejection_code, rejection_message, recorded_at, fingerprint) " +
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (command_id, stream_id) DO NOTHING");
        _deleteCommand = new(connection, "DELETE FROM commands WHERE command_id = ?1 AND stream_id = ?2");
        _upsertSnapshot = new(connection,
            "INSERT INTO snapshots (stream_id, version, state_schema, state, taken_at) VALUES (?1, ?2, ?3, ?4, ?5) " +
            "ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, state_schema = excluded.state_schema, state = excluded.state, taken_at = excluded.taken_at " +
            "WHERE excluded.version > snapshots.version");
        _dataVersion = new(connection, "PRAGMA data_version");
        _saveCheckpoint = new(connection,
            "INSERT INTO checkpoints (name, position, updated_at) VALUES (?1, ?2, ?3) " +
            "ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at WHERE excluded.position > checkpoints.position");
    }

    public long NextPosition() => _nextPosition.QueryFirst(s => raw.sqlite3_column_int64(s, 0), 1L);

    /// <summary>Changes whenever another connection (another process) commits to the database.</summary>
    public long DataVersion() => _dataVersion.QueryFirst(s => raw.sqlite3_column_int64(s, 0), 0L);

    public (long Version, byte[] Hash) Head(string streamId) =>
        _head.Bind(1, streamId).QueryFirst(
            s => (raw.sqlite3_column_int64(s, 0), raw.sqlite3_column_blob(s, 1).ToArray()),
            (0L, EventHasher.Genesis.ToArray()));

    public StoredCommandOutcome? FindCommand(string streamId, string commandId) =>
        _findCommand.Bind(1, commandId).Bind(2, streamId).QueryFirst<StoredCommandOutcome?>(
            s => new StoredCommandOutcome(
                streamId,
                commandId,
                raw.sqlite3_column_int64(s, 0),
                raw.sqlite3_column_int64(s, 1),
                raw.sqlite3_column_type(s, 2) == raw.SQLITE_NULL
                    ? null
                    : new Rejection(raw.sqlite3_column_text(s, 2).utf8_to_string(), raw.sqlite3_column_text(s, 3).utf8_to_string()),
                SqliteRows.Time(raw.sqlite3_column_int64(s, 4)),
                raw.sqlite3_column_type(s, 5) == raw.SQLITE_NULL ? null : raw.sqlite3_column_blob(s, 5).ToArray()),
            null);

    public void InsertEvent(StoredEvent e) => _insertEvent
        .Bind(1, e.StreamId)
        .Bind(2, e.Version)
        .Bind(3, e.Position)
        .Bind(4, e.EventId.ToString("D"))
        .Bind(5, e.EventType)
        .Bind(6, e.SchemaVersion)
        .Bind(7, e.Payload)
        .Bind(8, e.OccurredAt.UtcTicks)
        .Bind(9, e.RecordedAt.UtcTicks)
        .Bind(10, e.Actor)
        .Bind(11, e.CommandId)
        .Bind(12, e.CausationId)
        .Bind(13, e.CorrelationId)
        .Bind(14, e.Hash)
        .Execute();

    /// <summary>Records a command's outcome; false if the command id was recorded before (nothing is written then).</summary>
    public bool TryInsertCommand(string streamId, CommandAppend command, long first, long last, DateTimeOffset recordedAt) =>
        _insertCommand
            .Bind(1, command.CommandId)
            .Bind(2, streamId)
            .Bind(3, first)
            .Bind(4, last)
            .Bind(5, command.Rejection?.Code)
            .Bind(6, command.Rejection?.Message)
            .Bind(7, recordedAt.UtcTicks)
            .Bind(8, command.Fingerprint)
            .Execute() == 1;

    public void DeleteCommand(string streamId, string commandId) => _deleteCommand.Bind(1, commandId).Bind(2, streamId).Execute();

    public void UpsertSnapshot(Snapshot s) => _upsertSnapshot
        .Bind(1, s.StreamId)
        .Bind(2, s.Version)
        .Bind(3, s.StateSchemaVersion)
        .Bind(4, s.State)
        .Bind(5, s.TakenAt.UtcTicks)
        .Execute();

    public void SaveCheckpoint(string name, long position, DateTimeOffset at) =>
        _saveCheckpoint.Bind(1, name).Bind(2, position).Bind(3, at.UtcTicks).Execute();

    public void Dispose()
    {
        foreach (var statement in new[] { _nextPosition, _head, _findCommand, _insertEvent, _insertCommand, _deleteCommand, _upsertSnapshot, _dataVersion, _saveCheckpoint })
            statement.Dispose();
    }
}
