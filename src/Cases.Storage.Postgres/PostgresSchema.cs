using System.Text;
using System.Text.RegularExpressions;

namespace Cases.Storage.Postgres;

/// <summary>The store's tables in one PostgreSQL schema, the migrations that create them, and the advisory-lock keys of that schema.</summary>
/// <remarks>Times are UTC ticks (bigint), not timestamptz: the hash chain covers ticks, and timestamptz keeps only microseconds.
/// Payloads are text, not jsonb: jsonb reorders keys and would break the hash of the exact stored bytes.</remarks>
internal sealed partial class PostgresSchema
{
    // Arbitrary first keys of pg_advisory_xact_lock(int, int), namespacing our locks; the second key is the schema's hash.
    private const int WriteLockClass = 0x43415345; // "CASE"
    private const int MigrationLockClass = 0x4341534D; // "CASM"

    public PostgresSchema(string name)
    {
        if (!SchemaName().IsMatch(name))
            throw new ArgumentException($"The schema name '{name}' must be lower-case letters, digits and underscores, starting with a letter or underscore.", nameof(name));
        Name = name;
        SchemaKey = Fnv1a(name);
    }

    /// <summary>The schema name, safe to splice into SQL (validated, never quoted).</summary>
    public string Name { get; }

    /// <summary>The second advisory-lock key: stores in different schemas of one database do not serialize each other.</summary>
    public int SchemaKey { get; }

    public (int, int) WriteLock => (WriteLockClass, SchemaKey);

    public (int, int) MigrationLock => (MigrationLockClass, SchemaKey);

    public const string EventColumns =
        "stream_id, version, position, event_id, event_type, schema_version, payload, occurred_at, recorded_at, actor, command_id, causation_id, correlation_id, hash";

    /// <summary>Each migration once, in order; <c>schema_version</c> records the ones applied. Append new ones, never edit old ones.</summary>
    public IReadOnlyList<(int Version, string Description, string Sql)> Migrations =>
    [
        (1, "events, commands, snapshots, checkpoints", $"""
            CREATE TABLE IF NOT EXISTS {Name}.events (
                position       bigint  PRIMARY KEY,
                stream_id      text    NOT NULL,
                version        bigint  NOT NULL,
                event_id       uuid    NOT NULL,
                event_type     text    NOT NULL,
                schema_version integer NOT NULL,
                payload        text    NOT NULL,
                occurred_at    bigint  NOT NULL,
                recorded_at    bigint  NOT NULL,
                actor          text    NOT NULL,
                command_id     text    NOT NULL,
                causation_id   text,
                correlation_id text    NOT NULL,
                hash           bytea   NOT NULL,
                CONSTRAINT events_stream_version UNIQUE (stream_id, version)
            );
            CREATE TABLE IF NOT EXISTS {Name}.commands (
                command_id        text   NOT NULL,
                stream_id         text   NOT NULL,
                first_version     bigint NOT NULL,
                last_version      bigint NOT NULL,
                rejection_code    text,
                rejection_message text,
                recorded_at       bigint NOT NULL,
                PRIMARY KEY (command_id, stream_id)
            );
            CREATE TABLE IF NOT EXISTS {Name}.snapshots (
                stream_id    text    PRIMARY KEY,
                version      bigint  NOT NULL,
                state_schema integer NOT NULL,
                state        text    NOT NULL,
                taken_at     bigint  NOT NULL
            );
            CREATE TABLE IF NOT EXISTS {Name}.checkpoints (
                name       text   PRIMARY KEY,
                position   bigint NOT NULL,
                updated_at bigint NOT NULL
            );
            """),
        // Orleans' membership (Clustering/PostgresMembershipTable): read by people during incidents, so times are timestamptz and statuses names.
        (2, "orleans membership", $"""
            CREATE TABLE {Name}.orleans_membership_version (
                cluster_id text        PRIMARY KEY,
                version    integer     NOT NULL,
                changed_at timestamptz NOT NULL DEFAULT now()
            );
            CREATE TABLE {Name}.orleans_membership (
                cluster_id      text        NOT NULL REFERENCES {Name}.orleans_membership_version (cluster_id),
                silo_address    text        NOT NULL,
                etag            integer     NOT NULL,
                status          text        NOT NULL,
                proxy_port      integer     NOT NULL,
                host_name       text        NOT NULL,
                silo_name       text        NOT NULL,
                role_name       text,
                update_zone     integer     NOT NULL,
                fault_zone      integer     NOT NULL,
                start_time      timestamptz NOT NULL,
                i_am_alive_time timestamptz NOT NULL,
                suspect_times   text,
                PRIMARY KEY (cluster_id, silo_address)
            );
            """),
        // Outcomes recorded before keep a null fingerprint, which the grains treat as matching any retry of their id.
        (3, "command fingerprints", $"ALTER TABLE {Name}.commands ADD COLUMN IF NOT EXISTS fingerprint bytea"),
        // Orleans grain state of the read models (PostgresGrainStateTable): one opaque row per grain, replaced on its ETag; updated_at in UTC ticks.
        (4, "grain state", $"""
            CREATE TABLE IF NOT EXISTS {Name}.grain_state (
                grain_type text   NOT NULL,
                grain_id   text   NOT NULL,
                etag       text   NOT NULL,
                state      bytea  NOT NULL,
                updated_at bigint NOT NULL,
                PRIMARY KEY (grain_type, grain_id)
            );
            """),
    ];

    public string CreateSchemaVersion => $"""
        CREATE TABLE IF NOT EXISTS {Name}.schema_version (
            version     integer     PRIMARY KEY,
            description text        NOT NULL,
            applied_at  timestamptz NOT NULL DEFAULT now()
        );
        """;

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();

    // A stable hash (string.GetHashCode is randomized per process, and every silo must compute the same key).
    private static int Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
            hash = (hash ^ b) * 16777619u;
        return unchecked((int)hash);
    }
}
