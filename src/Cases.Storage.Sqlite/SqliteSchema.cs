namespace Cases.Storage.Sqlite;

/// <summary>The store's tables; the global position is the rowid so the log is a B-tree append.</summary>
internal static class SqliteSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS events (
            position       INTEGER PRIMARY KEY,
            stream_id      TEXT    NOT NULL,
            version        INTEGER NOT NULL,
            event_id       TEXT    NOT NULL,
            event_type     TEXT    NOT NULL,
            schema_version INTEGER NOT NULL,
            payload        TEXT    NOT NULL,
            occurred_at    INTEGER NOT NULL,
            recorded_at    INTEGER NOT NULL,
            actor          TEXT    NOT NULL,
            command_id     TEXT    NOT NULL,
            causation_id   TEXT,
            correlation_id TEXT    NOT NULL,
            hash           BLOB    NOT NULL
        );
        CREATE UNIQUE INDEX IF NOT EXISTS events_stream_version ON events (stream_id, version);
        -- Keyed by command id first: the grains' ids are time-ordered (UUIDv7), so inserts land at the B-tree's right edge.
        CREATE TABLE IF NOT EXISTS commands (
            stream_id         TEXT    NOT NULL,
            command_id        TEXT    NOT NULL,
            first_version     INTEGER NOT NULL,
            last_version      INTEGER NOT NULL,
            rejection_code    TEXT,
            rejection_message TEXT,
            recorded_at       INTEGER NOT NULL,
            fingerprint       BLOB,
            PRIMARY KEY (command_id, stream_id)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS checkpoints (
            name       TEXT    NOT NULL PRIMARY KEY,
            position   INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS snapshots (
            stream_id    TEXT    NOT NULL PRIMARY KEY,
            version      INTEGER NOT NULL,
            state_schema INTEGER NOT NULL,
            state        TEXT    NOT NULL,
            taken_at     INTEGER NOT NULL
        ) WITHOUT ROWID;
        """;

    /// <summary>Whether the commands table has its fingerprint column (tables created before it existed lack it).</summary>
    public const string HasFingerprints = "SELECT COUNT(*) FROM pragma_table_info('commands') WHERE name = 'fingerprint'";

    // Outcomes recorded before the column existed keep a null fingerprint, which the grains treat as matching any retry.
    public const string AddFingerprints = "ALTER TABLE commands ADD COLUMN fingerprint BLOB";

    public const string CommandColumns = "first_version, last_version, rejection_code, rejection_message, recorded_at, fingerprint";

    public const string EventColumns =
        "stream_id, version, position, event_id, event_type, schema_version, payload, occurred_at, recorded_at, actor, command_id, causation_id, correlation_id, hash";
}
