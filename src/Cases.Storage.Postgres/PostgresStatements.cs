namespace Cases.Storage.Postgres;

/// <summary>The store's SQL for one schema, built once; parameters are positional so Npgsql need not rewrite the text.</summary>
internal sealed class PostgresStatements(PostgresSchema schema)
{
    private readonly string _s = schema.Name;

    public string LockWrites => "SELECT pg_advisory_xact_lock($1, $2)";

    public string LastPosition => $"SELECT COALESCE(MAX(position), 0) FROM {_s}.events";

    // One index probe per stream on (stream_id, version), newest first; a stream without events has no row.
    public string Heads => $"""
        SELECT q.stream_id, h.version, h.hash FROM unnest($1::text[]) AS q(stream_id)
        CROSS JOIN LATERAL (SELECT e.version, e.hash FROM {_s}.events AS e WHERE e.stream_id = q.stream_id ORDER BY e.version DESC LIMIT 1) AS h
        """;

    public string SeenCommands => $"""
        SELECT c.command_id, c.stream_id, c.first_version, c.last_version, c.rejection_code, c.rejection_message, c.recorded_at, c.fingerprint
        FROM unnest($1::text[], $2::text[]) AS q(command_id, stream_id)
        JOIN {_s}.commands AS c ON c.command_id = q.command_id AND c.stream_id = q.stream_id
        """;

    // One statement per batch however many events: columns arrive as arrays.
    public string InsertEvents => $"""
        INSERT INTO {_s}.events ({PostgresSchema.EventColumns})
        SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::uuid[], $5::text[], $6::integer[], $7::text[],
                             $8::bigint[], $9::bigint[], $10::text[], $11::text[], $12::text[], $13::text[], $14::bytea[])
        """;

    public string InsertCommands => $"""
        INSERT INTO {_s}.commands (command_id, stream_id, first_version, last_version, rejection_code, rejection_message, recorded_at, fingerprint)
        SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[], $5::text[], $6::text[], $7::bigint[], $8::bytea[])
        """;

    public string UpsertSnapshot => $"""
        INSERT INTO {_s}.snapshots AS t (stream_id, version, state_schema, state, taken_at) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, state_schema = excluded.state_schema, state = excluded.state, taken_at = excluded.taken_at
        WHERE excluded.version > t.version
        """;

    public string SaveCheckpoint => $"""
        INSERT INTO {_s}.checkpoints AS t (name, position, updated_at) VALUES ($1, $2, $3)
        ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at
        WHERE excluded.position > t.position
        """;

    public string ReadStream =>
        $"SELECT {PostgresSchema.EventColumns} FROM {_s}.events WHERE stream_id = $1 AND version >= $2 AND version <= $3 ORDER BY version";

    public string ReadAll => $"SELECT {PostgresSchema.EventColumns} FROM {_s}.events WHERE position >= $1 ORDER BY position";

    // One statement is one snapshot: the head (an index-only probe of the primary key's right edge) and the page bounded by it are read together.
    // The page walks the primary key from $1 and filters types in the server; the head is the last column, and the only one of the row when nothing matched.
    public string ReadLog => $"""
        WITH head AS (SELECT COALESCE(MAX(position), 0) AS position FROM {_s}.events)
        SELECT e.*, head.position FROM head
        LEFT JOIN LATERAL (
            SELECT {PostgresSchema.EventColumns} FROM {_s}.events
            WHERE position > $1 AND position <= head.position AND event_type = ANY($2::text[])
            ORDER BY position LIMIT $3) AS e ON true
        ORDER BY e.position
        """;

    public string FindCommand =>
        $"SELECT first_version, last_version, rejection_code, rejection_message, recorded_at, fingerprint FROM {_s}.commands WHERE command_id = $1 AND stream_id = $2";

    public string LoadStart => $"""
        SELECT n.version, n.state_schema, n.state, n.taken_at, (SELECT MAX(e.version) FROM {_s}.events AS e WHERE e.stream_id = $1)
        FROM (SELECT $1::text AS stream_id) AS q LEFT JOIN {_s}.snapshots AS n ON n.stream_id = q.stream_id
        """;


    public string LoadCheckpoint => $"SELECT position FROM {_s}.checkpoints WHERE name = $1";

    public string Health => $"SELECT 1 FROM {_s}.events LIMIT 1";

    // Durability is not negotiable: a session or database default of off would acknowledge commits not yet on disk.
    public string KeepCommitsDurable => "SELECT set_config('synchronous_commit', 'on', false) WHERE current_setting('synchronous_commit') = 'off'";

    // A generic plan made while the tables were small (a hash join over all commands) outlives their growth until the next ANALYZE;
    // planning each batch with its real arrays keeps the lookups index probes (measured: 2.9 ms per lookup on a fresh schema before).
    public string PlanEachBatch => "SET plan_cache_mode = force_custom_plan";
}
